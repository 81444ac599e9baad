import fc from 'fast-check';
import { command, key, keys, member, members, optional, sampleCount, word } from '../arguments.js';
import type { Operation } from '../operation.js';
import { scanCursor, scanOptions } from './hashes.js';
import { numberedKeys } from './lists.js';

export const setCommands: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 8, arbitrary: command('SADD', key, members(1, 5)) },
  { weight: 2, arbitrary: command('SREM', key, members(1, 3)) },
  command('SCARD', key),
  command('SISMEMBER', key, member),
  command('SMISMEMBER', key, members(1, 3)),
  { weight: 3, arbitrary: command('SMEMBERS', key) },
  { weight: 2, arbitrary: command('SPOP', key, optional(sampleCount)) },
  { weight: 2, arbitrary: command('SRANDMEMBER', key, optional(sampleCount)) },
  command('SMOVE', key, key, member),
  { weight: 2, arbitrary: command('SINTER', keys(1, 3)) },
  command('SINTERCARD', numberedKeys, optional(word('LIMIT'), fc.constantFrom('0', '1', '2', '-1', 'x'))),
  command('SINTERSTORE', key, keys(1, 3)),
  { weight: 2, arbitrary: command('SUNION', keys(1, 3)) },
  command('SUNIONSTORE', key, keys(1, 3)),
  { weight: 2, arbitrary: command('SDIFF', keys(1, 3)) },
  command('SDIFFSTORE', key, keys(1, 3)),
  command('SSCAN', key, scanCursor, scanOptions),
);
