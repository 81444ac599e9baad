import { assert } from '../../core/assert.js';
import type { Scenario } from '../scenario.js';

/** Lines longer than this break an object or array over several lines. */
const INLINE_CHARS_MAX = 100;
const INDENT = '  ';

function propertyName(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function stringLiteral(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function numberLiteral(value: number): string {
  assert(Number.isFinite(value), 'a scenario holds finite numbers');
  if (Number.isInteger(value) && Math.abs(value) >= 10_000) return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '_');
  return String(value);
}

/** Plain data as a TypeScript literal, objects and arrays inline when short, else one entry per line. */
export function typescriptLiteral(value: unknown, depth = 0): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'boolean') return String(value);
  assert(depth < 32, 'scenario data nests less than 32 deep');
  assert(typeof value === 'object', `scenario data is plain (got ${typeof value})`);
  const isArray = Array.isArray(value);
  const entries = isArray
    ? (value as readonly unknown[]).map((item) => typescriptLiteral(item, depth + 1))
    : Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .map(([name, item]) => `${propertyName(name)}: ${typescriptLiteral(item, depth + 1)}`);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const inline = isArray ? `[${entries.join(', ')}]` : `{ ${entries.join(', ')} }`;
  if (inline.length + depth * INDENT.length <= INLINE_CHARS_MAX && !inline.includes('\n')) return inline;
  const inner = INDENT.repeat(depth + 1);
  return `${open}\n${entries.map((entry) => `${inner}${entry},`).join('\n')}\n${INDENT.repeat(depth)}${close}`;
}

/**
 * A scenario as a `scenarios/`-style TypeScript file: a comment, the import
 * of `defineScenario` (from `importPath`, relative to where the file goes)
 * and `export default defineScenario({...})`.
 */
export function scenarioSource(scenario: Scenario, options: { readonly importPath: string; readonly comment: readonly string[] }): string {
  const comment = ['/**', ...options.comment.map((line) => (line === '' ? ' *' : ` * ${line.replace(/\*\//g, '* /')}`)), ' */'].join('\n');
  return `import { defineScenario } from ${stringLiteral(options.importPath)};\n\n${comment}\nexport default defineScenario(${typescriptLiteral(scenario)});\n`;
}
