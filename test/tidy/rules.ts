import ts from 'typescript';

/** One broken rule, located. */
export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly rule: 'banned-api' | 'layer-direction' | 'function-length';
  readonly detail: string;
}

/** Nondeterministic APIs banned outside src/env/real and src/cli (DESIGN.md, determinism rules). */
const bannedPatterns: readonly (readonly [RegExp, string])[] = [
  [/\bMath\.random\s*\(/, 'Math.random'],
  [/\bDate\.now\s*\(/, 'Date.now'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date()'],
  [/\bperformance\.now\s*\(/, 'performance.now'],
  [/\bprocess\.hrtime\b/, 'process.hrtime'],
  [/(^|[^.\w])setTimeout\s*\(/, 'setTimeout'],
  [/(^|[^.\w])setInterval\s*\(/, 'setInterval'],
  [/(^|[^.\w])setImmediate\s*\(/, 'setImmediate'],
  [/\bqueueMicrotask\s*\(/, 'queueMicrotask'],
  [/\bcrypto\.random\w*/, 'crypto.random*'],
  [/\b(randomBytes|randomUUID|randomInt|getRandomValues)\s*\(/, 'crypto random'],
  [/from\s+['"](node:)?(fs|net|fs\/promises)['"]/, 'node:fs / node:net'],
  [/require\(\s*['"](node:)?(fs|net)['"]\s*\)/, 'node:fs / node:net'],
];

export function isExemptFromBans(file: string): boolean {
  return file.startsWith('src/env/real/') || file.startsWith('src/cli/');
}

function isCommentLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*');
}

export function findBannedApis(file: string, source: string): Violation[] {
  if (isExemptFromBans(file)) return [];
  const found: Violation[] = [];
  source.split('\n').forEach((line, index) => {
    if (isCommentLine(line)) return;
    for (const [pattern, name] of bannedPatterns) {
      if (pattern.test(line)) found.push({ file, line: index + 1, rule: 'banned-api', detail: name });
    }
  });
  return found;
}

/** The layer a file under src/ belongs to: its first folder, with env/real and store/protocol told apart. */
export function layerOf(file: string): string {
  const parts = file.replace(/^src\//, '').split('/');
  if (parts.length === 1) return 'root';
  const [top, second] = parts;
  if (top === 'env' && second === 'real') return 'env/real';
  if (top === 'store' && second === 'protocol') return 'store/protocol';
  return top ?? 'root';
}

/** Which layers each layer may import (DESIGN.md, Layers). */
const allowedImports: Readonly<Record<string, readonly string[]>> = {
  core: ['core'],
  env: ['core', 'env'],
  'env/real': ['core', 'env', 'env/real'],
  sim: ['core', 'env', 'sim'],
  store: ['core', 'env', 'store', 'store/protocol'],
  'store/protocol': ['core', 'env', 'store', 'store/protocol'],
  history: ['core', 'history'],
  checker: ['core', 'history', 'checker'],
  workload: ['core', 'env', 'sim', 'store/protocol', 'history', 'workload'],
  nemesis: ['core', 'env', 'sim', 'nemesis'],
  scenario: ['core', 'env', 'env/real', 'sim', 'store', 'store/protocol', 'history', 'workload', 'nemesis', 'checker', 'scenario'],
  cli: ['core', 'env', 'env/real', 'sim', 'store', 'store/protocol', 'history', 'workload', 'nemesis', 'checker', 'scenario', 'cli', 'root'],
  root: ['core', 'env', 'env/real', 'sim', 'store', 'store/protocol', 'history', 'workload', 'nemesis', 'checker', 'scenario', 'root'],
};

function resolveRelative(fromFile: string, specifier: string): string {
  const fromParts = fromFile.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') fromParts.pop();
    else if (part !== '.') fromParts.push(part);
  }
  return fromParts.join('/');
}

export function findLayerViolations(file: string, source: string): Violation[] {
  if (!file.startsWith('src/')) return [];
  const layer = layerOf(file);
  const allowed = allowedImports[layer];
  if (allowed === undefined) return [{ file, line: 1, rule: 'layer-direction', detail: `unknown layer '${layer}'` }];
  const found: Violation[] = [];
  const importPattern = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  source.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2];
      if (specifier === undefined) continue;
      const target = resolveRelative(file, specifier);
      if (!target.startsWith('src/')) {
        found.push({ file, line: index + 1, rule: 'layer-direction', detail: `imports outside src: ${specifier}` });
        continue;
      }
      const targetLayer = layerOf(target);
      if (!allowed.includes(targetLayer)) {
        found.push({ file, line: index + 1, rule: 'layer-direction', detail: `${layer} must not import ${targetLayer} (${specifier})` });
      }
    }
  });
  return found;
}

export const functionLinesMax = 70;

function functionName(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '<anonymous>';
}

export function findLongFunctions(file: string, source: string, linesMax = functionLinesMax): Violation[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const found: Violation[] = [];
  const visit = (node: ts.Node): void => {
    const isFunction =
      ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node);
    if (isFunction && node.body) {
      const start = sourceFile.getLineAndCharacterOfPosition(node.body.getStart()).line;
      const end = sourceFile.getLineAndCharacterOfPosition(node.body.getEnd()).line;
      const lines = end - start + 1;
      if (lines > linesMax) {
        found.push({ file, line: start + 1, rule: 'function-length', detail: `${functionName(node)} is ${lines} lines (max ${linesMax})` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
