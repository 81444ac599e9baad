import { assert } from '../../core/assert.js';
import type { CommandSpec } from './command.js';
import { bitCommands } from './families/bits.js';
import { connectionCommands } from './families/connection.js';
import { diagnosticCommands } from './families/diagnostics.js';
import { functionCommands } from './families/functions.js';
import { geoCommands } from './families/geo.js';
import { hashCommands } from './families/hashes.js';
import { hyperLogLogCommands } from './families/hyperloglog.js';
import { keyCommands } from './families/keys.js';
import { listCommands } from './families/lists.js';
import { persistenceCommands } from './families/persistence.js';
import { pubsubCommands } from './families/pubsub.js';
import { replicationCommands } from './families/replication.js';
import { scriptingCommands } from './families/scripting.js';
import { serverCommands } from './families/server.js';
import { setCommands } from './families/sets.js';
import { streamCommands } from './families/streams.js';
import { stringCommands } from './families/strings.js';
import { transactionCommands } from './families/transactions.js';
import { zsetCommands } from './families/zsets.js';

/** Every command family; each lives in its own file under `families/`. */
export const commandFamilies: readonly (readonly CommandSpec[])[] = [
  connectionCommands,
  serverCommands,
  keyCommands,
  stringCommands,
  bitCommands,
  listCommands,
  hashCommands,
  setCommands,
  zsetCommands,
  streamCommands,
  pubsubCommands,
  transactionCommands,
  replicationCommands,
  persistenceCommands,
  functionCommands,
  scriptingCommands,
  hyperLogLogCommands,
  geoCommands,
  diagnosticCommands,
];

/** The command table, keyed by lowercase name. */
export function buildCommandTable(): ReadonlyMap<string, CommandSpec> {
  const table = new Map<string, CommandSpec>();
  for (const family of commandFamilies) {
    for (const spec of family) {
      assert(spec.name === spec.name.toLowerCase(), `command names are lowercase: ${spec.name}`);
      assert(!table.has(spec.name), `command ${spec.name} is defined once`);
      table.set(spec.name, spec);
    }
  }
  return table;
}
