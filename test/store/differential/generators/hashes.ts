import fc from 'fast-check';
import { clauses, command, floatArgument, integerArgument, key, member, members, optional, pattern, sampleCount, value, word } from '../arguments.js';
import type { Operation } from '../operation.js';

const fieldValuePairs = fc.array(fc.tuple(member, value), { minLength: 1, maxLength: 4 }).map((pairs) => pairs.flat());

/** COUNT stays large so that Redis finishes a hashtable in one call (pages of a partial scan follow the hash seed). */
export const scanOptions = clauses([
  fc.tuple(word('MATCH'), fc.oneof(pattern, fc.constantFrom('1*', '[0-4]', 'a*', '*'))).map((items) => [...items]),
  fc.tuple(word('COUNT'), fc.constantFrom('1000', '1000', '0', 'x')).map((items) => [...items]),
], 2).map((items) => (items.some((item) => typeof item === 'string' && item.toUpperCase() === 'COUNT') ? items : [...items, 'COUNT', '1000']));

export const scanCursor = fc.constantFrom('0', '0', '0', '0', 'x');

export const hashCommands: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 6, arbitrary: command('HSET', key, fieldValuePairs) },
  command('HMSET', key, fieldValuePairs),
  command('HSETNX', key, member, value),
  { weight: 2, arbitrary: command('HGET', key, member) },
  command('HMGET', key, members(1, 3)),
  { weight: 2, arbitrary: command('HDEL', key, members(1, 3)) },
  command('HLEN', key),
  command('HSTRLEN', key, member),
  command('HEXISTS', key, member),
  command('HINCRBY', key, member, integerArgument),
  command('HINCRBYFLOAT', key, member, floatArgument),
  { weight: 2, arbitrary: command('HKEYS', key) },
  command('HVALS', key),
  { weight: 3, arbitrary: command('HGETALL', key) },
  command('HSCAN', key, scanCursor, scanOptions),
  { weight: 2, arbitrary: command('HRANDFIELD', key, optional(sampleCount, optional(word('WITHVALUES')))) },
);
