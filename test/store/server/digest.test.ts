import { describe, expect, it } from 'vitest';
import type { HashObject, SetObject, ZsetObject } from '../../../src/store/keyspace/object.js';
import { valueDigestHex } from '../../../src/store/server/digest.js';
import { testStore } from './support/store-helpers.js';
import { TestList, TestString } from './support/test-commands.js';

const bytes = (text: string): Buffer => Buffer.from(text);

function hash(pairs: [string, string][]): HashObject {
  return { type: 'hash', encoding: () => 'listpack', size: () => pairs.length, entries: () => pairs.map(([field, value]) => [bytes(field), bytes(value)] as const), clone: () => hash(pairs) };
}

function set(members: string[]): SetObject {
  return { type: 'set', encoding: () => 'hashtable', size: () => members.length, members: () => members.map(bytes), clone: () => set(members) };
}

function zset(entries: [string, number][]): ZsetObject {
  return { type: 'zset', encoding: () => 'listpack', size: () => entries.length, entries: () => entries.map(([member, score]) => [bytes(member), score] as const), clone: () => zset(entries) };
}

/**
 * Expected digests were printed by a real redis-server 7.0.15 for:
 * SET s hello; SET n 12345; RPUSH l a b c; HSET h f v g w; SADD s1 1 2 3;
 * SADD s2 a b; ZADD z 1 a 2.5 b; PEXPIREAT s 9999999999999; SELECT 1; SET x y.
 */
describe('DEBUG DIGEST', () => {
  it('equals real Redis for the same dataset, whatever the element order of sets and hashes', () => {
    const store = testStore({ config: { 'enable-debug-command': 'yes' } });
    const db0 = store.node.database(0);
    db0.add(bytes('s'), new TestString(bytes('hello')));
    db0.setExpire(bytes('s'), 9999999999999);
    db0.add(bytes('n'), new TestString(bytes('12345')));
    db0.add(bytes('l'), new TestList([bytes('a'), bytes('b'), bytes('c')]));
    db0.add(bytes('h'), hash([['g', 'w'], ['f', 'v']]));
    db0.add(bytes('s1'), set(['3', '1', '2']));
    db0.add(bytes('s2'), set(['b', 'a']));
    db0.add(bytes('z'), zset([['a', 1], ['b', 2.5]]));
    store.node.database(1).add(bytes('x'), new TestString(bytes('y')));
    expect(store.node.datasetDigest()).toBe('cd4e6844c752de06675e55dd62cda71e65280213');
    expect(store.call('DEBUG', 'DIGEST')).toBe('cd4e6844c752de06675e55dd62cda71e65280213');
    expect(store.call('DEBUG', 'DIGEST-VALUE', 's', 'n', 'l', 'h', 's1', 's2', 'z', 'nokey')).toEqual([
      'd037c4eb8a8b36b602fbced4000daeab0714c1e3',
      'e1cf90774e995ae03de66e8109dc5cb9d9c2dc83',
      '8bf72d812571eea9b927f3c11beb0c4165a6ff89',
      'd127864ed50239662bf61bafc9bda63c17da5b37',
      '2a462a3f51a1db89738ebbeef0c47ce1bbc85246',
      'dd99329063ca0f1f28df2ac68d94b82fd95501c6',
      'c45c5b051acd64070e5ed1a949939d5145f806c5',
      '0000000000000000000000000000000000000000',
    ]);
  });

  it('formats zset scores with %.17g like Redis', () => {
    expect(valueDigestHex(zset([['m', 0.1]]), false)).toBe('285a6e508750d13f749019c7cddbd43bf282cb72');
  });

  it('is all zeros for an empty dataset and changes with the db a key lives in', () => {
    const store = testStore();
    expect(store.node.datasetDigest()).toBe('0'.repeat(40));
    store.call('xset', 'k', 'v');
    const inDb0 = store.node.datasetDigest();
    store.call('xdelkeys', 'k');
    store.call('SELECT', '1');
    store.call('xset', 'k', 'v');
    expect(store.node.datasetDigest()).not.toBe(inDb0);
  });
});
