import fc from 'fast-check';
import { command, key, optional, value, word } from '../arguments.js';
import { operation, type Operation } from '../operation.js';

/** The deterministic part of the connection and server commands (nothing that reports time, ids or memory). */
const encodingConfigName = fc.constantFrom(
  'set-max-intset-entries', 'hash-max-listpack-entries', 'hash-max-ziplist-entries', 'hash-max-listpack-value',
  'zset-max-listpack-entries', 'zset-max-listpack-value', 'zset-max-ziplist-value', 'list-max-listpack-size',
  'list-compress-depth', 'zset-max-*', 'SET-MAX-INTSET-ENTRIES', 'no-such-config',
);

/**
 * CONFIG SET of the encoding thresholds only (each sequence's reset restores
 * them), with aliases, several pairs, memory units and invalid values.
 */
const settableName = fc.constantFrom(
  'set-max-intset-entries', 'hash-max-listpack-entries', 'hash-max-ziplist-entries', 'hash-max-listpack-value',
  'zset-max-listpack-entries', 'zset-max-ziplist-entries', 'zset-max-listpack-value', 'ZSET-MAX-LISTPACK-VALUE',
);
const settableValue = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('0', '1', '2', '3', '4', '8', '64', '128', '512') },
  { weight: 1, arbitrary: fc.constantFrom('-1', 'x', '1kb', '1K', '', '9223372036854775808', '1.5') },
);
const configSetPairs = fc.array(fc.tuple(fc.oneof({ weight: 8, arbitrary: settableName }, { weight: 1, arbitrary: fc.constant('no-such-config') }), settableValue), { minLength: 1, maxLength: 2 }).map((pairs) => pairs.flat());

const introspectedName = fc.constantFrom('get', 'SET', 'zadd', 'config|get', 'client|setname', 'bitfield_ro', 'sort', 'nosuch', 'blmpop', 'exec');

/** COMMAND GETKEYS of a generated command: the key positions the command table gives (or its errors). */
export function commandGetKeys(commands: fc.Arbitrary<Operation>): fc.Arbitrary<Operation> {
  return commands.map((op) => operation(['COMMAND', 'GETKEYS', ...op.argv]));
}

export const connectionCommands: fc.Arbitrary<Operation> = fc.oneof(
  command('PING', optional(value)),
  command('ECHO', value),
  command('SELECT', fc.constantFrom('0', '0', '1', '16', '-1', 'x', '')),
  command('DBSIZE'),
  command('FLUSHDB', optional(fc.oneof(word('ASYNC'), word('SYNC'), fc.constant('NOW')))),
  command('FLUSHALL', optional(fc.oneof(word('ASYNC'), word('SYNC')))),
  command('SWAPDB', fc.constantFrom('0', '1', '1', '16', 'x'), fc.constantFrom('0', '1', '-1')),
  command('CLIENT', word('SETNAME'), fc.constantFrom('worker', 'a b', '', 'x\ny')),
  command('CLIENT', word('GETNAME')),
  command('HELLO', fc.constantFrom('2', '3', '3', '4', '1', 'x'), optional(word('SETNAME'), fc.constantFrom('worker', 'a b'))),
  command('CONFIG', word('GET'), fc.array(encodingConfigName, { minLength: 1, maxLength: 2 })),
  command('CONFIG', word('SET'), configSetPairs),
  command('COMMAND', word('INFO'), fc.array(introspectedName, { minLength: 1, maxLength: 3 })),
  command('WAIT', fc.constantFrom('0', '0', 'x'), fc.constantFrom('0', '-1')),
  command('NOSUCHCOMMAND', optional(key, value)),
  command('GETX', key),
);
