import { beforeEach, describe, it } from 'vitest';
import { useSideBySide } from '../../support/side-by-side.js';

const both = useSideBySide();

const seed = (key: string, count: number): string[] => ['ZADD', key, ...Array.from({ length: count }, (_, index) => [String((index * 37) % 11), `m${index}`]).flat()];

/** The same scenarios run with a listpack and, with the thresholds lowered, a skiplist. */
describe.each([
  ['listpack', {}],
  ['skiplist', { 'zset-max-listpack-entries': '2' }],
] as const)('sorted set commands answer like redis-server 7.0.15 (%s)', (_, config) => {
  beforeEach(async () => {
    await both.reset(config);
  });

  it('ZADD flags, CH, INCR, GT/LT and their errors', async () => {
    await both.script([
      ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'],
      ['OBJECT', 'ENCODING', 'z'],
      ['ZADD', 'z', 'NX', '10', 'a', '4', 'd'],
      ['ZADD', 'z', 'XX', 'CH', '10', 'a', '5', 'e'],
      ['ZADD', 'z', 'GT', 'CH', '5', 'a', '20', 'b'],
      ['ZADD', 'z', 'LT', 'CH', '1', 'a', '30', 'b'],
      ['ZADD', 'z', 'XX', 'GT', 'CH', '100', 'c'],
      ['ZADD', 'z', 'INCR', '2.5', 'a'],
      ['ZADD', 'z', 'INCR', 'NX', '2.5', 'a'],
      ['ZADD', 'z', 'INCR', 'XX', '1', 'nope'],
      ['ZADD', 'z', 'GT', 'INCR', '-1', 'a'],
      ['ZADD', 'z', 'CH', '1', 'a', '1', 'a'],
      ['ZINCRBY', 'z', '-inf', 'c'],
      ['ZINCRBY', 'z', '+inf', 'c'],
      ['ZINCRBY', 'z', 'x', 'c'],
      ['ZINCRBY', 'newkey', '1.5', 'm'],
      ['ZADD', 'z', 'NX', 'XX', '1', 'a'],
      ['ZADD', 'z', 'GT', 'LT', '1', 'a'],
      ['ZADD', 'z', 'GT', 'NX', '1', 'a'],
      ['ZADD', 'z', 'INCR', '1', 'a', '2', 'b'],
      ['ZADD', 'z', '1', 'a', '2'],
      ['ZADD', 'z', 'NX'],
      ['ZADD', 'z', 'nan', 'a'],
      ['ZADD', 'z', '', 'a'],
      ['ZADD', 'z', ' 1', 'a'],
      ['ZADD', 'z', '1e400', 'a'],
      ['ZADD', 'z', '0x10', 'hex', '-0', 'negzero', '1e-320', 'tiny'],
      ['ZADD', 'xxkey', 'XX', '1', 'a'],
      ['EXISTS', 'xxkey'],
      ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'],
      ['SET', 'str', 'v'],
      ['ZADD', 'str', '1', 'a'],
      ['ZADD', 'str', 'x', 'a'],
    ]);
  });

  it('ZSCORE, ZMSCORE, ZRANK, ZREVRANK, ZCARD, ZCOUNT, ZLEXCOUNT', async () => {
    await both.script([
      seed('z', 9),
      ['ZADD', 'l', '0', 'a', '0', 'b', '0', 'c', '0', 'd', '0', 'e'],
      ['ZSCORE', 'z', 'm3'],
      ['ZSCORE', 'z', 'nope'],
      ['ZSCORE', 'missing', 'a'],
      ['ZMSCORE', 'z', 'm1', 'nope', 'm8'],
      ['ZMSCORE', 'missing', 'a', 'b'],
      ['ZRANK', 'z', 'm5'],
      ['ZREVRANK', 'z', 'm5'],
      ['ZRANK', 'z', 'nope'],
      ['ZCARD', 'z'],
      ['ZCARD', 'missing'],
      ['ZCOUNT', 'z', '-inf', '+inf'],
      ['ZCOUNT', 'z', '(2', '7'],
      ['ZCOUNT', 'z', '5', '(5'],
      ['ZCOUNT', 'z', '9', '1'],
      ['ZCOUNT', 'z', 'x', '1'],
      ['ZLEXCOUNT', 'l', '-', '+'],
      ['ZLEXCOUNT', 'l', '[b', '(d'],
      ['ZLEXCOUNT', 'l', '(a', '[a'],
      ['ZLEXCOUNT', 'l', '+', '-'],
      ['ZLEXCOUNT', 'l', 'b', '[d'],
      ['ZLEXCOUNT', 'missing', '-', '+'],
    ]);
  });

  it('ZRANGE by rank, score and lex, with REV, LIMIT and WITHSCORES', async () => {
    await both.script([
      seed('z', 12),
      ['ZADD', 'l', '0', 'a', '0', 'b', '0', 'c', '0', 'd', '0', 'e', '0', 'f'],
      ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'],
      ['ZRANGE', 'z', '2', '5'],
      ['ZRANGE', 'z', '-3', '-1', 'REV', 'WITHSCORES'],
      ['ZRANGE', 'z', '5', '2'],
      ['ZRANGE', 'z', '100', '200'],
      ['ZRANGE', 'z', '-100', '1'],
      ['ZRANGE', 'z', '(1', '5', 'BYSCORE', 'WITHSCORES'],
      ['ZRANGE', 'z', '5', '(1', 'BYSCORE', 'REV'],
      ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '2', '3'],
      ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '2', '-1'],
      ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '-1', '2'],
      ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '20', '2'],
      ['ZRANGE', 'z', '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', '1', '4', 'WITHSCORES'],
      ['ZRANGE', 'l', '[b', '(e', 'BYLEX'],
      ['ZRANGE', 'l', '(e', '[b', 'BYLEX', 'REV'],
      ['ZRANGE', 'l', '-', '+', 'BYLEX', 'LIMIT', '1', '2'],
      ['ZRANGE', 'l', '+', '-', 'BYLEX', 'REV', 'LIMIT', '0', '3'],
      ['ZRANGEBYSCORE', 'z', '1', '4', 'WITHSCORES', 'LIMIT', '1', '10'],
      ['ZREVRANGEBYSCORE', 'z', '4', '1', 'WITHSCORES'],
      ['ZRANGEBYLEX', 'l', '(a', '[d', 'LIMIT', '1', '1'],
      ['ZREVRANGEBYLEX', 'l', '[d', '-'],
      ['ZREVRANGE', 'z', '0', '3', 'WITHSCORES'],
      ['ZRANGE', 'missing', '0', '-1'],
      ['ZRANGE', 'z', '0', '-1', 'LIMIT', '0', '1'],
      ['ZRANGE', 'z', '0', '-1', 'LIMIT', '0', '-1'],
      ['ZRANGE', 'l', '-', '+', 'BYLEX', 'WITHSCORES'],
      ['ZRANGE', 'z', '0', '1', 'BYSCORE', 'BYLEX'],
      ['ZRANGE', 'z', '0', '1', 'REV', 'REV'],
      ['ZRANGE', 'z', '0', '1', 'LIMIT', '1'],
      ['ZRANGE', 'z', 'a', '1'],
      ['ZRANGE', 'z', 'a', '1', 'BYSCORE'],
      ['ZRANGE', 'l', 'a', '+', 'BYLEX'],
      ['ZRANGE', 'z', '0', '1', 'BYSCORE', 'LIMIT', 'x', '1'],
      ['ZRANGEBYSCORE', 'z', '0', '1', 'REV'],
      ['ZREVRANGE', 'z', '0', '1', 'BYSCORE'],
      ['ZRANGEBYLEX', 'l', '-', '+', 'WITHSCORES'],
    ]);
  });

  it('ZRANGESTORE picks the destination encoding and replaces or deletes it', async () => {
    await both.script([
      seed('z', 10),
      ['ZRANGESTORE', 'd', 'z', '0', '-1'],
      ['OBJECT', 'ENCODING', 'd'],
      ['ZRANGE', 'd', '0', '-1', 'WITHSCORES'],
      ['ZRANGESTORE', 'd', 'z', '(2', '5', 'BYSCORE', 'LIMIT', '1', '2'],
      ['OBJECT', 'ENCODING', 'd'],
      ['ZRANGE', 'd', '0', '-1', 'WITHSCORES'],
      ['ZRANGESTORE', 'd', 'z', '0', '1'],
      ['OBJECT', 'ENCODING', 'd'],
      ['ZRANGESTORE', 'd', 'z', '5', '1'],
      ['EXISTS', 'd'],
      ['ZRANGESTORE', 'd', 'missing', '0', '-1'],
      ['ZRANGESTORE', 'd', 'z', '0', '-1', 'WITHSCORES'],
      ['SET', 'str', 'v'],
      ['ZRANGESTORE', 'str', 'z', '0', '2'],
      ['TYPE', 'str'],
      ['ZRANGESTORE', 'd', 'str', '0', '2'],
    ]);
  });

  it('ZREM and ZREMRANGEBY* delete ranges and empty keys', async () => {
    await both.script([
      seed('z', 12),
      ['ZREM', 'z', 'm1', 'nope', 'm2'],
      ['ZREMRANGEBYRANK', 'z', '0', '1'],
      ['ZREMRANGEBYRANK', 'z', '-2', '-1'],
      ['ZREMRANGEBYRANK', 'z', '5', '1'],
      ['ZREMRANGEBYSCORE', 'z', '(3', '6'],
      ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'],
      ['ZADD', 'l', '0', 'a', '0', 'b', '0', 'c', '0', 'd'],
      ['ZREMRANGEBYLEX', 'l', '(a', '[c'],
      ['ZRANGE', 'l', '0', '-1'],
      ['ZREMRANGEBYLEX', 'l', '-', '+'],
      ['EXISTS', 'l'],
      ['ZREMRANGEBYSCORE', 'z', '-inf', '+inf'],
      ['EXISTS', 'z'],
      ['ZREMRANGEBYRANK', 'missing', '0', '-1'],
      ['ZREMRANGEBYSCORE', 'z', 'x', '1'],
      ['ZREMRANGEBYLEX', 'z', 'x', '+'],
      ['ZREMRANGEBYRANK', 'z', 'x', '1'],
      ['ZADD', 'y', '1', 'a'],
      ['ZREM', 'y', 'a', 'a'],
      ['EXISTS', 'y'],
    ]);
  });

  it('ZPOPMIN, ZPOPMAX, ZMPOP and non-blocking BZ* forms', async () => {
    await both.script([
      seed('z', 6),
      ['ZPOPMIN', 'z'],
      ['ZPOPMAX', 'z', '2'],
      ['ZPOPMIN', 'z', '0'],
      ['ZPOPMIN', 'missing'],
      ['ZPOPMIN', 'z', '-1'],
      ['ZPOPMIN', 'z', '1', '2'],
      ['ZMPOP', '2', 'missing', 'z', 'MAX', 'COUNT', '10'],
      ['EXISTS', 'z'],
      ['ZMPOP', '1', 'z', 'MIN'],
      ['ZADD', 'y', '1', 'a', '2', 'b'],
      ['BZPOPMIN', 'missing', 'y', '0'],
      ['BZPOPMAX', 'y', '0'],
      ['ZADD', 'y', '1', 'a', '2', 'b', '3', 'c'],
      ['BZMPOP', '0', '1', 'y', 'MAX', 'COUNT', '2'],
      ['ZMPOP', '0', 'y', 'MIN'],
      ['ZMPOP', '1', 'y', 'MID'],
      ['ZMPOP', '1', 'y', 'MIN', 'COUNT', '0'],
      ['ZMPOP', '1', 'y', 'MIN', 'COUNT', '1', 'COUNT', '1'],
      ['ZMPOP', '2', 'y'],
      ['BZPOPMIN', 'y', '-1'],
      ['BZPOPMIN', 'y', 'x'],
      ['BZMPOP', 'x', '1', 'y', 'MIN'],
      ['BZMPOP', '0', '0', 'y', 'MIN'],
      ['SET', 'str', 'v'],
      ['ZPOPMIN', 'str'],
      ['ZMPOP', '2', 'missing', 'str', 'MIN'],
      ['BZPOPMIN', 'str', '0'],
      ['MULTI'],
      ['BZPOPMIN', 'empty', '0'],
      ['BZMPOP', '0', '1', 'empty', 'MIN'],
      ['EXEC'],
    ]);
  });

  it('ZUNION, ZINTER, ZDIFF and their STORE forms, with sets as inputs, weights and aggregates', async () => {
    await both.script([
      ['ZADD', 'a', '1', 'x', '2', 'y', '3', 'z'],
      ['ZADD', 'b', '10', 'y', '20', 'z', '30', 'w'],
      ['SADD', 's', 'z', 'w', 'v'],
      ['SADD', 'n', '1', '2'],
      ['ZUNION', '2', 'a', 'b', 'WITHSCORES'],
      ['ZUNION', '3', 'a', 'b', 's', 'WEIGHTS', '2', '0.5', '-1', 'AGGREGATE', 'MAX', 'WITHSCORES'],
      ['ZINTER', '2', 'a', 'b', 'AGGREGATE', 'MIN', 'WITHSCORES'],
      ['ZINTER', '3', 'a', 'b', 's', 'WITHSCORES'],
      ['ZINTER', '2', 'a', 'a', 'WEIGHTS', '1', '2', 'WITHSCORES'],
      ['ZDIFF', '2', 'a', 'b', 'WITHSCORES'],
      ['ZDIFF', '2', 'b', 's'],
      ['ZDIFF', '2', 'a', 'a'],
      ['ZUNION', '2', 'a', 'n', 'WEIGHTS', 'inf', '-inf', 'WITHSCORES'],
      ['ZUNION', '2', 'a', 'b', 'WEIGHTS', '0', 'inf', 'WITHSCORES'],
      ['ZUNIONSTORE', 'd', '2', 'a', 'b'],
      ['OBJECT', 'ENCODING', 'd'],
      ['ZRANGE', 'd', '0', '-1', 'WITHSCORES'],
      ['ZINTERSTORE', 'd', '2', 'a', 'missing'],
      ['EXISTS', 'd'],
      ['ZDIFFSTORE', 'd', '2', 's', 'a'],
      ['ZRANGE', 'd', '0', '-1', 'WITHSCORES'],
      ['ZINTERCARD', '2', 'a', 'b'],
      ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', '1'],
      ['ZINTERCARD', '1', 'missing'],
      ['ZUNION', '0', 'a'],
      ['ZUNIONSTORE', 'd', '0', 'a'],
      ['ZINTERCARD', '0', 'a'],
      ['ZUNION', 'x', 'a'],
      ['ZUNION', '3', 'a', 'b'],
      ['ZUNION', '2', 'a', 'b', 'WEIGHTS', '1'],
      ['ZUNION', '2', 'a', 'b', 'WEIGHTS', '1', 'x'],
      ['ZUNION', '2', 'a', 'b', 'AGGREGATE', 'AVG'],
      ['ZUNION', '2', 'a', 'b', 'AGGREGATE'],
      ['ZUNIONSTORE', 'd', '2', 'a', 'b', 'WITHSCORES'],
      ['ZDIFF', '2', 'a', 'b', 'WEIGHTS', '1', '1'],
      ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', '-1'],
      ['ZINTERCARD', '2', 'a', 'b', 'WITHSCORES'],
      ['SET', 'str', 'v'],
      ['ZUNION', '2', 'a', 'str', 'AGGREGATE', 'AVG'],
      ['ZINTER', '2', 'missing', 'str'],
    ]);
  });

  it('ZRANDMEMBER shapes that are not random: whole sets, empties and errors', async () => {
    await both.script([
      seed('z', 5),
      ['ZRANDMEMBER', 'z', '5', 'WITHSCORES'],
      ['ZRANDMEMBER', 'z', '50'],
      ['ZRANDMEMBER', 'z', '0'],
      ['ZRANDMEMBER', 'missing'],
      ['ZRANDMEMBER', 'missing', '3', 'WITHSCORES'],
      ['ZRANDMEMBER', 'z', '1', 'x'],
      ['ZRANDMEMBER', 'z', '1', 'WITHSCORES', 'x'],
      ['ZRANDMEMBER', 'z', '5000000000000000000', 'WITHSCORES'],
      ['ZRANDMEMBER', 'z', 'x'],
      ['ZADD', 'one', '1.5', 'only'],
      ['ZRANDMEMBER', 'one', '-3', 'WITHSCORES'],
      ['ZRANDMEMBER', 'one'],
    ]);
  });

  it('ZSCAN answers like Redis for its encoding', async () => {
    await both.same(['ZADD', 'z', '1e17', 'big', '0.1', 'tenth', '-0', 'zero', '3', 'three']);
    const encoding = await both.same(['OBJECT', 'ENCODING', 'z']);
    const order = encoding.kind === 'bulk' && encoding.value?.toString() === 'listpack' ? 'exact' : 'scan-pairs';
    await both.same(['ZSCAN', 'z', '0'], order);
    await both.same(['ZSCAN', 'z', '0', 'MATCH', 't*'], order);
    await both.same(['ZSCAN', 'missing', '0']);
    await both.same(['ZSCAN', 'z', 'x']);
  });
});

