import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BinaryFloat, doubleFormat, toDouble } from '../../../src/store/types/binary-float.js';
import { parseFloatStrict } from '../../../src/store/types/float-parsing.js';
import {
  getDoubleOrReply,
  getIntOrReply,
  getLongLongOrReply,
  getPositiveLongOrReply,
  getRangeLongOrReply,
  getTimeoutOrReply,
  ll2string,
  LLONG_MAX,
  LLONG_MIN,
  safeIntegerOfBytes,
  string2d,
  string2ll,
} from '../../../src/store/types/number-parsing.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

/** Collects the error replies a helper writes. */
function replier(): { errors: string[]; error(message: string): void } {
  const errors: string[] = [];
  return { errors, error: (message: string) => errors.push(message) };
}

/** The bits of a double, as the glibc oracle printed them. */
function doubleBits(value: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

describe('string2ll (util.c)', () => {
  it.each([
    ['0', 0n],
    ['-1', -1n],
    ['9223372036854775807', LLONG_MAX],
    ['-9223372036854775808', LLONG_MIN],
    ['123', 123n],
  ])('accepts the canonical %s', (text, value) => {
    expect(string2ll(bytes(text))).toBe(value);
  });

  it.each(['', '-', '+1', '01', '-0', ' 1', '1 ', '1.0', '9223372036854775808', '-9223372036854775809', '1e3', '0x10', '１', '123456789012345678901'])(
    'rejects the non-canonical %j',
    (text) => {
      expect(string2ll(bytes(text))).toBeUndefined();
    },
  );

  it('round-trips every 64-bit integer through ll2string', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: LLONG_MIN, max: LLONG_MAX }), (value) => {
        expect(string2ll(ll2string(value))).toBe(value);
      }),
    );
  });

  it('accepts exactly the strings ll2string produces', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '-', '+', ' ', 'a'), maxLength: 22 }), (text) => {
        const parsed = string2ll(bytes(text));
        if (parsed !== undefined) expect(ll2string(parsed).toString('latin1')).toBe(text);
      }),
    );
  });
});

describe('safeIntegerOfBytes (string2ll without a bigint)', () => {
  it('agrees with string2ll on up to 15 digits and refuses longer ones', () => {
    const digitsOrNot = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '-', '+', ' ', 'x'), maxLength: 18 });
    fc.assert(
      fc.property(fc.oneof(digitsOrNot, fc.bigInt({ min: LLONG_MIN, max: LLONG_MAX }).map(String)), (text) => {
        const data = bytes(text);
        const digitCount = text.startsWith('-') ? text.length - 1 : text.length;
        const expected = digitCount <= 15 ? string2ll(data) : undefined;
        expect(safeIntegerOfBytes(data)).toBe(expected === undefined ? undefined : Number(expected));
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['0', '-1', '999999999999999', '-999999999999999'])('reads %j', (text) => {
    expect(safeIntegerOfBytes(bytes(text))).toBe(Number(text));
  });

  it.each(['', '-', '-0', '01', '1000000000000000'])('refuses %j', (text) => {
    expect(safeIntegerOfBytes(bytes(text))).toBeUndefined();
  });
});

describe('string2d (strtod as Redis uses it)', () => {
  it.each([
    ['0.1', '3fb999999999999a'],
    ['-0', '8000000000000000'],
    ['.5', '3fe0000000000000'],
    ['5.', '4014000000000000'],
    ['1E+05', '40f86a0000000000'],
    ['+.5e-1', '3fa999999999999a'],
    ['InFiNiTy', '7ff0000000000000'],
    ['-inf', 'fff0000000000000'],
    ['0x1.8p-1074', '0000000000000002'],
    ['2.4703282292062328e-324', '0000000000000001'],
    ['1.7976931348623158e308', '7fefffffffffffff'],
  ])('parses %s to the bits glibc gives', (text, bits) => {
    const value = string2d(bytes(text));
    expect(value).toBeDefined();
    expect(doubleBits(value as number)).toBe(bits);
  });

  it.each(['1e-400', '2.4703282292062327e-324', '0x1p-1075', '1.7976931348623159e308', 'nan', 'nan(123)', '0x', '1_0', ' 1', '1 ', '', '1e', '.', 'inf ', '1\u00002'])(
    'rejects %j (ERANGE, NaN, or not fully consumed)',
    (text) => {
      expect(string2d(bytes(text))).toBeUndefined();
    },
  );

  it('gives short integer texts (signs, leading zeros, -0) the value the exact strtod path gives', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 1, maxLength: 17 });
    fc.assert(
      fc.property(fc.constantFrom('', '+', '-'), digits, (sign, body) => {
        const text = `${sign}${body}`;
        const exact = parseFloatStrict(bytes(text), doubleFormat);
        expect(exact).toBeDefined();
        expect(Object.is(string2d(bytes(text)), toDouble(exact as BinaryFloat))).toBe(true);
      }),
    );
    // 16 and 17 digits are past the exact range: a digit-by-digit sum would round twice there.
    for (const text of ['+', '-', '--1', '+-1', '1-', '0x1', '1.', '00000000000000000001', '9007199254740993', '18014398509481985', '99999999999999999']) {
      const exact = parseFloatStrict(bytes(text), doubleFormat);
      expect(string2d(bytes(text))).toBe(exact === undefined ? undefined : toDouble(exact));
    }
  });

  it('agrees with JavaScript on plain decimal doubles', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = Object.is(value, -0) ? '-0' : String(value).replace('Infinity', 'inf');
        expect(Object.is(string2d(bytes(text)), value)).toBe(true);
      }),
    );
  });
});

