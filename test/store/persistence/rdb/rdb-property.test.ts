import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../../src/store/embedded.js';
import { loadRdbInto, rdbBytesOf } from '../support/rdb-helpers.js';

/** Values that cross every encoding threshold: integers, short and long strings, binary. */
const element = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }).map(String),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 60, maxLength: 90 }),
  fc.uint8Array({ maxLength: 30 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

const keyCommand = fc.oneof(
  fc.tuple(fc.constant('SET'), element).map(([name, value]) => (key: string) => [name, key, value]),
  fc.array(element, { minLength: 1, maxLength: 200 }).map((items) => (key: string) => ['RPUSH', key, ...items]),
  fc.array(element, { minLength: 1, maxLength: 150 }).map((items) => (key: string) => ['SADD', key, ...items]),
  fc.array(fc.tuple(fc.double({ noNaN: true }), element), { minLength: 1, maxLength: 160 }).map((pairs) => (key: string) => ['ZADD', key, ...pairs.flatMap(([score, member]) => [String(score), member])]),
  fc.array(fc.tuple(element, element), { minLength: 1, maxLength: 150 }).map((pairs) => (key: string) => ['HSET', key, ...pairs.flat()]),
);

const dataset = fc.array(fc.tuple(fc.nat(15), fc.nat(30), keyCommand, fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: undefined })), { maxLength: 25 });

const thresholds = fc.record({
  'list-max-listpack-size': fc.constantFrom('-2', '-1', '5', '128'),
  'set-max-intset-entries': fc.constantFrom('512', '4'),
  'zset-max-listpack-entries': fc.constantFrom('128', '3'),
  'hash-max-listpack-entries': fc.constantFrom('512', '5'),
  rdbcompression: fc.constantFrom('yes', 'no'),
});

describe('RDB round trip (property)', () => {
  it('any dataset of every type and encoding loads back to the same digest, encodings and TTLs', () => {
    const encodingsSeen = new Set<string>();
    fc.assert(
      fc.property(dataset, thresholds, (entries, config) => {
        const source = createStore({ config, startEpochMs: 1_700_000_000_000 });
        for (const [db, keyIndex, command, ttlMs] of entries) {
          source.call('SELECT', String(db));
          const key = `key:${keyIndex}`;
          source.call('DEL', key);
          source.call(...command(key));
          if (ttlMs !== undefined) source.call('PEXPIRE', key, String(ttlMs));
        }
        const target = createStore({ config, startEpochMs: 1_700_000_000_000, seed: 9 });
        loadRdbInto(target.node, rdbBytesOf(source.node, { compress: config.rdbcompression === 'yes' }));
        expect(target.node.datasetDigest()).toBe(source.node.datasetDigest());
        for (let db = 0; db < 16; db++) {
          for (const key of source.node.database(db).keys()) {
            const ours = source.node.database(db).peek(key);
            const theirs = target.node.database(db).peek(key);
            encodingsSeen.add(`${ours?.type}:${ours?.encoding()}`);
            expect([key.toString('latin1'), theirs?.encoding()]).toEqual([key.toString('latin1'), ours?.encoding()]);
            expect(target.node.database(db).getExpire(key)).toBe(source.node.database(db).getExpire(key));
          }
        }
      }),
      { numRuns: 60 },
    );
    expect([...encodingsSeen].sort()).toEqual(['hash:hashtable', 'hash:listpack', 'list:quicklist', 'set:hashtable', 'set:intset', 'string:embstr', 'string:int', 'string:raw', 'zset:listpack', 'zset:skiplist']);
  });
});
