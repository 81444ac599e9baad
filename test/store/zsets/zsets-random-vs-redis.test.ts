import fc from 'fast-check';
import { describe, it } from 'vitest';
import { useSideBySide } from '../../support/side-by-side.js';

/**
 * Random sequences of the deterministic sorted set commands, run on a real
 * redis-server 7.0.15 and on our store, compared byte for byte. Lex commands
 * only touch `lex`, whose scores are all 0 (with mixed scores their result
 * depends on the skiplist's random shape).
 */
const both = useSideBySide({ resetBeforeEach: false });

const key = fc.constantFrom('k1', 'k2', 'k3', 'missing');
const member = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', '1', '10') }, { weight: 1, arbitrary: fc.constant('a-rather-long-member-name') });
const score = fc.constantFrom('0', '1', '2', '-1', '2.5', '-0.5', '10', 'inf', '-inf', '3');
const index = fc.constantFrom('0', '1', '2', '-1', '-2', '5', '-10');
const bound = fc.constantFrom('-inf', '+inf', '0', '1', '(1', '2.5', '(2.5', '-1', '(10', '3');
const lexBound = fc.constantFrom('-', '+', '[a', '(a', '[c', '(d', '[f', '[');
const limit = fc.option(fc.tuple(fc.constantFrom('0', '1', '2', '-1'), fc.constantFrom('0', '1', '3', '-1')), { nil: undefined }).map((pair) => (pair === undefined ? [] : ['LIMIT', ...pair]));
const flags = fc.subarray(['NX', 'XX', 'GT', 'LT', 'CH'], { maxLength: 2 });
const pairs = fc.array(fc.tuple(score, member), { minLength: 1, maxLength: 3 }).map((items) => items.flat());
const numbered = fc.array(fc.constantFrom('k1', 'k2', 'k3', 's1', 'missing'), { minLength: 1, maxLength: 3 }).map((keys) => [String(keys.length), ...keys]);
const weights = (count: number): fc.Arbitrary<string[]> => fc.option(fc.array(fc.constantFrom('1', '2', '0', '-1', '0.5'), { minLength: count, maxLength: count }), { nil: undefined }).map((items) => (items === undefined ? [] : ['WEIGHTS', ...items]));
const aggregate = fc.option(fc.constantFrom('SUM', 'MIN', 'MAX'), { nil: undefined }).map((how) => (how === undefined ? [] : ['AGGREGATE', how]));
const combine = numbered.chain((inputs) => fc.tuple(weights(inputs.length - 1), aggregate).map(([weighted, aggregated]) => [...inputs, ...weighted, ...aggregated]));
const tuple = (...parts: fc.Arbitrary<string | string[]>[]): fc.Arbitrary<string[]> => fc.tuple(...parts).map((items) => items.flat());
const literal = (word: string): fc.Arbitrary<string> => fc.constant(word);

const command: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 6, arbitrary: tuple(literal('ZADD'), key, flags, pairs) },
  { weight: 2, arbitrary: tuple(literal('ZADD'), literal('lex'), literal('0'), member) },
  tuple(literal('ZADD'), key, literal('INCR'), flags, score, member),
  tuple(literal('ZINCRBY'), key, score, member),
  tuple(literal('ZREM'), key, member, member),
  tuple(literal('SADD'), literal('s1'), member, member),
  tuple(fc.constantFrom('ZSCORE', 'ZRANK', 'ZREVRANK'), key, member),
  tuple(literal('ZMSCORE'), key, member, member),
  tuple(fc.constantFrom('ZCARD', 'ZPOPMIN', 'ZPOPMAX'), key),
  tuple(fc.constantFrom('ZPOPMIN', 'ZPOPMAX'), key, index),
  tuple(literal('ZMPOP'), numbered, fc.constantFrom('MIN', 'MAX'), fc.constantFrom([], ['COUNT', '2'])),
  { weight: 3, arbitrary: tuple(literal('ZRANGE'), key, index, index, fc.constantFrom([], ['REV'], ['WITHSCORES'], ['REV', 'WITHSCORES'])) },
  { weight: 3, arbitrary: tuple(literal('ZRANGE'), key, bound, bound, literal('BYSCORE'), fc.constantFrom([], ['REV']), limit, fc.constantFrom([], ['WITHSCORES'])) },
  tuple(fc.constantFrom('ZRANGEBYSCORE', 'ZREVRANGEBYSCORE'), key, bound, bound, fc.constantFrom([], ['WITHSCORES']), limit),
  tuple(fc.constantFrom('ZRANGEBYLEX', 'ZREVRANGEBYLEX', 'ZLEXCOUNT', 'ZREMRANGEBYLEX'), literal('lex'), lexBound, lexBound),
  tuple(literal('ZRANGE'), literal('lex'), lexBound, lexBound, literal('BYLEX'), fc.constantFrom([], ['REV']), limit),
  tuple(fc.constantFrom('ZCOUNT', 'ZREMRANGEBYSCORE'), key, bound, bound),
  tuple(literal('ZREMRANGEBYRANK'), key, index, index),
  tuple(fc.constantFrom('ZUNIONSTORE', 'ZINTERSTORE'), key, combine),
  tuple(literal('ZDIFFSTORE'), key, numbered),
  tuple(fc.constantFrom('ZUNION', 'ZINTER'), combine, literal('WITHSCORES')),
  tuple(literal('ZDIFF'), numbered, literal('WITHSCORES')),
  tuple(literal('ZINTERCARD'), numbered, fc.constantFrom([], ['LIMIT', '1'])),
  tuple(literal('ZRANGESTORE'), key, key, index, index),
  tuple(literal('ZRANGESTORE'), key, key, bound, bound, literal('BYSCORE'), limit),
  tuple(literal('OBJECT'), literal('ENCODING'), fc.constantFrom('k1', 'k2', 'k3', 'lex')),
);

const config = fc.constantFrom<Record<string, string>>({}, { 'zset-max-listpack-entries': '3', 'zset-max-listpack-value': '8' }, { 'zset-max-listpack-entries': '0' });

describe('random sorted set sequences answer like redis-server 7.0.15', () => {
  it('agrees byte for byte on every reply and on the final contents', async () => {
    await fc.assert(
      fc.asyncProperty(config, fc.array(command, { minLength: 1, maxLength: 25 }), async (settings, commands) => {
        await both.reset(settings);
        await both.script(commands);
        for (const name of ['k1', 'k2', 'k3', 'lex']) await both.same(['ZRANGE', name, '0', '-1', 'WITHSCORES']);
      }),
      { numRuns: 150, seed: 20240715 },
    );
  });
});
