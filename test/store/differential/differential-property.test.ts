import { afterEach, describe, expect, it } from 'vitest';
import { baseSeed, defaultDifferentialSeed } from './differential-property.js';

const saved = process.env['REDSIM_DIFF_SEED'];

afterEach(() => {
  if (saved === undefined) delete process.env['REDSIM_DIFF_SEED'];
  else process.env['REDSIM_DIFF_SEED'] = saved;
});

describe('differential seed', () => {
  it('is fixed for CI unless REDSIM_DIFF_SEED overrides it', () => {
    delete process.env['REDSIM_DIFF_SEED'];
    expect(baseSeed()).toBe(defaultDifferentialSeed);
    process.env['REDSIM_DIFF_SEED'] = '42';
    expect(baseSeed()).toBe(42);
  });

  it('refuses a REDSIM_DIFF_SEED that is not an integer', () => {
    process.env['REDSIM_DIFF_SEED'] = 'abc';
    expect(() => baseSeed()).toThrow(/REDSIM_DIFF_SEED must be an integer/);
  });
});
