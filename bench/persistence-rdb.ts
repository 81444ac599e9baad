/**
 * Bench: RDB cost against dataset size, for the complexity report (issue 5).
 * For N keys (a mix of strings, lists, sets, hashes and sorted sets, in
 * every encoding), the bytes of the RDB, the keys written and read (steps),
 * and the wall time to save and to load. Expect all linear in N (bytes and
 * ms per key constant). Run: `npm run bench -- persistence-rdb`.
 */
import { pathToFileURL } from 'node:url';
import { InputError } from '../src/core/errors.js';
import { createStore, type Store } from '../src/store/embedded.js';
import { databaseSources } from '../src/store/persistence/dataset.js';
import { loadRdb } from '../src/store/persistence/rdb/rdb-loader.js';
import { writeRdb } from '../src/store/persistence/rdb/rdb-writer.js';

export interface RdbFigures {
  readonly keys: number;
  readonly bytes: number;
  readonly saveSteps: number;
  readonly loadSteps: number;
  readonly saveMs: number;
  readonly loadMs: number;
}

function wallMsNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** N keys cycling through the types: every 5th a string, list of 10, set of 10 integers, hash of 10, zset of 10. */
export function filledStore(keys: number): Store {
  const store = createStore();
  for (let index = 0; index < keys; index++) {
    const key = `key:${index}`;
    const items = Array.from({ length: 10 }, (_, item) => `${item * index}`);
    switch (index % 5) {
      case 0: store.call('SET', key, `value-${index}-${'x'.repeat(index % 50)}`); break;
      case 1: store.call('RPUSH', key, ...items); break;
      case 2: store.call('SADD', key, ...items); break;
      case 3: store.call('HSET', key, ...items.flatMap((item, at) => [`f${at}`, item])); break;
      default: store.call('ZADD', key, ...items.flatMap((item, at) => [String(at / 3), `m${item}`])); break;
    }
  }
  return store;
}

export function measureRdb(keys: number): RdbFigures {
  const store = filledStore(keys);
  const node = store.node;
  let saveSteps = 0;
  let loadSteps = 0;
  const saveStart = wallMsNow();
  const bytes = writeRdb(databaseSources(node), { compress: true, checksum: true, listMaxListpackSize: -2, ctimeSeconds: 0, usedMemoryBytes: 0, aofBase: false, countSteps: (count) => (saveSteps += count) });
  const saveMs = wallMsNow() - saveStart;
  const loadStart = wallMsNow();
  const loaded = loadRdb(bytes, { file: 'bench.rdb', databaseCount: 16, encodingConfig: node.config.encoding, rng: node.rng, skipExpiredBeforeMs: undefined, countSteps: (count) => (loadSteps += count) });
  const loadMs = wallMsNow() - loadStart;
  if (loaded instanceof InputError) throw loaded;
  return { keys, bytes: bytes.length, saveSteps, loadSteps, saveMs, loadMs };
}

export function main(): RdbFigures[] {
  measureRdb(1_000);
  const figures = [1_000, 10_000, 50_000].map(measureRdb);
  for (const figure of figures) {
    process.stdout.write(
      `persistence-rdb: keys=${figure.keys} bytes=${figure.bytes} (${(figure.bytes / figure.keys).toFixed(1)} B/key) ` +
        `save steps=${figure.saveSteps} ${figure.saveMs.toFixed(1)}ms (${((figure.saveMs * 1000) / figure.keys).toFixed(2)} µs/key) ` +
        `load steps=${figure.loadSteps} ${figure.loadMs.toFixed(1)}ms (${((figure.loadMs * 1000) / figure.keys).toFixed(2)} µs/key)\n`,
    );
  }
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
