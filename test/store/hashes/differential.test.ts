import { afterAll, beforeAll, describe, it } from 'vitest';
import type { RealRedisServer } from '../../support/real-redis-server.js';
import { assertNoDifference } from '../differential/differential-property.js';
import { hashCommands } from '../differential/generators/hashes.js';
import { stringCommands } from '../differential/generators/strings.js';
import { realRedisTarget, startReferenceRedis } from '../differential/real-redis-target.js';
import type { DifferentialTarget } from '../differential/target.js';
import { withoutTransactionArityNoise } from '../lists/without-transaction-arity-noise.js';
import { debugEnabledStoreTarget } from '../lists/debug-enabled-store-target.js';

/**
 * Generated command sequences of the hash family (with some string
 * commands mixed in so types collide, and transactions), run on the store
 * and on a real redis-server 7.0 with varying encoding thresholds: every
 * reply and the final dataset must agree (hashtable order as a multiset).
 * REDSIM_FAMILY_RUNS and REDSIM_DIFF_SEED widen the search.
 */
let server: RealRedisServer;
let reference: DifferentialTarget;
const candidate = withoutTransactionArityNoise(debugEnabledStoreTarget('redsim'));

beforeAll(async () => {
  server = await startReferenceRedis();
  reference = withoutTransactionArityNoise(await realRedisTarget(server, 'redis'));
});

afterAll(async () => {
  await reference?.close();
  await candidate.close();
  await server?.stop();
});

const runsOverride = Number(process.env['REDSIM_FAMILY_RUNS'] ?? '0');

const shape = {
  families: [
    { weight: 8, commands: hashCommands },
    { weight: 1, commands: stringCommands },
  ],
  transactionWeight: Number(process.env['REDSIM_FAMILY_TX_WEIGHT'] ?? '1'),
  unitsMin: 1,
  unitsMax: 30,
};

describe('hashes against redis-server 7.0', () => {
  it('gives the same replies and dataset as redis-server for generated hash sequences', async () => {
    await assertNoDifference({ reference, candidate, shape, numRuns: runsOverride > 0 ? runsOverride : 200, seedOffset: 37 });
  });
});
