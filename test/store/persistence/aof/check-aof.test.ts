import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAofFix, checkAofFileBytes, type AofFixPlan } from '../../../../src/store/persistence/aof/check-aof.js';

const REDIS_CHECK_AOF = '/usr/bin/redis-check-aof';
const MANIFEST = 'file appendonly.aof.1.base.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n';

function command(...argv: string[]): string {
  return `*${argv.length}\r\n${argv.map((argument) => `$${Buffer.byteLength(argument, 'latin1')}\r\n${argument}\r\n`).join('')}`;
}

const select = command('SELECT', '0');
const push = (value: string): string => command('RPUSH', 'k', value);
const transaction = (...values: string[]): string => `${command('MULTI')}${values.map(push).join('')}${command('EXEC')}`;

/** Named AOF tails: what a power loss can leave at the end of an incr file. */
const cases: Record<string, Buffer> = {
  valid: Buffer.from(`${select}${transaction('a', 'b')}${push('c')}`, 'latin1'),
  'zeros after a whole command': Buffer.concat([Buffer.from(`${select}${push('a')}`, 'latin1'), Buffer.alloc(300)]),
  'noise inside a transaction': Buffer.concat([Buffer.from(`${select}${push('a')}${command('MULTI')}${push('b')}`, 'latin1'), Buffer.from([0x9f, 0x13, 0x0d, 0x0a, 0xff, 0x41]), Buffer.from(command('EXEC'), 'latin1')]),
  'cut inside an argument': Buffer.from(`${select}${push('a')}${push('bbbbbbbb')}`.slice(0, -6), 'latin1'),
  'a MULTI with no EXEC at the end': Buffer.from(`${select}${push('a')}${command('MULTI')}${push('b')}`, 'latin1'),
  'an argument not followed by CRLF': Buffer.from(`${select}${push('a')}*3\r\n$5\r\nRPUSH\r\n$1\r\nk\r\n$1\r\nbXY`, 'latin1'),
  'a line of another command': Buffer.from(`${select}${push('a')}garbage\r\n${push('b')}`, 'latin1'),
};

function plan(incr: Uint8Array, base: Uint8Array = Buffer.alloc(0)): AofFixPlan {
  const files: Record<string, Uint8Array> = { 'appendonly.aof.1.base.aof': base, 'appendonly.aof.1.incr.aof': incr };
  return planAofFix({ directory: 'appendonlydir', manifestText: MANIFEST, readFile: (name) => files[name], rdbEndOffset: () => undefined });
}

describe('redis-check-aof --fix, as a plan over file contents', () => {
  it('leaves a valid AOF alone', () => {
    expect(plan(cases['valid'] as Buffer)).toMatchObject({ kind: 'valid' });
  });

  it('cuts a zero-filled tail at the end of the last whole command', () => {
    const data = cases['zeros after a whole command'] as Buffer;
    expect(plan(data)).toMatchObject({ kind: 'truncate', file: 'appendonly.aof.1.incr.aof', fromBytes: data.length, toBytes: data.length - 300 });
  });

  it('cuts before the MULTI when the damage is inside a transaction (never half a MULTI)', () => {
    const data = cases['noise inside a transaction'] as Buffer;
    const result = plan(data);
    expect(result.kind).toBe('truncate');
    expect(result.kind === 'truncate' ? result.toBytes : -1).toBe(Buffer.byteLength(`${select}${push('a')}`, 'latin1'));
  });

  it('refuses to cut a damaged file that is not the last of the manifest', () => {
    const result = plan(Buffer.from(push('x'), 'latin1'), cases['zeros after a whole command'] as Buffer);
    expect(result).toMatchObject({ kind: 'failed', reason: 'Failed to truncate AOF appendonly.aof.1.base.aof because it is not the last file' });
  });

  it('reports the position and problem as the tool prints them', () => {
    const data = Buffer.concat([Buffer.from(push('a'), 'latin1'), Buffer.from('*2\r\n$3\r\nabc\r\n$1\r\n\u0000\u0000\r\n', 'latin1')]);
    const { check } = checkAofFileBytes(data, 0, { fileName: 'f', filePath: 'd/f' });
    expect(check.okUpTo).toBe(Buffer.byteLength(push('a')));
    expect(check.error).toBe(`0x${(check.okUpTo + 17).toString(16).padStart(16, ' ')}: Expected \\r\\n, got: 000d`);
  });
});

/** Runs the real tool with --fix on the case as the incr file; its verdict and the file's size after. */
function realFix(incr: Buffer): { readonly status: number | null; readonly sizeAfter: number; readonly stdout: string } {
  const directory = mkdtempSync(join(tmpdir(), 'redsim-check-aof-'));
  try {
    mkdirSync(join(directory, 'appendonlydir'));
    writeFileSync(join(directory, 'appendonlydir', 'appendonly.aof.manifest'), MANIFEST);
    writeFileSync(join(directory, 'appendonlydir', 'appendonly.aof.1.base.aof'), '');
    writeFileSync(join(directory, 'appendonlydir', 'appendonly.aof.1.incr.aof'), incr);
    const run = spawnSync(REDIS_CHECK_AOF, ['--fix', join(directory, 'appendonlydir', 'appendonly.aof.manifest')], { input: 'y\n', encoding: 'latin1' });
    const sizeAfter = statSync(join(directory, 'appendonlydir', 'appendonly.aof.1.incr.aof')).size;
    expect(readFileSync(join(directory, 'appendonlydir', 'appendonly.aof.1.incr.aof')).subarray(0, sizeAfter).equals(incr.subarray(0, sizeAfter))).toBe(true);
    return { status: run.status, sizeAfter, stdout: run.stdout };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe.skipIf(!existsSync(REDIS_CHECK_AOF))('the plan matches the real redis-check-aof 7.0 --fix', () => {
  for (const [name, data] of Object.entries(cases)) {
    it(`${name}: same cut, same error line`, () => {
      const real = realFix(data);
      const ours = plan(data);
      expect(real.status).toBe(ours.kind === 'failed' ? 1 : 0);
      expect(real.sizeAfter).toBe(ours.kind === 'truncate' ? ours.toBytes : data.length);
      const analyzed = ours.output.find((line) => line.startsWith('AOF analyzed'));
      expect(real.stdout).toContain(analyzed?.replace('filename=appendonly.aof.1.incr.aof', 'filename=appendonly.aof.1.incr.aof') ?? 'no analysis line');
      for (const line of ours.output.filter((candidate) => candidate.startsWith('0x'))) expect(real.stdout).toContain(line);
    });
  }
});
