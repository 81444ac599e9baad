import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBannedApis, findLayerViolations, findLongFunctions, type Violation } from './rules.js';

const root = join(import.meta.dirname, '..', '..');

function listTypeScript(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...listTypeScript(path));
    else if (name.endsWith('.ts')) found.push(path);
  }
  return found;
}

const sources = listTypeScript(join(root, 'src')).map((path) => ({
  file: relative(root, path).split('\\').join('/'),
  source: readFileSync(path, 'utf8'),
}));

function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.file}:${v.line} ${v.rule}: ${v.detail}`).join('\n');
}

describe('tidy: the source tree keeps the design rules', () => {
  it('finds source files to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it('uses no nondeterministic API outside src/env/real and src/cli', () => {
    const violations = sources.flatMap(({ file, source }) => findBannedApis(file, source));
    expect(describeViolations(violations)).toBe('');
  });

  it('imports only in the layer direction of DESIGN.md', () => {
    const violations = sources.flatMap(({ file, source }) => findLayerViolations(file, source));
    expect(describeViolations(violations)).toBe('');
  });

  it('has no function longer than 70 lines', () => {
    const violations = sources.flatMap(({ file, source }) => findLongFunctions(file, source));
    expect(describeViolations(violations)).toBe('');
  });
});

describe('tidy rules catch planted violations', () => {
  it('flags Math.random, Date.now, setTimeout and node:fs in a simulated layer', () => {
    const planted = [
      'const a = Math.random();',
      'const b = Date.now();',
      'setTimeout(() => 1, 5);',
      "import { readFileSync } from 'node:fs';",
      'const d = new Date();',
      'queueMicrotask(() => {});',
    ].join('\n');
    const found = findBannedApis('src/sim/planted.ts', planted).map((v) => v.detail);
    expect(found).toEqual(['Math.random', 'Date.now', 'setTimeout', 'node:fs / node:net', 'new Date()', 'queueMicrotask']);
  });

  it('allows those APIs in src/env/real and src/cli, and in comments', () => {
    expect(findBannedApis('src/env/real/clock.ts', 'Date.now();')).toEqual([]);
    expect(findBannedApis('src/cli/main.ts', 'setTimeout(f, 1);')).toEqual([]);
    expect(findBannedApis('src/sim/x.ts', '// Date.now() is banned here')).toEqual([]);
    expect(findBannedApis('src/sim/x.ts', 'timers.setTimeout(f)')).toEqual([]);
  });

  it('flags a store file importing the simulator and a checker importing the store', () => {
    const storeImportsSim = findLayerViolations('src/store/server/node.ts', "import { World } from '../../sim/world.js';");
    const checkerImportsStore = findLayerViolations('src/checker/set.ts', "import { x } from '../store/embedded.js';");
    expect(storeImportsSim.map((v) => v.detail)).toEqual(["store must not import sim (../../sim/world.js)"]);
    expect(checkerImportsStore).toHaveLength(1);
  });

  it('allows the permitted directions', () => {
    expect(findLayerViolations('src/sim/world.ts', "import { assert } from '../core/assert.js';")).toEqual([]);
    expect(findLayerViolations('src/workload/client.ts', "import { x } from '../store/protocol/parser.js';")).toEqual([]);
    expect(findLayerViolations('src/workload/client.ts', "import { x } from '../store/server/node.js';")).toHaveLength(1);
  });

  it('flags a 71-line function and passes a 70-line one', () => {
    const body = (lines: number): string => Array.from({ length: lines - 2 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const long = `function tooLong() {\n${body(71)}\n}\n`;
    const fine = `const ok = () => {\n${body(70)}\n};\n`;
    expect(findLongFunctions('src/x.ts', long).map((v) => v.detail)).toEqual(['tooLong is 71 lines (max 70)']);
    expect(findLongFunctions('src/x.ts', fine)).toEqual([]);
  });
});
