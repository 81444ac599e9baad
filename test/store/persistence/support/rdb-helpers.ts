import { InputError } from '../../../../src/core/errors.js';
import { databaseSources, replaceDataset } from '../../../../src/store/persistence/dataset.js';
import { loadRdb, type LoadedRdb } from '../../../../src/store/persistence/rdb/rdb-loader.js';
import { writeRdb, type RdbWriteOptions } from '../../../../src/store/persistence/rdb/rdb-writer.js';
import type { StoreNode } from '../../../../src/store/server/node.js';

export function rdbBytesOf(node: StoreNode, overrides: Partial<RdbWriteOptions> = {}): Buffer {
  return writeRdb(databaseSources(node), {
    compress: true,
    checksum: true,
    listMaxListpackSize: node.config.integer('list-max-listpack-size'),
    ctimeSeconds: Math.floor(node.env.clock.nowMs() / 1000),
    usedMemoryBytes: 1_000_000,
    aofBase: false,
    ...overrides,
  });
}

export function parseRdb(node: StoreNode, data: Uint8Array, skipExpired = false): LoadedRdb {
  const loaded = loadRdb(data, {
    file: 'test.rdb',
    databaseCount: node.databaseCount(),
    encodingConfig: node.config.encoding,
    rng: node.rng,
    skipExpiredBeforeMs: skipExpired ? node.env.clock.nowMs() : undefined,
  });
  if (loaded instanceof InputError) throw loaded;
  return loaded;
}

/** Loads `data` into `node`, replacing its dataset. */
export function loadRdbInto(node: StoreNode, data: Uint8Array): LoadedRdb {
  const loaded = parseRdb(node, data);
  replaceDataset(node, loaded.databases);
  return loaded;
}
