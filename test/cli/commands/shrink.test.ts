import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, lastJsonLine, redsim, root, temporaryDirectory } from './sweep-cli-support.js';

beforeAll(buildIfStale, 300_000);

interface Size {
  readonly faults: number;
  readonly faultsMs: number;
  readonly clients: number;
  readonly ops: number;
}

/** Type-checks files with the project's compiler options: the errors of each. */
function typeErrors(files: readonly string[]): string[][] {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram([...files], { ...parsed.options, noEmit: true, incremental: false, rootDir: '/' });
  return files.map((file) => ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')));
}

describe('redsim shrink', () => {
  const directory = temporaryDirectory('shrink');
  const out = join(directory, 'shrunk.ts');
  let line: Record<string, unknown>;
  let stdout: string;

  beforeAll(() => {
    const result = redsim('shrink', 'single-node-kill-no-persistence', '--seed', '1', '--out', out, '--attempts-max', '80', '--json');
    expect(result.status).toBe(0);
    stdout = result.stdout;
    line = lastJsonLine(result.stdout);
  }, 240_000);

  it('writes a smaller case that fails the same way, and prints the sizes before and after', () => {
    expect(line['shrunk']).toBe(true);
    expect(line['verified']).toBe(true);
    expect(line['failure']).toEqual({ verdict: 'invalid', anomaly: 'lost-writes', crash: null, livenessPhase: null });
    const before = line['before'] as Size;
    const after = line['after'] as Size;
    expect(after.faults).toBeLessThanOrEqual(before.faults);
    expect(after.faultsMs).toBeLessThan(before.faultsMs);
    expect(after.clients).toBeLessThan(before.clients);
    expect(after.ops).toBeLessThan(before.ops);
    expect(line['attempts']).toBeLessThanOrEqual(80);
    expect(stdout).toMatch(/faults phase +15000 ms → \d+ ms/);
  });

  it('writes a scenario file with an explicit timeline and no swarm that type-checks', () => {
    expect(existsSync(out)).toBe(true);
    const source = readFileSync(out, 'utf8');
    expect(source).toContain('export default defineScenario({');
    expect(source).toContain('timeline: [');
    expect(source).not.toMatch(/\bswarm:/);
    const broken = join(directory, 'broken.ts');
    writeFileSync(broken, source.replace(/clients: \d+/, "clients: 'two'"));
    const [errors, brokenErrors] = typeErrors([out, broken]);
    expect(errors).toEqual([]);
    expect(brokenErrors?.join('\n')).toMatch(/not assignable to type 'number'/);
  }, 60_000);

  it('the written file runs on its own and fails the same way', () => {
    const { status, stdout: runOut } = redsim('run', out, '--seed', '1', '--json', '--no-report');
    expect(status).toBe(1);
    const result = lastJsonLine(runOut);
    expect(result['verdict']).toBe('invalid');
    expect(JSON.stringify(result['checks'])).toContain('lost-writes');
  }, 60_000);

  it('exits 1 with nothing to shrink for a seed that passes', () => {
    const { status, stdout: shrinkOut } = redsim('shrink', 'single-node-linearizable', '--seed', '1', '--json');
    expect(status).toBe(1);
    expect(lastJsonLine(shrinkOut)).toEqual({ scenario: 'single-node-linearizable', seed: 1, shrunk: false, reason: 'valid' });
  }, 60_000);
});
