import { describe, expect, it } from 'vitest';
import { formatDoubleG, formatDoubleG17 } from '../../../src/store/protocol/double-format.js';

describe('formatDoubleG17', () => {
  it('prints like printf %.17g', () => {
    const cases: [number, string][] = [
      [0, '0'], [-0, '-0'], [1, '1'], [-1.5, '-1.5'], [0.1, '0.10000000000000001'], [1e17, '1e+17'], [1e16, '10000000000000000'],
      [123456789012345678, '1.2345678901234568e+17'], [0.0001, '0.0001'], [0.00001, '1.0000000000000001e-05'], [3.14, '3.1400000000000001'],
      [1e300, '1.0000000000000001e+300'], [5e-324, '4.9406564584124654e-324'], [Infinity, 'inf'], [-Infinity, '-inf'], [2.5, '2.5'],
    ];
    for (const [value, text] of cases) expect(formatDoubleG17(value)).toBe(text);
  });

  it('supports other precisions such as %.6g', () => {
    expect(formatDoubleG(1234567, 6)).toBe('1.23457e+06');
    expect(formatDoubleG(0.5, 6)).toBe('0.5');
    expect(formatDoubleG(100, 6)).toBe('100');
  });
});
