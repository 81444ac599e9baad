import fc from 'fast-check';
import { clauses, command, floatArgument, indexArgument, key, keys, lexBound, member, members, optional, sampleCount, scoreBound, word } from '../arguments.js';
import type { Operation, OperationArgument } from '../operation.js';
import { scanCursor, scanOptions } from './hashes.js';
import { numberedKeys } from './lists.js';

const flag = (name: string): fc.Arbitrary<OperationArgument[]> => word(name).map((item) => [item]);

const scoreMemberPairs = fc.array(fc.tuple(floatArgument, member), { minLength: 1, maxLength: 4 }).map((pairs) => pairs.flat());

const zaddFlags = clauses([flag('NX'), flag('XX'), flag('GT'), flag('LT'), flag('CH'), flag('INCR')], 3);

const limit = optional(word('LIMIT'), fc.constantFrom('0', '1', '2', '-1', 'x'), fc.constantFrom('1', '2', '-1', '0', '10'));

const withScores = optional(word('WITHSCORES'));

/** ZRANGE's three forms, with REV, LIMIT and WITHSCORES mixed in (sometimes wrongly). */
const zrangeArguments: fc.Arbitrary<OperationArgument[]> = fc.oneof(
  fc.tuple(indexArgument, indexArgument, optional(word('REV')), withScores, fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: limit })),
  fc.tuple(scoreBound, scoreBound, flag('BYSCORE'), optional(word('REV')), limit, withScores),
  fc.tuple(lexBound, lexBound, flag('BYLEX'), optional(word('REV')), limit, fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: withScores })),
).map((parts) => parts.flat());

const weight = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('1', '2', '0', '-1', '1.5', 'inf', '-inf') }, { weight: 1, arbitrary: fc.constantFrom('x', 'nan', '') });

const aggregate = fc.tuple(word('AGGREGATE'), fc.oneof(word('SUM'), word('MIN'), word('MAX'), fc.constant('AVG'))).map((items): OperationArgument[] => [...items]);

/** numkeys, keys, then WEIGHTS (one per key, mostly) and AGGREGATE in either order. */
const combineInputs: fc.Arbitrary<OperationArgument[]> = fc
  .tuple(keys(1, 3), fc.array(weight, { minLength: 3, maxLength: 3 }), fc.constantFrom('none', 'none', 'match', 'match', 'match', 'one-less'), optional(aggregate), fc.boolean())
  .map(([chosen, weightPool, weighting, aggregation, aggregateFirst]) => {
    const weightCount = weighting === 'match' ? chosen.length : Math.max(1, chosen.length - 1);
    const weighted: OperationArgument[] = weighting === 'none' ? [] : ['WEIGHTS', ...weightPool.slice(0, weightCount)];
    const options = aggregateFirst ? [...aggregation.flat(), ...weighted] : [...weighted, ...aggregation.flat()];
    return [String(chosen.length), ...chosen, ...options];
  });

const scoredRange = (name: string, bound: fc.Arbitrary<string>): fc.Arbitrary<Operation> => command(name, key, bound, bound, clauses([withScores, limit], 2));

export const zsetCommands: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 8, arbitrary: command('ZADD', key, zaddFlags, scoreMemberPairs) },
  { weight: 2, arbitrary: command('ZINCRBY', key, floatArgument, member) },
  { weight: 2, arbitrary: command('ZREM', key, members(1, 3)) },
  command('ZCARD', key),
  command('ZCOUNT', key, scoreBound, scoreBound),
  command('ZLEXCOUNT', key, lexBound, lexBound),
  command('ZSCORE', key, member),
  command('ZMSCORE', key, members(1, 3)),
  command('ZRANK', key, member),
  command('ZREVRANK', key, member),
  { weight: 5, arbitrary: command('ZRANGE', key, zrangeArguments) },
  command('ZRANGESTORE', key, key, zrangeArguments),
  scoredRange('ZRANGEBYSCORE', scoreBound),
  scoredRange('ZREVRANGEBYSCORE', scoreBound),
  command('ZRANGEBYLEX', key, lexBound, lexBound, optional(limit)),
  command('ZREVRANGEBYLEX', key, lexBound, lexBound, optional(limit)),
  command('ZREVRANGE', key, indexArgument, indexArgument, withScores),
  command('ZREMRANGEBYRANK', key, indexArgument, indexArgument),
  command('ZREMRANGEBYSCORE', key, scoreBound, scoreBound),
  command('ZREMRANGEBYLEX', key, lexBound, lexBound),
  command('ZPOPMIN', key, optional(sampleCount)),
  command('ZPOPMAX', key, optional(sampleCount)),
  command('ZMPOP', numberedKeys, fc.oneof(word('MIN'), word('MAX'), fc.constant('MID')), optional(word('COUNT'), sampleCount)),
  { weight: 2, arbitrary: command('ZRANDMEMBER', key, optional(sampleCount, withScores)) },
  command('ZUNION', combineInputs, withScores),
  command('ZINTER', combineInputs, withScores),
  command('ZDIFF', numberedKeys, withScores),
  command('ZUNIONSTORE', key, combineInputs),
  command('ZINTERSTORE', key, combineInputs),
  command('ZDIFFSTORE', key, numberedKeys),
  command('ZINTERCARD', numberedKeys, optional(word('LIMIT'), fc.constantFrom('0', '1', '-1'))),
  command('ZSCAN', key, scanCursor, scanOptions),
);

const timeout = fc.constantFrom('0', '0', '0.01', '-1', 'x');

/** Blocking pops: generated only inside MULTI. */
export const blockingZsetCommands: fc.Arbitrary<Operation> = fc.oneof(
  command('BZPOPMIN', fc.array(key, { minLength: 1, maxLength: 2 }), timeout),
  command('BZPOPMAX', fc.array(key, { minLength: 1, maxLength: 2 }), timeout),
  command('BZMPOP', timeout, numberedKeys, fc.oneof(word('MIN'), word('MAX')), optional(word('COUNT'), sampleCount)),
);
