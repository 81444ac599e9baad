import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

function redisToolAvailable(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

describe('redsim run --export-disk', () => {
  it("writes each store host's durable AOF directory, which redis-check-aof accepts", () => {
    const directory = mkdtempSync(join(tmpdir(), 'redsim-export-'));
    const run = spawnSync(process.execPath, [cli, 'run', 'aof-always-crashes', '--seed', '1', '--no-report', '--export-disk', directory], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const manifest = join(directory, 'n1', 'appendonlydir', 'appendonly.aof.manifest');
    expect(existsSync(manifest)).toBe(true);
    expect(readdirSync(join(directory, 'n1', 'appendonlydir')).some((name) => name.endsWith('.incr.aof'))).toBe(true);
    expect(redisToolAvailable('redis-check-aof')).toBe(true);
    const check = spawnSync('redis-check-aof', [manifest], { encoding: 'utf8' });
    expect(check.stdout).toContain('All AOF files and manifest are valid');
  });

  it('exports nothing when the flag is absent', () => {
    const directory = mkdtempSync(join(tmpdir(), 'redsim-export-'));
    const run = spawnSync(process.execPath, [cli, 'run', 'single-node-linearizable', '--seed', '1', '--no-report'], { encoding: 'utf8', cwd: directory });
    expect(run.status).toBe(0);
    expect(readdirSync(directory)).toEqual([]);
  });
});
