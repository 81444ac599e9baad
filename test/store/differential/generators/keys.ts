import fc from 'fast-check';
import { atToken, clauses, command, extremeTime, key, keys, optional, pattern, ttlToken, word } from '../arguments.js';
import type { Operation } from '../operation.js';

const expiryCondition = fc.array(fc.oneof(word('NX'), word('XX'), word('GT'), word('LT')), { maxLength: 2 });

const expiryCommands: fc.Arbitrary<Operation>[] = [
  command('EXPIRE', key, fc.oneof({ weight: 4, arbitrary: ttlToken('s') }, { weight: 1, arbitrary: extremeTime }), expiryCondition),
  command('PEXPIRE', key, fc.oneof({ weight: 4, arbitrary: ttlToken('ms') }, { weight: 1, arbitrary: extremeTime }), expiryCondition),
  command('EXPIREAT', key, fc.oneof({ weight: 4, arbitrary: atToken('s') }, { weight: 1, arbitrary: extremeTime }), expiryCondition),
  command('PEXPIREAT', key, fc.oneof({ weight: 4, arbitrary: atToken('ms') }, { weight: 1, arbitrary: extremeTime }), expiryCondition),
  command('TTL', key),
  command('PTTL', key),
  command('EXPIRETIME', key),
  command('PEXPIRETIME', key),
  command('PERSIST', key),
];

const database = fc.constantFrom('0', '1', '1', '16', '-1', 'x');

/** BY patterns always hold `*`: a constant pattern means "do not sort", whose order Redis leaves to the hash seed. */
const sortClauses = fc
  .tuple(
    fc.oneof(fc.constant([]), fc.tuple(word('BY'), fc.constantFrom('k*', 'k*->a', 'k*->1')).map((items) => [...items])),
    optional(word('LIMIT'), fc.integer({ min: -1, max: 4 }).map(String), fc.integer({ min: -1, max: 5 }).map(String)),
    fc.array(fc.tuple(word('GET'), fc.constantFrom('#', 'k*', 'k*->a')), { maxLength: 2 }).map((pairs) => pairs.flat()),
    optional(fc.oneof(word('ASC'), word('DESC'))),
    optional(word('ALPHA')),
  )
  // ALPHA with BY compares with strcoll and leaves ties unordered: not deterministic.
  .map(([by, limit, get, order, alpha]) => [...by, ...limit, ...get, ...order, ...(by.length > 0 ? [] : alpha)]);

const sortCommands: fc.Arbitrary<Operation>[] = [
  command('SORT', key, sortClauses, optional(word('STORE'), key)),
  command('SORT_RO', key, sortClauses),
];

const scanType = fc.constantFrom('string', 'list', 'hash', 'set', 'zset', 'none', 'STRING', 'foo');

export const keyCommands: fc.Arbitrary<Operation> = fc.oneof(
  command('DEL', keys(1, 3)),
  command('UNLINK', keys(1, 3)),
  command('EXISTS', keys(1, 3)),
  command('TYPE', key),
  command('TOUCH', keys(1, 2)),
  command('RENAME', key, key),
  command('RENAMENX', key, key),
  command('COPY', key, key, clauses([fc.tuple(word('DB'), database).map((items) => [...items]), word('REPLACE').map((item) => [item])], 2)),
  command('MOVE', key, database),
  ...expiryCommands,
  ...expiryCommands,
  command('KEYS', pattern),
  command('SCAN', fc.constantFrom('0', '0', '0', 'abc', ' 0'), clauses([
    fc.tuple(word('MATCH'), pattern).map((items) => [...items]),
    fc.tuple(word('COUNT'), fc.constantFrom('1000', '1000', '0', 'x')).map((items) => [...items]),
    fc.tuple(word('TYPE'), scanType).map((items) => [...items]),
  ], 3)),
  command('RANDOMKEY'),
  command('DBSIZE'),
  ...sortCommands,
  command('OBJECT', word('ENCODING'), key),
  command('OBJECT', word('FREQ'), key),
  command('OBJECT', word('IDLETIME'), key),
);
