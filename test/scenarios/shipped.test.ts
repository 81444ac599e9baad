import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ScenarioRegistry } from '../../src/scenario/registry.js';
import { runScenario } from '../../src/scenario/runner.js';

const scenariosDirectory = join(import.meta.dirname, '..', '..', 'scenarios');
const files = readdirSync(scenariosDirectory).filter((name) => name.endsWith('.ts')).sort();
const modules = await Promise.all(files.map(async (name) => ({ file: `scenarios/${name}`, module: (await import(pathToFileURL(join(scenariosDirectory, name)).href)) as unknown })));
const registry = ScenarioRegistry.fromModules(modules);

describe('shipped scenarios meet their expectations on their default seeds', () => {
  test('the registry holds the issue-4 scenarios', () => {
    expect(registry.names()).toEqual(expect.arrayContaining(['planted-stale-read', 'single-node-kill-no-persistence', 'single-node-linearizable']));
  });

  for (const scenario of registry.all()) {
    test(`${scenario.name}: expect ${scenario.expect.valid ? 'valid' : `invalid (${scenario.expect.anomaly})`}`, () => {
      const outputs = scenario.seeds.map((seed) => runScenario(scenario, seed));
      for (const output of outputs) expect(output.crash, `${scenario.name} seed ${output.result.seed}`).toBeNull();
      if (scenario.expect.valid) {
        for (const output of outputs) expect(output.result.verdict, `${scenario.name} seed ${output.result.seed}: ${JSON.stringify(output.result.checks)}`).toBe('valid');
        return;
      }
      const expected = scenario.expect;
      const detecting = outputs.filter((output) => output.result.verdict === 'invalid' && output.anomalies.includes(expected.anomaly));
      expect(detecting.length / outputs.length).toBeGreaterThanOrEqual(expected.detectionRateMin);
      for (const output of outputs) expect(output.result.verdict, `${scenario.name} seed ${output.result.seed}`).not.toBe('liveness');
    });
  }
});
