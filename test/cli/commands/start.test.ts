import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, redsim } from './sweep-cli-support.js';

beforeAll(buildIfStale, 300_000);

describe('redsim start', () => {
  it('sweeps every shipped scenario and prints a table row for each, exit 0 iff every row is ok', () => {
    const listed = JSON.parse(redsim('list', '--json').stdout) as { name: string; expect: { valid: boolean } }[];
    const { status, stdout } = redsim('start', '--seeds', '1', '--reports', 'none');
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^scenario +seeds +expected +found +detection rate +seconds +result$/);
    const rows = lines.slice(2, 2 + listed.length);
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(listed.map((entry) => entry.name));
    rows.forEach((row, index) => {
      expect(row).toMatch(listed[index]?.expect.valid === true ? /\svalid\s+valid \d+\/1\s/ : /\sinvalid \(\S+\)\s+invalid \d+\/1\s/);
      expect(row).toMatch(/\s(ok|FAIL)$/);
    });
    const allOk = rows.every((row) => row.endsWith(' ok'));
    if (allOk) {
      expect(status).toBe(0);
      expect(stdout).toContain(`All ${listed.length} scenarios met their expectations`);
    } else {
      expect([1, 4]).toContain(status);
      expect(stdout).toMatch(/scenarios did not meet their expectations/);
    }
  }, 300_000);
});
