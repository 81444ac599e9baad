import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeChild, type ServeChild } from '../serve/serve-child.js';

/** Debian's redis-tools; .ci/run installs it. Without it these tests are skipped. */
const redisCli = process.env['REDSIM_REDIS_CLI'] ?? '/usr/bin/redis-cli';
const hasRedisCli = existsSync(redisCli);

let server: ServeChild | undefined;

beforeAll(async () => {
  if (hasRedisCli) server = await startServeChild();
});

afterAll(async () => {
  await server?.stop();
});

function cli(args: readonly string[], input?: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(redisCli, ['-h', '127.0.0.1', '-p', String(server?.port ?? 0), ...args], { input: input ?? '', encoding: 'utf8', timeout: 60_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function resp(argv: readonly string[]): string {
  return `*${argv.length}\r\n${argv.map((argument) => `$${Buffer.byteLength(argument)}\r\n${argument}\r\n`).join('')}`;
}

describe.skipIf(!hasRedisCli)('redis-cli against redsim serve', () => {
  it('mass-inserts 20000 commands with --pipe and reports zero errors', () => {
    const commands = Array.from({ length: 20_000 }, (_, index) => resp(['SET', `cli:pipe:${index}`, `value-${index}`])).join('');
    const piped = cli(['--pipe'], commands);
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('errors: 0, replies: 20000');
    expect(cli(['GET', 'cli:pipe:19999']).stdout.trim()).toBe('value-19999');
    expect(Number(cli(['DBSIZE']).stdout.trim())).toBeGreaterThanOrEqual(20_000);
  });

  it('counts the errors of a --pipe that contains failing commands', () => {
    const commands = resp(['SET', 'cli:str', 'v']) + resp(['LPUSH', 'cli:str', 'x']) + resp(['INCR', 'cli:str']);
    const piped = cli(['--pipe'], commands);
    expect(piped.stdout).toContain('errors: 2, replies: 3');
  });

  it('lists exactly the matching keys with --scan --pattern', () => {
    const inserts = Array.from({ length: 250 }, (_, index) => resp(['SET', `cli:scan:${index}`, 'v'])).join('');
    expect(cli(['--pipe'], inserts + resp(['SET', 'other:key', 'v'])).stdout).toContain('errors: 0, replies: 251');
    const scanned = cli(['--scan', '--pattern', 'cli:scan:*']);
    const keys = scanned.stdout.split('\n').filter((line) => line !== '');
    expect(new Set(keys).size).toBe(250);
    expect(keys.every((key) => key.startsWith('cli:scan:'))).toBe(true);
  });

  it('repeats a command with -r', () => {
    cli(['DEL', 'cli:counter']);
    const repeated = cli(['-r', '5', 'INCR', 'cli:counter']);
    expect(repeated.stdout.trim().split('\n')).toEqual(['1', '2', '3', '4', '5']);
  });

  it('prints errors and nil the way redis-cli does for a server', () => {
    expect(cli(['GET', 'cli:missing']).stdout).toBe('\n');
    expect(cli(['NOSUCHCOMMAND']).stdout).toContain("ERR unknown command 'NOSUCHCOMMAND'");
  });
});
