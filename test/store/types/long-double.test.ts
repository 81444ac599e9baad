import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAutoLongDouble, formatHumanLongDouble } from '../../../src/store/types/decimal-format.js';
import {
  addLongDouble,
  ceilLongDouble,
  isFiniteLongDouble,
  longDoubleFromBigInt,
  longDoubleFromDouble,
  longDoubleToDouble,
  longDoubleToLongLong,
  string2ld,
} from '../../../src/store/types/long-double.js';

const parse = (text: string) => {
  const value = string2ld(Buffer.from(text, 'latin1'));
  if (value === undefined) throw new Error(`not a long double: ${text}`);
  return value;
};

/** INCRBYFLOAT's arithmetic and formatting: the sum of two long doubles as %.17Lf, trimmed. */
function humanSum(a: string, b: string): string {
  const sum = addLongDouble(parse(a), parse(b));
  return isFiniteLongDouble(sum) ? formatHumanLongDouble(sum) : 'NaN or Infinity';
}

describe('the 80-bit long double of INCRBYFLOAT (expectations from glibc on x86-64)', () => {
  it.each([
    ['10.5', '0.1', '10.6'],
    ['0.1', '0.2', '0.3'],
    ['3.0', '1.1', '4.1'],
    ['1e20', '1', '100000000000000000000'],
    ['1.5', '-1.5', '0'],
    ['-0', '-0', '0'],
    ['5.0e3', '2.0e2', '5200'],
    ['1', '1e-20', '1'],
    ['1.23456789012345678', '0', '1.23456789012345678'],
    ['9007199254740993', '0', '9007199254740993'],
    ['18446744073709551617', '0', '18446744073709551616'],
    ['0.000003814697265625', '0', '0.00000381469726562'],
    ['0.000011444091796875', '0', '0.00001144409179688'],
    ['100', '-0.0000000000000000001', '100'],
    ['0x1p-16445', '0', '0'],
    ['1e4932', '1e4932', 'NaN or Infinity'],
  ])('%s + %s prints %s', (a, b, expected) => {
    expect(humanSum(a, b)).toBe(expected);
  });

  it('keeps the full 80-bit range: 1e308 + 1e308 does not overflow', () => {
    expect(humanSum('1e308', '1e308')).toMatch(/^1999999999999999999933717593116912913211201996948311344155940959898434697376761237442002538437770786408934944501080264463042694991879211671948416288603928375359182000392063815573262192\d{125}$/);
  });

  it.each(['1e-4952', '-1e-4952', '1.18973149535723176509e+4932', 'nan', ' 1', '1 ', ''])('rejects %j (ERANGE, NaN, spaces)', (text) => {
    expect(string2ld(Buffer.from(text, 'latin1'))).toBeUndefined();
  });

  it('rejects inputs of 5120 bytes or more (MAX_LONG_DOUBLE_CHARS)', () => {
    expect(string2ld(Buffer.from(`1.${'0'.repeat(5117)}`, 'latin1'))).toBeDefined();
    expect(string2ld(Buffer.from(`1.${'0'.repeat(5118)}`, 'latin1'))).toBeUndefined();
  });

  it.each([
    ['0.1', '0.10000000000000001'],
    ['1e20', '1e+20'],
    ['123456789012345678', '1.2345678901234568e+17'],
    ['1e-5', '1.0000000000000001e-05'],
    ['99999999999999999', '1e+17'],
    ['-0', '-0'],
    ['2.5', '2.5'],
    ['1e300', '1.0000000000000001e+300'],
    ['5e-324', '4.9406564584124654e-324'],
  ])('formats the double %s in the LD_STR_AUTO style as %s', (text, expected) => {
    expect(formatAutoLongDouble(longDoubleFromDouble(Number(text)))).toBe(expected);
  });

  it('formats long-double values in the LD_STR_AUTO style', () => {
    expect(formatAutoLongDouble(parse('0.1'))).toBe('0.1');
    expect(formatAutoLongDouble(parse('1e-5'))).toBe('1e-05');
    expect(formatAutoLongDouble(parse('99999999999999999'))).toBe('99999999999999999');
  });

  it('converts every long long exactly and back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (value) => {
        expect(longDoubleToLongLong(longDoubleFromBigInt(value))).toBe(value);
        expect(formatHumanLongDouble(longDoubleFromBigInt(value))).toBe(value.toString());
      }),
    );
  });

  it('%.17g of any double reads back as the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = formatAutoLongDouble(longDoubleFromDouble(value));
        expect(text).toMatch(/^-?\d+(\.\d+)?(e[+-]\d{2,3})?$/);
        expect(Object.is(Number(text), value)).toBe(true);
      }),
    );
  });

  it('round-trips doubles exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        expect(Object.is(longDoubleToDouble(longDoubleFromDouble(value)), value)).toBe(true);
      }),
    );
  });

  it('adds integers exactly while they fit 64 bits, as the model says', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }), fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }), (a, b) => {
        expect(longDoubleToLongLong(addLongDouble(longDoubleFromBigInt(a), longDoubleFromBigInt(b)))).toBe(a + b);
      }),
    );
  });

  it('ceil rounds toward +infinity and keeps -0 for small negatives', () => {
    expect(longDoubleToLongLong(ceilLongDouble(parse('1.25')))).toBe(2n);
    expect(longDoubleToLongLong(ceilLongDouble(parse('-1.75')))).toBe(-1n);
    expect(formatAutoLongDouble(ceilLongDouble(parse('-0.5')))).toBe('-0');
    expect(longDoubleToLongLong(parse('inf'))).toBe(-(2n ** 63n));
  });
});
