import fc from 'fast-check';
import { clauses, command, indexArgument, key, keys, optional, word } from '../arguments.js';
import type { Operation, OperationArgument } from '../operation.js';

/** Bit offsets stay small (SETBIT 4294967295 would allocate 512 MB), plus invalid ones. */
const bitOffset = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 200 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('-1', '4294967296', '9223372036854775807', 'x', '1.5', '') },
);

const bitValue = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('0', '1') }, { weight: 1, arbitrary: fc.constantFrom('2', '-1', 'x', '') });

const unitOption = optional(fc.oneof(word('BYTE'), word('BIT'), fc.constant('WORD')));

const fieldType = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom('i', 'u', 'I', 'U'), fc.integer({ min: 1, max: 16 })).map(([sign, bits]) => sign + String(bits)) },
  { weight: 2, arbitrary: fc.constantFrom('i64', 'u63', 'i32', 'u32', 'i63') },
  { weight: 1, arbitrary: fc.constantFrom('i65', 'u64', 'i0', 'x8', '') },
);

const fieldOffset = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 100 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 8 }).map((n) => `#${n}`) },
  { weight: 1, arbitrary: fc.constantFrom('-1', '4294967296', '#-1', 'x') },
);

const fieldValue = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -300, max: 300 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('9223372036854775807', '-9223372036854775808', '9223372036854775808', 'x') },
);

const get = fc.tuple(word('GET'), fieldType, fieldOffset).map((items): OperationArgument[] => [...items]);
const set = fc.tuple(word('SET'), fieldType, fieldOffset, fieldValue).map((items): OperationArgument[] => [...items]);
const incrby = fc.tuple(word('INCRBY'), fieldType, fieldOffset, fieldValue).map((items): OperationArgument[] => [...items]);
const overflow = fc.tuple(word('OVERFLOW'), fc.oneof(word('WRAP'), word('SAT'), word('FAIL'), fc.constant('NONE'))).map((items): OperationArgument[] => [...items]);

export const bitCommands: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: command('SETBIT', key, bitOffset, bitValue) },
  { weight: 2, arbitrary: command('GETBIT', key, fc.oneof(bitOffset, fc.constant('4294967295'))) },
  { weight: 2, arbitrary: command('BITCOUNT', key, optional(indexArgument, indexArgument, unitOption)) },
  { weight: 2, arbitrary: command('BITPOS', key, bitValue, optional(indexArgument, optional(indexArgument, unitOption))) },
  { weight: 2, arbitrary: command('BITOP', fc.oneof(word('AND'), word('OR'), word('XOR'), word('NOT'), fc.constant('NAND')), key, keys(1, 3)) },
  { weight: 3, arbitrary: command('BITFIELD', key, clauses([get, set, incrby, overflow], 4)) },
  command('BITFIELD_RO', key, clauses([get, get, set], 3)),
);
