import { describe, expect, it } from 'vitest';
import { formatLogLine, redisTimestamp } from '../../src/cli/serve/redis-log.js';
import { hostOf, isDeniedByProtectedMode, isLoopbackAddress } from '../../src/cli/serve/protected-mode.js';

describe("redis-server's log line format", () => {
  it('prints pid, role, local date with milliseconds, level mark and message', () => {
    const date = new Date(2026, 10, 4, 7, 5, 9, 42);
    expect(redisTimestamp(date)).toBe('04 Nov 2026 07:05:09.042');
    expect(formatLogLine(123, 'M', date, 'notice', 'Ready to accept connections')).toBe('123:M 04 Nov 2026 07:05:09.042 * Ready to accept connections');
    expect(formatLogLine(9, 'C', date, 'warning', 'x')).toMatch(/^9:C .* # x$/);
    expect(formatLogLine(9, 'S', date, 'verbose', 'x')).toMatch(/^9:S .* - x$/);
    expect(formatLogLine(9, 'M', date, 'debug', 'x')).toMatch(/^9:M .* \. x$/);
  });
});

describe('protected mode', () => {
  it('admits loopback clients and refuses others only with protected-mode on and no password', () => {
    expect(hostOf('::1:5000')).toBe('::1');
    expect(isLoopbackAddress('127.0.0.1:5000')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1:5000')).toBe(true);
    expect(isLoopbackAddress('10.0.0.5:5000')).toBe(false);
    const on = { protectedMode: true, password: '' };
    expect(isDeniedByProtectedMode(on, '10.0.0.5:5000')).toBe(true);
    expect(isDeniedByProtectedMode(on, '127.0.0.1:5000')).toBe(false);
    expect(isDeniedByProtectedMode({ protectedMode: true, password: 'pw' }, '10.0.0.5:5000')).toBe(false);
    expect(isDeniedByProtectedMode({ protectedMode: false, password: '' }, '10.0.0.5:5000')).toBe(false);
  });
});
