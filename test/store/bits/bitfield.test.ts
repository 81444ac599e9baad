import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { array, bulk, error, int, nil, notInteger, session, syntaxError, wrongType } from '../strings/session.js';

const typeError = error('ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.');
const bitOffsetError = error('ERR bit offset is not an integer or out of range');

describe('BITFIELD (replies as redis-server 7.0.15 gives them)', () => {
  it('gets, sets and increments fields of any width', () => {
    const { run } = session();
    expect(run('BITFIELD', 'bf', 'SET', 'i8', '0', '100', 'GET', 'u4', '0', 'INCRBY', 'i8', '0', '100', 'GET', 'i8', '0')).toBe(array(int(0), int(6), int(-56), int(-56)));
    expect(run('BITFIELD', 'bf', 'SET', 'u8', '#1', '255', 'GET', 'u8', '#1', 'SET', 'i64', '0', '-1', 'GET', 'u63', '0', 'INCRBY', 'i64', '0', '1')).toBe(
      array(int(0), int(255), int('-3963449147062747136'), int('9223372036854775807'), int(0)),
    );
  });

  it('applies WRAP, SAT and FAIL to each following operation', () => {
    const { run } = session();
    run('BITFIELD', 'bf', 'SET', 'i8', '0', '-56');
    expect(run('BITFIELD', 'bf', 'OVERFLOW', 'SAT', 'INCRBY', 'i8', '0', '100', 'INCRBY', 'u2', '100', '10', 'OVERFLOW', 'FAIL', 'INCRBY', 'u2', '100', '10', 'OVERFLOW', 'WRAP', 'INCRBY', 'u2', '100', '7')).toBe(
      array(int(44), int(3), nil, int(2)),
    );
    expect(run('BITFIELD', 'bf', 'SET', 'i64', '0', '9223372036854775807', 'INCRBY', 'i64', '0', '1', 'OVERFLOW', 'SAT', 'INCRBY', 'i64', '0', '1', 'INCRBY', 'i64', '0', '-9223372036854775808', 'INCRBY', 'i64', '0', '-9223372036854775808')).toBe(
      array(int('3170534137668829184'), int('-9223372036854775808'), int('-9223372036854775807'), int('-9223372036854775808'), int('-9223372036854775808')),
    );
    expect(run('BITFIELD', 'bf', 'OVERFLOW', 'FAIL', 'SET', 'u3', '0', '8', 'SET', 'i3', '0', '4', 'SET', 'u3', '0', '-1', 'OVERFLOW', 'SAT', 'SET', 'u3', '0', '-1', 'SET', 'i3', '0', '100', 'SET', 'i3', '0', '-100')).toBe(
      array(nil, nil, nil, int(4), int(-1), int(3)),
    );
  });

  it('reads int-encoded strings and missing keys, creates nothing for GET', () => {
    const { run } = session();
    run('SET', 'bn', '5');
    expect(run('BITFIELD', 'bn', 'GET', 'u8', '0', 'GET', 'u16', '4')).toBe(array(int(53), int(20480)));
    expect(run('OBJECT', 'ENCODING', 'bn')).toBe(bulk('int'));
    expect(run('BITFIELD', 'bn', 'SET', 'u8', '0', '54')).toBe(array(int(53)));
    expect(run('GET', 'bn')).toBe(bulk('6'));
    expect(run('OBJECT', 'ENCODING', 'bn')).toBe(bulk('raw'));
    expect(run('BITFIELD', 'nope', 'GET', 'u8', '0')).toBe(array(int(0)));
    expect(run('EXISTS', 'nope')).toBe(int(0));
    expect(run('BITFIELD', 'g', 'SET', 'u8', '#2', '255')).toBe(array(int(0)));
    expect(run('GET', 'g')).toBe(bulk('\u0000\u0000\u00ff'));
  });

  it('refuses bad types, offsets, subcommands and BITFIELD_RO writes', () => {
    const { run } = session();
    run('RPUSH', 'l', 'x');
    for (const type of ['u64', 'i65', 'I8', 'i0', 'x8', '']) expect(run('BITFIELD', 'bf', 'GET', type, '0')).toBe(typeError);
    for (const offset of ['-1', '#-1', '4294967296', 'x']) expect(run('BITFIELD', 'bf', 'GET', 'i8', offset)).toBe(bitOffsetError);
    expect(run('BITFIELD', 'bf', 'GET', 'i8')).toBe(syntaxError);
    expect(run('BITFIELD', 'bf', 'FOO')).toBe(syntaxError);
    expect(run('BITFIELD', 'bf', 'OVERFLOW', 'NONE')).toBe(error('ERR Invalid OVERFLOW type specified'));
    expect(run('BITFIELD', 'bf', 'SET', 'i8', '0', 'x')).toBe(notInteger);
    expect(run('BITFIELD', 'l', 'GET', 'i8', '0')).toBe(wrongType);
    expect(run('BITFIELD_RO', 'bf', 'SET', 'i8', '0', '1')).toBe(error('ERR BITFIELD_RO only supports the GET subcommand'));
    expect(run('BITFIELD_RO', 'bf', 'GET', 'i8', '0')).toBe(array(int(0)));
    expect(run('BITFIELD', 'bf')).toBe(array());
  });

  it('a #n offset wraps like C 64-bit arithmetic', () => {
    const { run } = session();
    expect(run('BITFIELD', 'bf', 'SET', 'u8', '#2305843009213693952', '1')).toBe(array(int(0)));
    expect(run('BITFIELD', 'bf', 'GET', 'u8', '#1152921504606846976')).toBe(bitOffsetError);
  });

  it('unsigned WRAP increments agree with arithmetic modulo 2^bits', () => {
    const { store } = session();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 63 }), fc.nat(40), fc.array(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { maxLength: 8 }), (bits, offset, increments) => {
        store.command(['DEL', 'f']);
        let model = 0n;
        for (const increment of increments) {
          model = BigInt.asUintN(bits, model + increment);
          const reply = store.call('BITFIELD', 'f', 'INCRBY', `u${bits}`, String(offset), increment.toString()) as (number | bigint)[];
          expect(BigInt(reply[0] as number | bigint)).toBe(model);
        }
      }),
    );
  });
});
