import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuTimeUs } from '../../../bench/serve-support/benchmark-tools.js';

describe('cpuTimeUs', () => {
  it.skipIf(!existsSync('/proc/self/stat'))('grows by the CPU time a process burns, as process.cpuUsage counts it', () => {
    const before = cpuTimeUs(process.pid);
    const usageBefore = process.cpuUsage();
    let spin = 0;
    // Burns 300 ms of CPU however busy the machine is.
    const burned = (): number => {
      const usage = process.cpuUsage(usageBefore);
      return usage.user + usage.system;
    };
    while (burned() < 300_000) spin++;
    const used = process.cpuUsage(usageBefore);
    const grown = cpuTimeUs(process.pid) - before;
    expect(spin).toBeGreaterThan(0);
    // /proc counts in 10 ms ticks: equal to cpuUsage within a few ticks.
    expect(Math.abs(grown - (used.user + used.system))).toBeLessThan(50_000);
    expect(grown).toBeGreaterThan(150_000);
  });

  it('is 0 for a process that does not exist', () => {
    expect(cpuTimeUs(2 ** 22 + 12345)).toBe(0);
  });
});
