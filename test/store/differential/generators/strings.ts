import fc from 'fast-check';
import { atToken, clauses, command, extremeTime, floatArgument, indexArgument, integerArgument, key, keys, optional, ttlToken, value, word } from '../arguments.js';
import type { Operation, OperationArgument } from '../operation.js';

const pair = (name: string, argument: fc.Arbitrary<OperationArgument>): fc.Arbitrary<OperationArgument[]> =>
  fc.tuple(word(name), argument).map((items) => [...items]);

const expiryClause: fc.Arbitrary<OperationArgument[]> = fc.oneof(
  pair('EX', fc.oneof({ weight: 4, arbitrary: ttlToken('s') }, { weight: 1, arbitrary: extremeTime })),
  pair('PX', fc.oneof({ weight: 4, arbitrary: ttlToken('ms') }, { weight: 1, arbitrary: extremeTime })),
  pair('EXAT', fc.oneof({ weight: 4, arbitrary: atToken('s') }, { weight: 1, arbitrary: extremeTime })),
  pair('PXAT', fc.oneof({ weight: 4, arbitrary: atToken('ms') }, { weight: 1, arbitrary: extremeTime })),
);

const setOptions = clauses([
  word('NX').map((item) => [item]),
  word('XX').map((item) => [item]),
  word('GET').map((item) => [item]),
  word('KEEPTTL').map((item) => [item]),
  expiryClause,
  expiryClause,
], 3);

const getexOptions: fc.Arbitrary<OperationArgument[]> = fc.oneof(
  fc.constant<OperationArgument[]>([]),
  expiryClause,
  word('PERSIST').map((item) => [item]),
  clauses([expiryClause, word('PERSIST').map((item) => [item])], 2),
);

const keyValuePairs = fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 3 }).map((pairs) => pairs.flat());

/** Offsets stay far below 512 MB, or jump past it (an error): Redis would allocate the bytes. */
const rangeOffset = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 70 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('-1', '536870912', '9223372036854775807', 'x', '') },
);

const lcsOptions = clauses([
  word('LEN').map((item) => [item]),
  word('IDX').map((item) => [item]),
  fc.tuple(word('MINMATCHLEN'), fc.constantFrom('0', '1', '2', '-1', 'x')).map((items) => [...items]),
  word('WITHMATCHLEN').map((item) => [item]),
], 3);

export const stringCommands: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: command('SET', key, value, setOptions) },
  { weight: 3, arbitrary: command('GET', key) },
  command('GETDEL', key),
  command('GETEX', key, getexOptions),
  command('GETSET', key, value),
  command('SETNX', key, value),
  command('SETEX', key, fc.oneof(ttlToken('s'), extremeTime), value),
  command('PSETEX', key, fc.oneof(ttlToken('ms'), extremeTime), value),
  command('MSET', keyValuePairs),
  command('MSETNX', keyValuePairs),
  command('MGET', keys(1, 4)),
  { weight: 2, arbitrary: command('APPEND', key, value) },
  command('STRLEN', key),
  { weight: 2, arbitrary: command('INCR', key) },
  command('DECR', key),
  command('INCRBY', key, integerArgument),
  command('DECRBY', key, integerArgument),
  { weight: 2, arbitrary: command('INCRBYFLOAT', key, floatArgument) },
  command('SETRANGE', key, rangeOffset, value),
  command('GETRANGE', key, indexArgument, indexArgument),
  command('SUBSTR', key, indexArgument, indexArgument),
  command('LCS', key, key, lcsOptions),
  command('GET', key, optional(value)),
);
