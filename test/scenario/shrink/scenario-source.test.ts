import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { scenarioSource, typescriptLiteral } from '../../../src/scenario/shrink/scenario-source.js';
import { baseScenario } from './support.js';

function evaluate(literal: string): unknown {
  return new Function(`return (${literal});`)() as unknown;
}

const plainKey = fc.string({ minLength: 1, maxLength: 8 }).filter((key) => key !== '__proto__');
const plainData = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(plainKey, tie('value'), { maxKeys: 5 }),
})).value;

describe('typescriptLiteral', () => {
  it('writes plain data that evaluates back to the same data', () => {
    fc.assert(
      fc.property(plainData, (value) => {
        const data = JSON.parse(JSON.stringify(value)) as unknown;
        expect(evaluate(typescriptLiteral(data))).toEqual(data);
      }),
    );
  });

  it('writes readable numbers and names: 10_000, quoted keys only where needed', () => {
    expect(typescriptLiteral({ faultsMs: 10_000, 'debug-stale-reads-ms': '200', small: 250 })).toBe("{ faultsMs: 10_000, 'debug-stale-reads-ms': '200', small: 250 }");
  });
});

describe('scenarioSource', () => {
  it('is a TypeScript module without syntax errors that exports the scenario through defineScenario', () => {
    const scenario = baseScenario({ description: "it's got 'quotes' and */ a comment end" });
    const source = scenarioSource(scenario, { importPath: '../src/scenario/scenario.js', comment: ['Shrunk.', 'Ends */ here'] });
    const transpiled = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
    expect(transpiled.diagnostics ?? []).toEqual([]);
    expect(source.startsWith("import { defineScenario } from '../src/scenario/scenario.js';")).toBe(true);
    const body = source.slice(source.indexOf('export default defineScenario(') + 'export default defineScenario('.length, source.lastIndexOf(');'));
    expect(evaluate(body)).toEqual(scenario);
  });
});
