import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arity, bulk, error, int, notInteger, session, syntaxError, wrongType } from '../strings/session.js';
import { bitcountModel, bitOf, bitposModel } from './bitmap-model.js';

const bitOffsetError = error('ERR bit offset is not an integer or out of range');
const bitValueError = error('ERR bit is not an integer or out of range');

describe('SETBIT and GETBIT', () => {
  it('set bits MSB first, grow the string, and reply the old bit', () => {
    const { run } = session();
    expect(run('SETBIT', 'b', '7', '1')).toBe(int(0));
    expect(run('GET', 'b')).toBe(bulk('\u0001'));
    expect(run('OBJECT', 'ENCODING', 'b')).toBe(bulk('raw'));
    expect(run('SETBIT', 'b', '7', '1')).toBe(int(1));
    expect(run('SETBIT', 'b', '7', '0')).toBe(int(1));
    expect(run('SETBIT', 'b', '100', '1')).toBe(int(0));
    expect(run('STRLEN', 'b')).toBe(int(13));
    expect(run('GETBIT', 'b', '100')).toBe(int(1));
    expect(run('GETBIT', 'b', '101')).toBe(int(0));
    expect(run('GETBIT', 'b', '100000')).toBe(int(0));
    expect(run('GETBIT', 'nope', '5')).toBe(int(0));
  });

  it('read int-encoded strings by their digits, and unshare them on write', () => {
    const { run } = session();
    run('SET', 'n', '12');
    expect(run('GETBIT', 'n', '2')).toBe(int(1));
    expect(run('GETBIT', 'n', '3')).toBe(int(1));
    expect(run('GETBIT', 'n', '4')).toBe(int(0));
    expect(run('SETBIT', 'n', '0', '0')).toBe(int(0));
    expect(run('OBJECT', 'ENCODING', 'n')).toBe(bulk('raw'));
    expect(run('GET', 'n')).toBe(bulk('12'));
  });

  it('refuse bad offsets, bad bits and other types', () => {
    const { run } = session();
    run('RPUSH', 'l', 'x');
    expect(run('SETBIT', 'b', '-1', '1')).toBe(bitOffsetError);
    expect(run('SETBIT', 'b', 'x', '1')).toBe(bitOffsetError);
    expect(run('SETBIT', 'b', '4294967296', '1')).toBe(bitOffsetError);
    expect(run('GETBIT', 'b', '4294967296')).toBe(bitOffsetError);
    expect(run('GETBIT', 'b', '4294967295')).toBe(int(0));
    expect(run('SETBIT', 'b', '1', '2')).toBe(bitValueError);
    expect(run('SETBIT', 'b', '1', '-1')).toBe(bitValueError);
    expect(run('SETBIT', 'b', '1', 'x')).toBe(bitValueError);
    expect(run('SETBIT', 'l', '1', '1')).toBe(wrongType);
    expect(run('GETBIT', 'l', '1')).toBe(wrongType);
    expect(run('SETBIT')).toBe(arity('setbit'));
    expect(run('EXISTS', 'b')).toBe(int(0));
  });

  it('agree with a byte-array model', () => {
    const { run } = session();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(300), fc.constantFrom(0, 1)), { maxLength: 40 }), fc.nat(320), (writes, probe) => {
        run('DEL', 'm');
        const model = new Uint8Array(40);
        let length = 0;
        for (const [offset, value] of writes) {
          expect(run('SETBIT', 'm', String(offset), String(value))).toBe(int(bitOf(model, offset)));
          const byte = Math.floor(offset / 8);
          model[byte] = ((model[byte] as number) & ~(1 << (7 - (offset % 8)))) | (value << (7 - (offset % 8)));
          length = Math.max(length, byte + 1);
        }
        expect(run('GETBIT', 'm', String(probe))).toBe(int(bitOf(model, probe)));
        expect(run('STRLEN', 'm')).toBe(int(length));
      }),
    );
  });
});

