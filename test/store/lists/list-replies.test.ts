import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealRedisServer } from '../../support/real-redis-server.js';
import { realRedisTarget, startReferenceRedis } from '../differential/real-redis-target.js';
import type { DifferentialTarget } from '../differential/target.js';
import { debugEnabledStoreTarget } from './debug-enabled-store-target.js';
import { scriptDifferences, step, type ScriptStep } from './scripted-comparison.js';

/**
 * Edge cases of every list command, each script run on the store and on a
 * real redis-server 7.0.15: the replies must be the same bytes (error
 * strings, nil vs empty array vs null array, integer vs bulk).
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

const scripts: Record<string, readonly ScriptStep[]> = {
  'pushes, pops and their COUNT rules': [
    step('RPUSH', 'l', 'a', 'b', 'c', 'd', 'e'), step('LPUSH', 'l', 'z', 'y'), step('LPUSHX', 'missing', 'a'), step('RPUSHX', 'l', 'f', 'g'),
    step('LPOP', 'l', '0'), step('LPOP', 'l', '2'), step('RPOP', 'l', '3'), step('LPOP', 'l'), step('RPOP', 'l'),
    step('LPOP', 'missing'), step('LPOP', 'missing', '0'), step('LPOP', 'missing', '3'), step('RPOP', 'l', '-1'), step('LPOP', 'l', 'x'),
    step('LPOP', 'l', '1', '2'), step('RPOP', 'l', LLONG_MAX), step('EXISTS', 'l'), step('LPUSH', 'l'), step('LPOP'),
  ],
  'LRANGE and LINDEX index edges': [
    step('RPUSH', 'l', 'a', 'b', 'c', 'd', 'e'), step('LRANGE', 'l', '0', '-1'), step('LRANGE', 'l', '-100', '100'), step('LRANGE', 'l', '3', '1'),
    step('LRANGE', 'l', '-2', '-1'), step('LRANGE', 'l', '5', '10'), step('LRANGE', 'l', '0', LLONG_MAX), step('LRANGE', 'l', LLONG_MIN, LLONG_MAX),
    step('LRANGE', 'l', '0', '9223372036854775808'), step('LRANGE', 'l', 'x', '1'), step('LRANGE', 'missing', '0', '-1'), step('LRANGE', 'missing', 'x', '1'),
    step('LINDEX', 'l', '-1'), step('LINDEX', 'l', '-5'), step('LINDEX', 'l', '-6'), step('LINDEX', 'l', '5'), step('LINDEX', 'l', LLONG_MAX),
    step('LINDEX', 'l', 'x'), step('LINDEX', 'missing', 'x'), step('LINDEX', 'l', ' 1'), step('LINDEX', 'l', '01'), step('LLEN', 'l'), step('LLEN', 'missing'),
  ],
  'LSET, LINSERT, LREM and LTRIM': [
    step('LSET', 'missing', '0', 'x'), step('RPUSH', 'l', 'a', 'b', 'a', 'c', 'a'), step('LSET', 'l', '5', 'x'), step('LSET', 'l', '-6', 'x'),
    step('LSET', 'l', 'x', 'x'), step('LSET', 'l', '-1', 'z'), step('LINSERT', 'l', 'MIDDLE', 'a', 'b'), step('LINSERT', 'missing', 'BEFORE', 'a', 'b'),
    step('LINSERT', 'l', 'before', 'nope', 'x'), step('LINSERT', 'l', 'AFTER', 'c', 'y'), step('LINSERT', 'l', 'BEFORE', 'a', 'first'),
    step('LRANGE', 'l', '0', '-1'), step('LREM', 'l', '-1', 'a'), step('LREM', 'l', '1', 'a'), step('LREM', 'l', '0', 'a'), step('LREM', 'l', 'x', 'a'),
    step('LREM', 'missing', '1', 'a'), step('LRANGE', 'l', '0', '-1'), step('LTRIM', 'l', '1', '-2'), step('LRANGE', 'l', '0', '-1'),
    step('LTRIM', 'missing', '0', '1'), step('LTRIM', 'l', 'x', '1'), step('LTRIM', 'l', '5', '1'), step('EXISTS', 'l'),
    step('RPUSH', 'r', 'x', 'x'), step('LREM', 'r', '0', 'x'), step('EXISTS', 'r'),
  ],
  'LPOS options and errors': [
    step('RPUSH', 'l', 'a', 'b', 'c', 'b', 'a', 'b'), step('LPOS', 'l', 'b'), step('LPOS', 'l', 'b', 'RANK', '2'), step('LPOS', 'l', 'b', 'RANK', '-1'),
    step('LPOS', 'l', 'b', 'RANK', '-2', 'COUNT', '0'), step('LPOS', 'l', 'b', 'COUNT', '2'), step('LPOS', 'l', 'b', 'COUNT', '0', 'MAXLEN', '4'),
    step('LPOS', 'l', 'b', 'MAXLEN', '1'), step('LPOS', 'l', 'b', 'RANK', '4'), step('LPOS', 'l', 'nope', 'COUNT', '3'), step('LPOS', 'l', 'b', 'RANK', '0'),
    step('LPOS', 'l', 'b', 'RANK', 'x'), step('LPOS', 'l', 'b', 'COUNT', '-1'), step('LPOS', 'l', 'b', 'COUNT', 'x'), step('LPOS', 'l', 'b', 'MAXLEN', '-1'),
    step('LPOS', 'l', 'b', 'RANK'), step('LPOS', 'l', 'b', 'BOGUS', '1'), step('LPOS', 'missing', 'a'), step('LPOS', 'missing', 'a', 'COUNT', '0'),
    step('LPOS', 'l', 'b', 'RANK', LLONG_MIN), step('LPOS', 'l', 'b', 'RANK', LLONG_MIN, 'COUNT', '1'), step('LPOS', 'l', 'b', 'RANK', '-9223372036854775807'),
  ],
  'LMOVE, RPOPLPUSH and LMPOP': [
    step('RPUSH', 'src', 'a', 'b', 'c'), step('LMOVE', 'src', 'dst', 'LEFT', 'RIGHT'), step('LMOVE', 'src', 'dst', 'right', 'left'),
    step('LMOVE', 'src', 'dst', 'UP', 'LEFT'), step('LMOVE', 'src', 'dst', 'LEFT', 'DOWN'), step('LMOVE', 'missing', 'dst', 'LEFT', 'LEFT'),
    step('RPOPLPUSH', 'src', 'src'), step('RPOPLPUSH', 'src', 'dst'), step('EXISTS', 'src'), step('LRANGE', 'dst', '0', '-1'),
    step('RPUSH', 'one', 'x'), step('RPOPLPUSH', 'one', 'one'), step('LRANGE', 'one', '0', '-1'),
    step('LMPOP', '2', 'missing', 'dst', 'LEFT'), step('LMPOP', '1', 'dst', 'RIGHT', 'COUNT', '10'), step('LMPOP', '1', 'dst', 'LEFT'),
    step('LMPOP', '0', 'dst', 'LEFT'), step('LMPOP', '-1', 'dst', 'LEFT'), step('LMPOP', 'x', 'dst', 'LEFT'), step('LMPOP', '2', 'a', 'LEFT'),
    step('LMPOP', '1', 'one', 'UP'), step('LMPOP', '1', 'one', 'LEFT', 'COUNT', '0'), step('LMPOP', '1', 'one', 'LEFT', 'COUNT', 'x'),
    step('LMPOP', '1', 'one', 'LEFT', 'COUNT', '1', 'COUNT', '2'), step('LMPOP', '1', 'one', 'LEFT', 'COUNT'), step('LMPOP', '1', 'one', 'LEFT', 'BOGUS'),
    step('LMPOP', LLONG_MAX, 'one', 'LEFT'), step('LMPOP', '1', 'one'),
  ],
  'WRONGTYPE everywhere, and a wrong destination leaves the source alone': [
    step('SET', 's', 'x'), step('RPUSH', 'l', 'a'), step('LPUSH', 's', 'a'), step('LPUSHX', 's', 'a'), step('LRANGE', 's', '0', '1'), step('LLEN', 's'),
    step('LINDEX', 's', '0'), step('LSET', 's', '0', 'a'), step('LPOP', 's'), step('LPOP', 's', '2'), step('LINSERT', 's', 'BEFORE', 'a', 'b'),
    step('LREM', 's', '0', 'a'), step('LTRIM', 's', '0', '1'), step('LPOS', 's', 'a'), step('LMOVE', 'l', 's', 'LEFT', 'LEFT'), step('LRANGE', 'l', '0', '-1'),
    step('LMOVE', 's', 'l', 'LEFT', 'LEFT'), step('RPOPLPUSH', 'l', 's'), step('LMPOP', '2', 'missing', 's', 'LEFT'), step('LMPOP', '2', 'l', 's', 'LEFT'),
    step('BLPOP', 's', '0'), step('BLPOP', 'missing', 's', 'l', '0'), step('BLMOVE', 's', 'l', 'LEFT', 'LEFT', '0'), step('BLMPOP', '0', '1', 's', 'LEFT'),
  ],
  'blocking commands with data act at once; their argument errors come first': [
    step('RPUSH', 'l', 'a', 'b', 'c', 'd', 'e', 'f'), step('BLPOP', 'missing', 'l', '0'), step('BRPOP', 'l', '1.5'), step('BLMPOP', '0', '2', 'missing', 'l', 'RIGHT', 'COUNT', '2'),
    step('BLMOVE', 'l', 'l2', 'RIGHT', 'LEFT', '0'), step('BRPOPLPUSH', 'l', 'l2', '0'), step('LRANGE', 'l2', '0', '-1'), step('BLPOP', 'l', '-1'), step('BLPOP', 'l', 'x'),
    step('BLPOP', 'l', 'inf'), step('BLPOP', 'l', '1e30'), step('BLPOP', 'l', LLONG_MAX), step('BLMPOP', 'x', '1', 'l', 'LEFT'), step('BLMPOP', '0', '0', 'l', 'LEFT'),
    step('BLMPOP', 'x', '0', 'l', 'LEFT'), step('BLMPOP', 'x', '1', 'l', 'UP'), step('BLMOVE', 'l', 'l2', 'UP', 'LEFT', 'x'), step('BLMOVE', 'l', 'l2', 'LEFT', 'LEFT', 'x'),
    step('BRPOPLPUSH', 'l', 'l2', '-0.5'), step('BLMPOP', '0', '1', 'l', 'LEFT', 'COUNT', '0'), step('BLPOP', 'l'),
  ],
  'binary-safe elements': [
    step('RPUSH', 'b', '\x00\xff', '\r\n', ''), step('LRANGE', 'b', '0', '-1'), step('LPOS', 'b', ''), step('LREM', 'b', '0', '\r\n'), step('LINDEX', 'b', '0'),
    step('OBJECT', 'ENCODING', 'b'),
  ],
};

describe('list command replies against redis-server 7.0', () => {
  it.each(Object.keys(scripts))('%s', async (name) => {
    expect(await scriptDifferences(reference, candidate, scripts[name] ?? [])).toEqual([]);
  });
});