describe('the ...OrReply helpers', () => {
  it('reply Redis error texts', () => {
    const reply = replier();
    expect(getLongLongOrReply(reply, bytes('x'))).toBeUndefined();
    expect(getDoubleOrReply(reply, bytes('x'))).toBeUndefined();
    expect(getPositiveLongOrReply(reply, bytes('-1'))).toBeUndefined();
    expect(getIntOrReply(reply, bytes('2147483648'))).toBeUndefined();
    expect(getRangeLongOrReply(reply, bytes('11'), 0n, 10n, 'ERR custom')).toBeUndefined();
    expect(reply.errors).toEqual([
      'ERR value is not an integer or out of range',
      'ERR value is not a valid float',
      'ERR value is out of range, must be positive',
      'ERR value is out of range, value must between -2147483648 and 2147483647',
      'ERR custom',
    ]);
  });

  it('return values without replying when valid', () => {
    const reply = replier();
    expect(getLongLongOrReply(reply, bytes('-42'))).toBe(-42n);
    expect(getDoubleOrReply(reply, bytes('1.5'))).toBe(1.5);
    expect(getPositiveLongOrReply(reply, bytes('0'))).toBe(0);
    expect(getIntOrReply(reply, bytes('-2147483648'))).toBe(-2147483648);
    expect(reply.errors).toEqual([]);
  });

  it.each([
    ['1.5', 1500],
    ['0.0001', 1],
    ['-0.0001', 0],
    ['0', 0],
    ['9223372036854775.807', 9223372036854775807],
  ])('getTimeoutOrReply: %s seconds is %d ms (long double, rounded up)', (text, milliseconds) => {
    const reply = replier();
    const deadline = getTimeoutOrReply(reply, bytes(text), 1000, 'seconds');
    expect(deadline).toBe(milliseconds === 0 ? 0 : milliseconds + 1000);
    expect(reply.errors).toEqual([]);
  });

  it.each(['1e30', 'inf', '-1', '9223372036854775.808'])('getTimeoutOrReply: %s seconds is negative as Redis computes it', (text) => {
    const reply = replier();
    expect(getTimeoutOrReply(reply, bytes(text), 1000, 'seconds')).toBeUndefined();
    expect(reply.errors).toEqual(['ERR timeout is negative']);
  });

  it('getTimeoutOrReply reports unparsable timeouts by unit', () => {
    const reply = replier();
    expect(getTimeoutOrReply(reply, bytes('x'), 0, 'seconds')).toBeUndefined();
    expect(getTimeoutOrReply(reply, bytes('1.5'), 0, 'milliseconds')).toBeUndefined();
    expect(getTimeoutOrReply(reply, bytes('250'), 7, 'milliseconds')).toBe(257);
    expect(reply.errors).toEqual(['ERR timeout is not a float or out of range', 'ERR timeout is not an integer or out of range']);
  });
});
