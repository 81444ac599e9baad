import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..', '..');
export const cli = join(root, 'dist', 'src', 'cli', 'main.js');

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

/** `npm test` builds first; when a test file runs alone, rebuild if dist is older than the sources. */
export function buildIfStale(): void {
  const sourcesMs = Math.max(newestMtimeMs(join(root, 'src')), newestMtimeMs(join(root, 'scenarios')));
  const builtMs = existsSync(cli) ? newestMtimeMs(join(root, 'dist', 'src')) : 0;
  if (builtMs >= sourcesMs) return;
  spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function redsim(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The last stdout line, parsed: the --json contract. */
export function lastJsonLine(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '') as Record<string, unknown>;
}

export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function temporaryDirectory(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `redsim-${prefix}-`));
}

/** The planted stale-read scenario as a user's .mjs file, expecting `expect`. */
export function staleReadScenarioFile(directory: string, expect: string): string {
  const file = join(directory, 'stale-read-file.mjs');
  writeFileSync(
    file,
    `export default {
  name: 'stale-read-file',
  description: 'register workload against a node with a planted stale-read bug',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'no', 'debug-stale-reads-ms': '200' },
  workload: { kind: 'register', clients: 3, keys: 2, rateHz: 20, opTimeoutMs: 500 },
  nemesis: {},
  phases: { faultsMs: 3000, healMs: 500, quiesceMsMax: 2000, finalReads: false },
  checkers: ['linearizable'],
  seeds: [1, 2, 3],
  expect: ${expect},
};
`,
  );
  return file;
}
