import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealRedisServer } from '../../support/real-redis-server.js';
import { realRedisTarget, startReferenceRedis } from '../differential/real-redis-target.js';
import type { DifferentialTarget, SequenceConfig } from '../differential/target.js';
import { debugEnabledStoreTarget } from '../lists/debug-enabled-store-target.js';
import { scanPairs, scriptDifferences, step, unordered, unorderedPairs, type ScriptStep } from '../lists/scripted-comparison.js';

/**
 * Edge cases of every hash command, each script run on the store and on a
 * real redis-server 7.0.15: replies must be the same bytes, except the
 * order of a hashtable-encoded hash, compared as a multiset.
 */
let server: RealRedisServer;
let reference: DifferentialTarget;
const candidate = debugEnabledStoreTarget('redsim');

beforeAll(async () => {
  server = await startReferenceRedis();
  reference = await realRedisTarget(server, 'redis');
});

afterAll(async () => {
  await reference?.close();
  await candidate.close();
  await server?.stop();
});

const LLONG_MAX = '9223372036854775807';
const LLONG_MIN = '-9223372036854775808';
const smallThresholds: SequenceConfig = { 'hash-max-listpack-entries': '4', 'hash-max-listpack-value': '8' };

const scripts: Record<string, { readonly config?: SequenceConfig; readonly steps: readonly ScriptStep[] }> = {
  'listpack order: updates keep their place, deletes close the gap, new fields go last': {
    steps: [
      step('HSET', 'h', 'c', '1', 'a', '2', 'b', '3'), step('HSET', 'h', 'a', '9', 'd', '4'), step('HDEL', 'h', 'c', 'nope'), step('HSET', 'h', 'c', '5'),
      step('HSETNX', 'h', 'a', 'x'), step('HSETNX', 'h', 'e', '6'), step('HMSET', 'h', 'b', '7', 'f', '8'), step('HGETALL', 'h'), step('HKEYS', 'h'), step('HVALS', 'h'),
      step('HSCAN', 'h', '0'), step('HSCAN', 'h', '7', 'MATCH', '[a-c]'), step('HSCAN', 'h', '0', 'COUNT', '1'), step('HRANDFIELD', 'h', '100'),
      step('HRANDFIELD', 'h', '6', 'WITHVALUES'), step('OBJECT', 'ENCODING', 'h'),
    ],
  },
  'encoding conversion at hash-max-listpack-entries and -value, never back': {
    config: smallThresholds,
    steps: [
      step('HSET', 'h', 'a', '1', 'b', '2', 'c', '3', 'd', '4'), step('OBJECT', 'ENCODING', 'h'), step('HSET', 'h', 'e', '5'), step('OBJECT', 'ENCODING', 'h'),
      step('HDEL', 'h', 'a', 'b', 'c', 'd'), step('OBJECT', 'ENCODING', 'h'), unorderedPairs('HGETALL', 'h'),
      step('HSET', 'v', 'f', '12345678'), step('OBJECT', 'ENCODING', 'v'), step('HSET', 'v', 'g', '123456789'), step('OBJECT', 'ENCODING', 'v'),
      step('HSET', 'k', 'long-field', '1'), step('OBJECT', 'ENCODING', 'k'), step('HSETNX', 'n', 'f', 'long-value'), step('OBJECT', 'ENCODING', 'n'),
      step('HINCRBYFLOAT', 'fl', 'f', '1.1234567'), step('OBJECT', 'ENCODING', 'fl'), step('HINCRBY', 'i', 'f', '123456789'), step('OBJECT', 'ENCODING', 'i'),
      step('HSET', 'm', 'a', '1', 'b', '2', 'c', '3', 'd', '4', 'e', '5'), step('OBJECT', 'ENCODING', 'm'), unorderedPairs('HGETALL', 'm'), unordered('HKEYS', 'm'),
      unordered('HVALS', 'm'), scanPairs('HSCAN', 'm', '0', 'COUNT', '1000'), scanPairs('HSCAN', 'm', '0', 'MATCH', 'a*', 'COUNT', '1000'), unorderedPairs('HRANDFIELD', 'm', '9', 'WITHVALUES'),
      step('HLEN', 'm'), step('HSTRLEN', 'm', 'e'), step('HMGET', 'm', 'e', 'nope', 'a'),
    ],
  },
  'HINCRBY: 64-bit, overflow and non-integer values refused': {
    steps: [
      step('HINCRBY', 'h', 'n', '5'), step('HINCRBY', 'h', 'n', '-10'), step('HINCRBY', 'h', 'n', 'x'), step('HINCRBY', 'h', 'n', '1.5'),
      step('HSET', 'h', 'big', LLONG_MAX, 'small', LLONG_MIN, 's', 'abc', 'sp', ' 1', 'lead', '01'), step('HINCRBY', 'h', 'big', '1'),
      step('HINCRBY', 'h', 'small', '-1'), step('HINCRBY', 'h', 'big', '-1'), step('HINCRBY', 'h', 's', '1'), step('HINCRBY', 'h', 'sp', '1'),
      step('HINCRBY', 'h', 'lead', '1'), step('HINCRBY', 'h', 'new', LLONG_MIN), step('HINCRBY', 'h', 'new', '-1'), step('HINCRBY', 'missing', 'f', 'x'),
      step('EXISTS', 'missing'), step('HGETALL', 'h'),
    ],
  },
  'HINCRBYFLOAT: long double arithmetic and %.17Lf formatting': {
    steps: [
      step('HINCRBYFLOAT', 'h', 'a', '12345678.9'), step('HINCRBYFLOAT', 'h', 'b', '0.1'), step('HINCRBYFLOAT', 'h', 'b', '0.2'), step('HINCRBYFLOAT', 'h', 'c', '1e20'),
      step('HINCRBYFLOAT', 'h', 'd', '1.5e-20'), step('HINCRBYFLOAT', 'h', 'e', '-0'), step('HINCRBYFLOAT', 'h', 'f', '0x10'), step('HINCRBYFLOAT', 'h', 'g', '3.0e3'),
      step('HINCRBYFLOAT', 'h', 'g', '-3000'), step('HINCRBYFLOAT', 'h', 'x', 'inf'), step('HINCRBYFLOAT', 'h', 'x', 'nan'), step('HINCRBYFLOAT', 'h', 'x', 'abc'),
      step('HINCRBYFLOAT', 'h', 'x', ' 1'), step('HINCRBYFLOAT', 'h', 'x', '1e5000'), step('HSET', 'h', 's', 'abc', 'i', '10', 'inf', 'inf'),
      step('HINCRBYFLOAT', 'h', 's', '1'), step('HINCRBYFLOAT', 'h', 'i', '0.5'), step('HINCRBYFLOAT', 'h', 'inf', '1'), step('HINCRBYFLOAT', 'h', 'y', '123456789012345678901234567890.5'),
      step('HINCRBYFLOAT', 'missing', 'f', 'inf'), step('EXISTS', 'missing'), step('HGETALL', 'h'),
    ],
  },
  'reads of missing keys and fields, arity and WRONGTYPE': {
    steps: [
      step('HGET', 'missing', 'f'), step('HMGET', 'missing', 'a', 'b'), step('HEXISTS', 'missing', 'f'), step('HLEN', 'missing'), step('HSTRLEN', 'missing', 'f'),
      step('HGETALL', 'missing'), step('HKEYS', 'missing'), step('HVALS', 'missing'), step('HDEL', 'missing', 'f'), step('HSCAN', 'missing', '0'),
      step('HSCAN', 'missing', '0', 'COUNT', '0'), step('HSCAN', 'missing', 'x'), step('HRANDFIELD', 'missing'), step('HRANDFIELD', 'missing', '5'),
      step('HSET', 'h', 'a', '1', 'b', '22'), step('HGET', 'h', 'c'), step('HEXISTS', 'h', 'a'), step('HSTRLEN', 'h', 'b'), step('HSTRLEN', 'h', 'c'),
      step('HSET', 'h', 'a'), step('HSET', 'h', 'a', '1', 'b'), step('HMSET', 'h', 'a', '1', 'b'), step('HGET', 'h'), step('HDEL', 'h'),
      step('SET', 's', 'x'), step('HSET', 's', 'a', '1'), step('HGET', 's', 'a'), step('HMGET', 's', 'a'), step('HDEL', 's', 'a'), step('HLEN', 's'),
      step('HGETALL', 's'), step('HINCRBY', 's', 'a', '1'), step('HINCRBYFLOAT', 's', 'a', '1'), step('HSETNX', 's', 'a', '1'), step('HSCAN', 's', '0'),
      step('HRANDFIELD', 's'), step('HRANDFIELD', 's', '1'), step('HRANDFIELD', 's', 'x'), step('HEXISTS', 's', 'a'), step('HSTRLEN', 's', 'a'),
      step('HDEL', 'h', 'a', 'b', 'c'), step('EXISTS', 'h'),
    ],
  },
  'HRANDFIELD and HSCAN argument rules': {
    steps: [
      step('HSET', 'one', 'f', 'v'), step('HRANDFIELD', 'one'), step('HRANDFIELD', 'one', '-3'), step('HRANDFIELD', 'one', '-3', 'WITHVALUES'),
      step('HRANDFIELD', 'one', '1', 'withvalues'), step('HRANDFIELD', 'one', '0'), step('HRANDFIELD', 'one', 'x'), step('HRANDFIELD', 'one', '1', 'BOGUS'),
      step('HRANDFIELD', 'one', '1', 'WITHVALUES', 'extra'), step('HRANDFIELD', 'one', LLONG_MIN),
      step('HRANDFIELD', 'one', '5000000000000000000', 'WITHVALUES'), step('HRANDFIELD', 'one', '-4611686018427387904', 'WITHVALUES'),
      step('HRANDFIELD', 'missing', '5000000000000000000', 'WITHVALUES'), step('HSCAN', 'one', 'x'), step('HSCAN', 'one', '-1'), step('HSCAN', 'one', ''),
      step('HSCAN', 'one', '18446744073709551616'), step('HSCAN', 'one', '0', 'COUNT', '0'), step('HSCAN', 'one', '0', 'COUNT', 'x'), step('HSCAN', 'one', '0', 'MATCH'),
      step('HSCAN', 'one', '0', 'TYPE', 'string'), step('HSCAN', 'one', '0', 'MATCH', 'g*'), step('HSCAN', 'one', '0', 'NOVALUES'),
    ],
  },
  'binary-safe fields and values': {
    steps: [step('HSET', 'b', '\x00\xff', '\r\n', '', 'empty'), step('HGETALL', 'b'), step('HGET', 'b', ''), step('HSTRLEN', 'b', '\x00\xff'), step('HEXISTS', 'b', '\x00')],
  },
};

describe('hash command replies against redis-server 7.0', () => {
  it.each(Object.keys(scripts))('%s', async (name) => {
    const script = scripts[name];
    expect(await scriptDifferences(reference, candidate, script?.steps ?? [], script?.config)).toEqual([]);
  });
});