describe('sorted set conversions answer like redis-server 7.0.15', () => {
  it('converts on a long member, keeps skiplist after removals, and stores small results as listpack', async () => {
    await both.reset({ 'zset-max-listpack-entries': '3', 'zset-max-listpack-value': '5' });
    await both.script([
      ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'],
      ['OBJECT', 'ENCODING', 'z'],
      ['ZADD', 'z', '4', 'd'],
      ['OBJECT', 'ENCODING', 'z'],
      ['ZREM', 'z', 'd', 'c'],
      ['OBJECT', 'ENCODING', 'z'],
      ['ZUNIONSTORE', 'u', '1', 'z'],
      ['OBJECT', 'ENCODING', 'u'],
      ['ZADD', 'long', '1', 'abcdef'],
      ['OBJECT', 'ENCODING', 'long'],
      ['ZADD', 'five', '1', 'abcde'],
      ['OBJECT', 'ENCODING', 'five'],
      ['ZUNIONSTORE', 'u2', '2', 'long', 'z'],
      ['OBJECT', 'ENCODING', 'u2'],
      ['ZRANGESTORE', 'r', 'long', '0', '-1'],
      ['OBJECT', 'ENCODING', 'r'],
      ['SADD', 's', '1', '2', '3', '4'],
      ['ZUNIONSTORE', 'fromset', '1', 's'],
      ['OBJECT', 'ENCODING', 'fromset'],
      ['ZRANGE', 'fromset', '0', '-1', 'WITHSCORES'],
      ['COPY', 'z', 'zcopy'],
      ['OBJECT', 'ENCODING', 'zcopy'],
    ]);
    await both.reset({ 'zset-max-listpack-entries': '0' });
    await both.script([
      ['ZADD', 'z', '1', 'a'],
      ['OBJECT', 'ENCODING', 'z'],
    ]);
  });
});
