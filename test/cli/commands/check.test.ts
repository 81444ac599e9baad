import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { knossosCorpusRoot } from '../../support/knossos-corpus.js';
import { formatJsonlHistory } from '../../../src/history/jsonl-codec.js';
import { history } from '../../checker/support/history-rows.js';

const root = join(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpus = join(knossosCorpusRoot(), 'cas-register');

function newestMtimeMs(folder: string): number {
  if (!existsSync(folder)) return 0;
  let newest = 0;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestMtimeMs(path) : stat.mtimeMs);
  }
  return newest;
}

/** `npm test` builds first; when run alone, rebuild if dist is older than the sources this command uses. */
beforeAll(() => {
  const folders = ['src/cli', 'src/checker', 'src/history', 'src/core'];
  const sourcesMs = Math.max(...folders.map((folder) => newestMtimeMs(join(root, folder))));
  const builtMs = existsSync(cli) ? Math.min(...folders.map((folder) => newestMtimeMs(join(root, 'dist', folder)))) : 0;
  if (builtMs >= sourcesMs) return;
  spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
}, 300_000);

function runCheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, 'check', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

const goodFiles = ['memstress3-0.edn', 'cas-register-bug.edn', 'mongodb-v0-ack-rollback-0.edn'].map((name) => join(corpus, 'good', name));
const badFile = join(corpus, 'bad', 'rethink-fail.edn');

describe('redsim check', () => {
  it('exits 0 when every file is valid, with one JSON line {file, valid, ops, ms} per file', () => {
    const { status, stdout } = runCheck('--model', 'cas-register', '--initial', '0', '--json', ...goodFiles);
    expect(status).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines.map((line) => line['file'])).toEqual(goodFiles);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['file', 'valid', 'ops', 'ms']);
      expect(line['valid']).toBe(true);
      expect(line['ops']).toBeGreaterThan(0);
      expect(typeof line['ms']).toBe('number');
    }
  });

  it('exits 1 when a file is invalid, reporting the anomaly with its window', () => {
    const { status, stdout } = runCheck('--model', 'cas-register', '--initial', '0', '--json', goodFiles[0] ?? '', badFile);
    expect(status).toBe(1);
    const [good, bad] = jsonLines(stdout);
    expect(good?.['valid']).toBe(true);
    expect(bad).toMatchObject({ file: badFile, valid: false, anomaly: { type: 'not-linearizable' } });
    expect((bad?.['anomaly'] as { window: unknown[] }).window.length).toBeGreaterThan(0);
  });

  it('exits 2 when a verdict is unknown (a search limit), and 1 when unknown and invalid mix', () => {
    const unknown = runCheck('--model', 'cas-register', '--initial', '0', '--json', '--states-max', '2', goodFiles[0] ?? '');
    expect(unknown.status).toBe(2);
    expect(jsonLines(unknown.stdout)[0]).toMatchObject({ valid: 'unknown', reason: expect.stringContaining('states-limit') });
    expect(runCheck('--model', 'cas-register', '--initial', '0', '--states-max', '2', goodFiles[0] ?? '', join(corpus, 'bad', 'immediate-failure.edn')).status).toBe(1);
  });

  it('prints readable lines without --json', () => {
    const { status, stdout } = runCheck('--model', 'cas-register', '--initial', '0', badFile);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^INVALID .*rethink-fail\.edn \(\d+ ops, [\d.]+ ms\): not-linearizable: op \d+/);
  });

  it('exits 64 with a clear message and no stack trace for usage errors', () => {
    const cases: readonly [string[], RegExp][] = [
      [['--model', 'nope', badFile], /Invalid values/],
      [['--model', 'register', join(root, 'no-such-file.edn')], /cannot read .*no-such-file\.edn: no such file/],
      [[badFile], /Missing required argument: model/],
      [['--model', 'register', '--initial', '[1', badFile], /--initial/],
    ];
    for (const [args, message] of cases) {
      const { status, stderr } = runCheck(...args);
      expect(status).toBe(64);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 64 naming file and line for a broken history', () => {
    const folder = mkdtempSync(join(tmpdir(), 'redsim-check-'));
    const broken = join(folder, 'broken.edn');
    writeFileSync(broken, '[{:process 0 :type :invoke :f :read :value nil}\n {:process 0 :type :whatever :f :read}]');
    const { status, stderr } = runCheck('--model', 'register', broken);
    expect(status).toBe(64);
    expect(stderr).toContain(`${broken}: line 2: :type must be one of`);
  });

  it('reads our JSONL and checks other models (kv with a nil initial value, list-append)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'redsim-check-'));
    const kvFile = join(folder, 'kv.jsonl');
    writeFileSync(kvFile, formatJsonlHistory(history([0, 'invoke', 'append', 'a', 'k'], [0, 'ok', 'append', 'a', 'k'], [1, 'invoke', 'get', null, 'k'], [1, 'ok', 'get', 'a', 'k'])));
    expect(runCheck('--model', 'kv', '--initial', 'nil', kvFile).status).toBe(0);
    expect(runCheck('--model', 'kv', '--initial', '"x"', kvFile).status).toBe(1);
    const listFile = join(folder, 'list.jsonl');
    writeFileSync(listFile, formatJsonlHistory(history([0, 'invoke', 'append', 1, 'l'], [0, 'ok', 'append', 1, 'l'], [1, 'invoke', 'read', null, 'l'], [1, 'ok', 'read', [], 'l'])));
    const listAppend = runCheck('--model', 'list-append', '--json', listFile);
    expect(listAppend.status).toBe(1);
    expect(jsonLines(listAppend.stdout)[0]).toMatchObject({ valid: false, anomaly: { type: 'lost-append' } });
  });
});
