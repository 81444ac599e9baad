import { describe, expect, it } from 'vitest';
import { parseLexRange, parseScoreRange } from '../../../src/store/types/zset-range-spec.js';
import { d2string } from '../../../src/store/types/zset-score-format.js';
import { cStrtod } from '../../../src/store/types/zset-strtod.js';

const score = (min: string, max = '1'): ReturnType<typeof parseScoreRange> => parseScoreRange(Buffer.from(min, 'latin1'), Buffer.from(max, 'latin1'));

describe('score ranges (zslParseRange over strtod)', () => {
  it('accepts what glibc strtod consumes whole: spaces, signs, hex, inf, empty text as 0', () => {
    expect(score(' 1.5')?.min).toBe(1.5);
    expect(score('+2')?.min).toBe(2);
    expect(score('0x10')?.min).toBe(16);
    expect(score('0x1p-2')?.min).toBe(0.25);
    expect(score('-inf')?.min).toBe(-Infinity);
    expect(score('+INFINITY')?.min).toBe(Infinity);
    expect(score('')?.min).toBe(0);
    expect(score('1e400')?.min).toBe(Infinity);
    expect(score('1\u0000junk')?.min).toBe(1);
  });

  it('marks "(" bounds exclusive', () => {
    expect(score('(1', '(2')).toEqual({ min: 1, max: 2, minExclusive: true, maxExclusive: true });
    expect(score('(')).toEqual({ min: 0, max: 1, minExclusive: true, maxExclusive: false });
  });

  it('rejects NaN, trailing junk and a dangling exponent', () => {
    for (const bad of ['nan', 'abc', '1e', '1x', '((1', '1 ', '0x']) expect(score(bad), bad).toBeUndefined();
    expect(score('1', 'NaN')).toBeUndefined();
  });
});

describe('lex ranges (zslParseLexRange)', () => {
  it('reads "[" inclusive, "(" exclusive, "-" and "+" as the extremes', () => {
    const range = parseLexRange(Buffer.from('[a'), Buffer.from('(b'));
    expect(range?.minExclusive).toBe(false);
    expect(range?.maxExclusive).toBe(true);
    expect(range?.min).toEqual({ kind: 'member', member: Buffer.from('a') });
    expect(parseLexRange(Buffer.from('-'), Buffer.from('+'))).toEqual({ min: { kind: 'minimum' }, max: { kind: 'maximum' }, minExclusive: true, maxExclusive: true });
  });

  it('rejects items without a prefix, "+x", "-x" and empty items', () => {
    for (const bad of ['a', '+x', '-x', '', '1']) expect(parseLexRange(Buffer.from(bad), Buffer.from('+')), bad).toBeUndefined();
  });
});

describe('strtod', () => {
  it('reports how much it consumed and ERANGE on overflow and on underflow to zero', () => {
    expect(cStrtod('12abc')).toEqual({ value: 12, consumed: 2, rangeError: false });
    expect(cStrtod('abc').consumed).toBe(0);
    expect(cStrtod('1e999').rangeError).toBe(true);
    expect(cStrtod('1e-999')).toEqual({ value: 0, consumed: 6, rangeError: true });
    expect(cStrtod('0e-999').rangeError).toBe(false);
    expect(cStrtod('nan(x1)').consumed).toBe(7);
    expect(cStrtod('infinit').consumed).toBe(3);
  });
});

describe('d2string (listpack score text)', () => {
  it('prints integral scores within LLONG_MAX/2 as integers and others as %.17g', () => {
    expect(d2string(1e17)).toBe('100000000000000000');
    expect(d2string(2 ** 62)).toBe('4611686018427387904');
    expect(d2string(2 ** 63)).toBe('9.2233720368547758e+18');
    expect(d2string(0.1)).toBe('0.10000000000000001');
    expect(d2string(-0)).toBe('-0');
    expect(d2string(-Infinity)).toBe('-inf');
  });
});
