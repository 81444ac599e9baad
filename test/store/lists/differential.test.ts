import { afterAll, beforeAll, describe, it } from 'vitest';
import type { RealRedisServer } from '../../support/real-redis-server.js';
import { assertNoDifference } from '../differential/differential-property.js';
import { blockingListCommands, listCommands } from '../differential/generators/lists.js';
import { stringCommands } from '../differential/generators/strings.js';
import { realRedisTarget, startReferenceRedis } from '../differential/real-redis-target.js';
import type { DifferentialTarget } from '../differential/target.js';
import { withoutTransactionArityNoise } from './without-transaction-arity-noise.js';
import { debugEnabledStoreTarget } from './debug-enabled-store-target.js';

/**
 * Generated command sequences of the list family (with some string
 * commands mixed in so types collide, and blocking pops inside MULTI), run
 * on the store and on a real redis-server 7.0: every reply and the final
 * dataset must agree. REDSIM_FAMILY_RUNS and REDSIM_DIFF_SEED widen the search.
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
    { weight: 8, commands: listCommands },
    { weight: 1, commands: stringCommands },
  ],
  blockingCommands: blockingListCommands,
  transactionWeight: Number(process.env['REDSIM_FAMILY_TX_WEIGHT'] ?? '1'),
  unitsMin: 1,
  unitsMax: 30,
};

describe('lists against redis-server 7.0', () => {
  it('gives the same replies and dataset as redis-server for generated list sequences', async () => {
    await assertNoDifference({ reference, candidate, shape, numRuns: runsOverride > 0 ? runsOverride : 200, seedOffset: 31 });
  });
});
