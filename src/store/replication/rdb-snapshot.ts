import { InputError } from '../../core/errors.js';
import { databaseSources, replaceDataset } from '../persistence/dataset.js';
import { loadRdb } from '../persistence/rdb/rdb-loader.js';
import { writeRdb } from '../persistence/rdb/rdb-writer.js';
import type { StoreNode } from '../server/node.js';

/** Where the snapshot sits in the replication stream (rdbPopulateSaveInfo). */
export interface SnapshotPosition {
  readonly replicationId: string;
  readonly offset: number;
  readonly streamDb: number;
}

/** The node's dataset as the RDB a full resync sends, stamped with its stream position. */
export function encodeSnapshot(node: StoreNode, position: SnapshotPosition): Buffer {
  return writeRdb(databaseSources(node), {
    compress: node.config.flag('rdbcompression'),
    listMaxListpackSize: node.config.integer('list-max-listpack-size'),
    checksum: node.config.flag('rdbchecksum'),
    ctimeSeconds: Math.floor(node.env.clock.nowMs() / 1000),
    usedMemoryBytes: node.estimatedMemoryBytes(),
    aofBase: false,
    replication: { streamDb: Math.max(0, position.streamDb), replicationId: position.replicationId, offset: position.offset },
    countSteps: (count) => node.countSteps('replication-rdb-save', count),
  });
}

/**
 * readSyncBulkPayload's load: parse the whole payload first, then replace the
 * dataset (a replica keeps keys that look expired: its master will DEL them).
 * A corrupt payload leaves the dataset as it was and returns the error;
 * else the db the stream continues in.
 */
export function loadSnapshot(node: StoreNode, payload: Uint8Array): InputError | { readonly streamDb: number } {
  const loaded = loadRdb(payload, {
    file: 'replication payload',
    databaseCount: node.databaseCount(),
    skipExpiredBeforeMs: undefined,
    encodingConfig: node.config.encoding,
    rng: node.keyspaceRng,
    countSteps: (count) => node.countSteps('replication-rdb-load', count),
  });
  if (loaded instanceof InputError) return loaded;
  replaceDataset(node, loaded.databases);
  // repl-stream-db: the db the master's stream had selected when it took the snapshot (a chained replica's master may not SELECT again).
  const streamDb = Number(loaded.aux.get('repl-stream-db')?.toString('latin1') ?? '0');
  return { streamDb: Number.isInteger(streamDb) && streamDb >= 0 && streamDb < node.databaseCount() ? streamDb : 0 };
}