describe('BITCOUNT and BITPOS', () => {
  it('examples from redis-server', () => {
    const { run, store } = session();
    run('SET', 's', 'foobar');
    expect(run('BITCOUNT', 's')).toBe(int(26));
    expect(run('BITCOUNT', 's', '1', '1')).toBe(int(6));
    expect(run('BITCOUNT', 's', '5', '30', 'BIT')).toBe(int(17));
    expect(run('BITCOUNT', 's', '-1', '-2', 'FOO')).toBe(int(0));
    expect(run('BITCOUNT', 's', '0')).toBe(syntaxError);
    expect(run('BITCOUNT', 's', '0', '1', 'WORD')).toBe(syntaxError);
    expect(run('BITCOUNT', 's', 'x', '1')).toBe(notInteger);
    expect(run('BITCOUNT', 'nope', '1')).toBe(int(0));
    store.command(['SET', 'p', Buffer.from([0x00, 0xff, 0xf0])]);
    expect(run('BITPOS', 'p', '1')).toBe(int(8));
    expect(run('BITPOS', 'p', '0', '1')).toBe(int(20));
    expect(run('BITPOS', 'p', '0', '8', '15', 'bit')).toBe(int(-1));
    expect(run('BITPOS', 'p', '0', '3')).toBe(int(-1));
    expect(run('BITPOS', 'p', '2')).toBe(error('ERR The bit argument must be 1 or 0.'));
    expect(run('BITPOS', 'p', '1', '0', '1', 'FOO')).toBe(syntaxError);
    expect(run('BITPOS', 'nope', '0')).toBe(int(0));
    expect(run('BITPOS', 'nope', '1')).toBe(int(-1));
    store.command(['SET', 'ones', Buffer.from([0xff, 0xff])]);
    expect(run('BITPOS', 'ones', '0')).toBe(int(16));
    expect(run('BITPOS', 'ones', '0', '0', '-1')).toBe(int(-1));
    run('RPUSH', 'l', 'x');
    expect(run('BITCOUNT', 'l')).toBe(wrongType);
    expect(run('BITPOS', 'l', '1')).toBe(wrongType);
  });

  const bytes = fc.uint8Array({ maxLength: 12 }).map((data) => Buffer.from(data));
  const index = fc.integer({ min: -120, max: 120 });

  it('BITCOUNT agrees with the model for any range and unit', () => {
    const { store } = session();
    fc.assert(
      fc.property(bytes, fc.option(fc.record({ start: index, end: index, unit: fc.constantFrom('BYTE' as const, 'BIT' as const) })), (data, range) => {
        store.command(['SET', 'm', data]);
        const argv = range === null ? [] : [String(range.start), String(range.end), range.unit];
        expect(store.call('BITCOUNT', 'm', ...argv)).toBe(bitcountModel(data, range ?? undefined));
      }),
    );
  });

  it('BITPOS agrees with the model for any range and unit', () => {
    const { store } = session();
    const range = fc.option(fc.record({ start: index, end: fc.option(index), unit: fc.option(fc.constantFrom('BYTE' as const, 'BIT' as const)) }));
    fc.assert(
      fc.property(bytes.filter((data) => data.length > 0), fc.constantFrom(0 as const, 1 as const), range, (data, wanted, given) => {
        store.command(['SET', 'm', data]);
        const argv: string[] = [];
        let modelRange: { start: number; end?: number; unit?: 'BYTE' | 'BIT' } | undefined;
        if (given !== null) {
          argv.push(String(given.start));
          modelRange = { start: given.start };
          if (given.end !== null) {
            argv.push(String(given.end));
            modelRange = { ...modelRange, end: given.end };
            if (given.unit !== null) {
              argv.push(given.unit);
              modelRange = { ...modelRange, unit: given.unit };
            }
          }
        }
        expect(store.call('BITPOS', 'm', String(wanted), ...argv)).toBe(bitposModel(data, wanted, modelRange));
      }),
    );
  });
});

describe('BITOP', () => {
  it('combines strings zero-padded, replacing the destination and its TTL', () => {
    const { run, store } = session();
    store.command(['SET', 'x1', Buffer.from([0x0f, 0x0f])]);
    store.command(['SET', 'x2', Buffer.from([0xf0])]);
    expect(run('BITOP', 'AND', 'd', 'x1', 'x2')).toBe(int(2));
    expect(store.call('GET', 'd')).toEqual(Buffer.from([0x00, 0x00]));
    expect(run('OBJECT', 'ENCODING', 'd')).toBe(bulk('raw'));
    expect(run('BITOP', 'or', 'd', 'x1', 'x2')).toBe(int(2));
    expect(store.call('GET', 'd')).toEqual(Buffer.from([0xff, 0x0f]));
    expect(run('BITOP', 'NOT', 'd', 'x1')).toBe(int(2));
    expect(store.call('GET', 'd')).toEqual(Buffer.from([0xf0, 0xf0]));
    run('EXPIRE', 'd', '100');
    expect(run('BITOP', 'XOR', 'd', 'x1', 'x2', 'x1')).toBe(int(2));
    expect(run('TTL', 'd')).toBe(int(-1));
    expect(run('BITOP', 'AND', 'd', 'nope', 'nope2')).toBe(int(0));
    expect(run('EXISTS', 'd')).toBe(int(0));
  });

  it('refuses bad operations and other types', () => {
    const { run } = session();
    run('RPUSH', 'l', 'x');
    run('SET', 'x1', 'a');
    expect(run('BITOP', 'NOT', 'd', 'x1', 'x1')).toBe(error('ERR BITOP NOT must be called with a single source key.'));
    expect(run('BITOP', 'FOO', 'd', 'x1')).toBe(syntaxError);
    expect(run('BITOP', 'AND', 'd', 'x1', 'l')).toBe(wrongType);
    expect(run('BITOP', 'AND', 'd')).toBe(arity('bitop'));
  });

  it('agrees with a byte-wise model', () => {
    const { store } = session();
    fc.assert(
      fc.property(fc.constantFrom('AND', 'OR', 'XOR'), fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 5 }), (operation, sources) => {
        sources.forEach((source, position) => store.command(['SET', `s${position}`, Buffer.from(source)]));
        const length = Math.max(...sources.map((source) => source.length));
        const expected = Buffer.alloc(length);
        for (let offset = 0; offset < length; offset++) {
          let value = sources[0]?.[offset] ?? 0;
          for (const source of sources.slice(1)) {
            const byte = source[offset] ?? 0;
            value = operation === 'AND' ? value & byte : operation === 'OR' ? value | byte : value ^ byte;
          }
          expected[offset] = value;
        }
        expect(store.call('BITOP', operation, 'dest', ...sources.map((_, position) => `s${position}`))).toBe(length);
        expect(store.call('GET', 'dest')).toEqual(length === 0 ? null : expected);
      }),
    );
  });
});
