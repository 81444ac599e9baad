import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyBytes, decimalLength, writeDecimal, writeLatin1, writeUtf8 } from '../../../src/store/protocol/byte-writing.js';
import { parseStrictInteger, parseStrictSmallInteger } from '../../../src/store/protocol/integer-text.js';

describe('byte writing', () => {
  it('writes every safe integer exactly as its decimal text', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (value) => {
        const target = Buffer.alloc(24, 0x7e);
        const end = writeDecimal(target, 2, value);
        expect(target.subarray(2, end).toString('latin1')).toBe(String(value));
        expect(target[end]).toBe(0x7e);
        if (value >= 0) expect(decimalLength(value)).toBe(String(value).length);
      }),
    );
  });

  it('writes text as Buffer.from would encode it, short ASCII or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const expected = Buffer.from(text, 'utf8');
        const target = Buffer.alloc(expected.length + 4);
        expect(writeUtf8(target, 1, text, expected.length)).toBe(1 + expected.length);
        expect(target.subarray(1, 1 + expected.length)).toEqual(expected);
      }),
    );
    const latin1 = Buffer.alloc(40);
    expect(writeLatin1(latin1, 0, '+OK\r\n')).toBe(5);
    expect(latin1.subarray(0, 5).toString('latin1')).toBe('+OK\r\n');
  });

  it('copies a byte range, short or long, to the offset given', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), fc.nat(), (source, a, b) => {
        const start = source.length === 0 ? 0 : a % (source.length + 1);
        const end = start + (source.length === 0 ? 0 : b % (source.length - start + 1));
        const target = new Uint8Array(end - start + 3);
        expect(copyBytes(source, start, end, target, 3)).toBe(target.length);
        expect(Array.from(target.subarray(3))).toEqual(Array.from(source.subarray(start, end)));
      }),
    );
  });
});

describe('parseStrictSmallInteger', () => {
  it('agrees with string2ll whenever it gives a number', () => {
    const digitText = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '-', '+', ' ', 'x'), maxLength: 18 });
    fc.assert(
      fc.property(fc.oneof(digitText, fc.integer().map(String)), (text) => {
        const bytes = Buffer.from(text, 'latin1');
        const small = parseStrictSmallInteger(bytes, 0, bytes.length);
        const exact = parseStrictInteger(bytes);
        if (small !== undefined) expect(BigInt(small)).toBe(exact);
        if (exact !== undefined && text.replace('-', '').length <= 15) expect(small).toBe(Number(exact));
      }),
    );
  });
});
