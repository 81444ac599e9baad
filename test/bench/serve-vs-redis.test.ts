import { describe, expect, it } from 'vitest';
import { median, parseBenchOptions } from '../../bench/serve-vs-redis.js';

describe('serve-vs-redis bench helpers', () => {
  it('takes the median of the rounds, so one disturbed round does not move the figure', () => {
    expect(median([0.51, 0.94, 0.53])).toBe(0.53);
    expect(median([0.2, 0.6, 0.4, 0.8])).toBeCloseTo(0.5);
    expect(median([])).toBe(0);
  });

  it('reads --rounds and --requests, keeping the defaults for missing ones', () => {
    expect(parseBenchOptions(['--rounds', '5', '--requests', '20000'])).toEqual({ rounds: 5, requests: 20000 });
    const defaults = parseBenchOptions([]);
    expect(parseBenchOptions(['--rounds', '5'])).toEqual({ ...defaults, rounds: 5 });
    expect(defaults.rounds).toBeGreaterThan(1);
  });

  it('refuses an invalid value or an unknown flag with a message naming it', () => {
    expect(() => parseBenchOptions(['--rounds', '0'])).toThrow('--rounds must be a positive integer, got 0');
    expect(() => parseBenchOptions(['--requests', 'many'])).toThrow('--requests must be a positive integer, got many');
    expect(() => parseBenchOptions(['--round', '3'])).toThrow('unknown flag --round');
  });
});
