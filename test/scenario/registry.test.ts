import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { ScenarioRegistry, scenarioFromModule } from '../../src/scenario/registry.js';
import linearizable from '../../scenarios/single-node-linearizable.js';
import killNoPersistence from '../../scenarios/single-node-kill-no-persistence.js';

describe('scenario registry', () => {
  test('loads modules by name, sorted, with their listing', () => {
    const registry = ScenarioRegistry.fromModules([
      { file: 'scenarios/single-node-linearizable.ts', module: { default: linearizable } },
      { file: 'scenarios/single-node-kill-no-persistence.ts', module: { default: killNoPersistence } },
    ]);
    expect(registry.names()).toEqual(['single-node-kill-no-persistence', 'single-node-linearizable']);
    expect(registry.get('single-node-linearizable')).toBe(linearizable);
    expect(registry.listing()[1]).toEqual({ name: linearizable.name, description: linearizable.description, expect: { valid: true }, seeds: linearizable.seeds });
  });

  test("a shipped scenario's name must be its file name", () => {
    expect(() => ScenarioRegistry.fromModules([{ file: 'scenarios/other.ts', module: { default: linearizable } }])).toThrow(
      new InputError('scenarios/other.ts', 'name', 'must be the file\'s name "other", got "single-node-linearizable"'),
    );
  });

  test('a module without a default export names the file', () => {
    expect(() => scenarioFromModule({ file: 'mine.mjs', module: { scenario: linearizable } }, { nameMatchesFile: false })).toThrow(/^mine\.mjs: \(default export\): missing/);
  });

  test('a user file may carry any valid name', () => {
    expect(scenarioFromModule({ file: 'elsewhere/mine.mjs', module: { default: linearizable } }, { nameMatchesFile: false })).toBe(linearizable);
  });
});
