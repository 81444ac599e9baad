import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LLONG_MAX, LLONG_MIN, safeIntegerOfText, string2ll } from '../../../src/store/types/number-parsing.js';
import { RedisString } from '../../../src/store/types/string.js';

/**
 * The embedded fast path stores SET's ASCII value as text (no Buffer until
 * someone needs the bytes) and counts with numbers while they are safe
 * integers. These hold that to the byte-based forms it replaces. (They test
 * src/store/types/string.ts and number-parsing.ts; kept with the fast path
 * that uses them.)
 */
const asciiText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)), maxLength: 60 }),
  fc.constantFrom('0', '-0', '01', '-1', '9999', '10000', '123456789012345', '-123456789012345', '1234567890123456', '9007199254740993', '9223372036854775807', '-9223372036854775808', '9223372036854775808', ' 1', '+1', ''),
  fc.bigInt({ min: LLONG_MIN * 2n, max: LLONG_MAX * 2n }).map(String),
);

function observed(value: RedisString): unknown {
  return { encoding: value.encoding(), refcount: value.refcount(), length: value.byteLength(), integer: value.integerValue(), bytes: value.bytes().toString('latin1') };
}

describe('ASCII-text strings', () => {
  it('encode text exactly as tryObjectEncoding encodes its bytes', () => {
    fc.assert(
      fc.property(asciiText, fc.boolean(), (text, sharedIntegers) => {
        const policy = { sharedIntegers };
        expect(observed(RedisString.encodedAsciiText(text, policy))).toEqual(observed(RedisString.encoded(Buffer.from(text, 'latin1'), policy)));
      }),
      { numRuns: 1000 },
    );
  });

  it('hold the text without bytes until asked, and give the same bytes after', () => {
    const value = RedisString.encodedAsciiText('hello');
    expect(value.asciiText()).toBe('hello');
    expect(value.byteAt(1)).toBe(0x65);
    expect(value.byteAt(5)).toBe(0);
    expect(value.bytes().toString('latin1')).toBe('hello');
    expect(value.asciiText()).toBeUndefined();
    expect(RedisString.encodedAsciiText('12').asciiText()).toBeUndefined();
  });

  it('change in place like a byte-made raw string (APPEND, SETRANGE, SETBIT) and keep clones apart', () => {
    const text = 'x'.repeat(50);
    const value = RedisString.encodedAsciiText(text);
    expect(value.encoding()).toBe('raw');
    const copy = value.clone();
    value.append(Buffer.from('!'));
    value.setByte(0, 0x79);
    expect(value.bytes().toString('latin1')).toBe(`y${'x'.repeat(49)}!`);
    expect(copy.bytes().toString('latin1')).toBe(text);
    expect(() => RedisString.encodedAsciiText('short').append(Buffer.from('!'))).toThrow(/raw/);
  });

  it('count with numbers while safe and with bigints beyond, the same integers either way', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: LLONG_MIN, max: LLONG_MAX }), (integer) => {
        const value = RedisString.fromLongLong(integer);
        expect(value.integerValue()).toBe(integer);
        expect(value.bytes().toString('latin1')).toBe(integer.toString());
        const safe = integer >= BigInt(Number.MIN_SAFE_INTEGER) && integer <= BigInt(Number.MAX_SAFE_INTEGER);
        expect(value.safeIntegerValue()).toBe(safe ? Number(integer) : undefined);
        if (safe) expect(observed(RedisString.fromSafeInteger(Number(integer)))).toEqual(observed(value));
        expect(observed(value.clone())).toEqual({ ...(observed(value) as object), refcount: 1 });
      }),
      { numRuns: 1000 },
    );
  });

  it('read a short integer text as string2ll reads its bytes', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        const expected = text.length - (text.startsWith('-') ? 1 : 0) <= 15 ? string2ll(Buffer.from(text, 'latin1')) : undefined;
        expect(safeIntegerOfText(text)).toBe(expected === undefined ? undefined : Number(expected));
      }),
      { numRuns: 2000 },
    );
  });
});
