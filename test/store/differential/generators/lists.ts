import fc from 'fast-check';
import { command, indexArgument, integerArgument, key, keys, member, members, optional, sampleCount, clauses, word } from '../arguments.js';
import type { Operation } from '../operation.js';

const side = fc.oneof({ weight: 6, arbitrary: word('LEFT') }, { weight: 6, arbitrary: word('RIGHT') }, { weight: 1, arbitrary: fc.constant('UP') });

const countClause = optional(word('COUNT'), sampleCount);

/** numkeys, then keys; numkeys sometimes lies. */
export const numberedKeys = fc
  .tuple(keys(1, 3), fc.integer({ min: 0, max: 9 }))
  .map(([chosen, lie]) => [lie < 8 ? String(chosen.length) : lie === 8 ? '0' : String(chosen.length + 1), ...chosen]);

const lposOptions = clauses([
  fc.tuple(word('RANK'), fc.constantFrom('1', '2', '-1', '-2', '0', '-9223372036854775808', 'x')).map((items) => [...items]),
  fc.tuple(word('COUNT'), fc.constantFrom('0', '1', '2', '-1', 'x')).map((items) => [...items]),
  fc.tuple(word('MAXLEN'), fc.constantFrom('0', '1', '3', '-1')).map((items) => [...items]),
], 3);

export const listCommands: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: command('LPUSH', key, members(1, 4)) },
  { weight: 4, arbitrary: command('RPUSH', key, members(1, 4)) },
  command('LPUSHX', key, members(1, 2)),
  command('RPUSHX', key, members(1, 2)),
  { weight: 2, arbitrary: command('LPOP', key, optional(sampleCount)) },
  { weight: 2, arbitrary: command('RPOP', key, optional(sampleCount)) },
  command('LLEN', key),
  { weight: 3, arbitrary: command('LRANGE', key, indexArgument, indexArgument) },
  command('LINDEX', key, indexArgument),
  command('LSET', key, fc.oneof(fc.constantFrom('0', '-1', '1'), indexArgument), member),
  command('LINSERT', key, fc.oneof(word('BEFORE'), word('AFTER'), fc.constant('MIDDLE')), member, member),
  command('LREM', key, integerArgument, member),
  command('LTRIM', key, indexArgument, indexArgument),
  command('LPOS', key, member, lposOptions),
  command('LMOVE', key, key, side, side),
  command('RPOPLPUSH', key, key),
  command('LMPOP', numberedKeys, side, countClause),
);

const timeout = fc.constantFrom('0', '0', '0.01', '1', '-1', 'x', '1e400');

/** Blocking pops: generated only inside MULTI, where Redis runs them without blocking. */
export const blockingListCommands: fc.Arbitrary<Operation> = fc.oneof(
  command('BLPOP', keys(1, 2), timeout),
  command('BRPOP', keys(1, 2), timeout),
  command('BLMOVE', key, key, side, side, timeout),
  command('BRPOPLPUSH', key, key, timeout),
  command('BLMPOP', timeout, numberedKeys, side, countClause),
);
