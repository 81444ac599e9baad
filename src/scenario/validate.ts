import { checkerMismatch } from './checks/checker-models.js';
import { knownAnomalies } from './checks/anomalies.js';
import { storeHostNamesOf } from './topology/build-deployment.js';
import { FieldChecks, type Fields } from './validation/field-checks.js';
import { validateDisk, validateRecovery, validateStartRefusals } from './validation/validate-disk-recovery.js';
import { validateNemesis } from './validation/validate-faults.js';
import { validateConfig, validateNetwork, validatePhases, validateTopology, validateWaitReplicas, validateWorkload } from './validation/validate-parts.js';
import type { Scenario, Topology } from './scenario.js';
import type { WorkloadKind } from '../workload/workload-kind.js';

const scenarioFields = ['name', 'description', 'topology', 'config', 'network', 'disk', 'recovery', 'workload', 'nemesis', 'phases', 'checkers', 'seeds', 'expect'];
const checkerNames = ['linearizable', 'list-append', 'set', 'durability', 'convergence', 'availability'] as const;
const roles = ['master', 'replica', 'sentinel'];

function validateCheckers(checks: FieldChecks, scenario: Fields): void {
  const list = checks.list(scenario['checkers'], 'checkers');
  if (list.length === 0) checks.fail('checkers', 'must name at least one checker');
  const kind = (scenario['workload'] as Fields)['kind'] as WorkloadKind;
  const seen = new Set<string>();
  list.forEach((item, index) => {
    const name = checks.oneOf(item, checkerNames, `checkers[${index}]`);
    if (seen.has(name)) checks.fail(`checkers[${index}]`, `${name} is listed twice`);
    seen.add(name);
    const mismatch = checkerMismatch(name, kind);
    if (mismatch !== undefined) checks.fail(`checkers[${index}]`, mismatch);
    if ((name === 'set' || name === 'durability') && (scenario['phases'] as Fields)['finalReads'] !== true) checks.fail(`checkers[${index}]`, `the ${name} checker needs phases.finalReads: true`);
  });
}

function validateSeeds(checks: FieldChecks, value: unknown): void {
  const seeds = checks.list(value, 'seeds');
  if (seeds.length === 0) checks.fail('seeds', 'must list at least one seed');
  seeds.forEach((seed, index) => {
    if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) checks.fail(`seeds[${index}]`, `must be a non-negative integer, got ${String(seed)}`);
  });
}

function validateExpect(checks: FieldChecks, value: unknown): void {
  const expect = checks.object(value, 'expect');
  const valid = checks.boolean(expect['valid'], 'expect.valid');
  validateStartRefusals(checks, expect['startRefusals']);
  if (valid) {
    checks.onlyKnownFields(expect, ['valid', 'startRefusals'], 'expect');
    return;
  }
  checks.onlyKnownFields(expect, ['valid', 'anomaly', 'detectionRateMin', 'startRefusals'], 'expect');
  const anomaly = checks.string(expect['anomaly'], 'expect.anomaly');
  if (!knownAnomalies.includes(anomaly)) checks.fail('expect.anomaly', `unknown anomaly ${JSON.stringify(anomaly)} (known: ${knownAnomalies.join(', ')})`);
  if (expect['detectionRateMin'] === undefined) checks.fail('expect.detectionRateMin', 'an expected anomaly needs the share of seeds that must find it (0 < detectionRateMin <= 1)');
  const rate = checks.fraction(expect['detectionRateMin'], 'expect.detectionRateMin');
  if (rate === 0) checks.fail('expect.detectionRateMin', 'must be above 0');
}

/**
 * Checks a scenario read from `file` and returns it typed. A problem throws
 * an InputError naming the file and the field, e.g.
 * `scenarios/foo.ts: workload.clients: must be a positive integer, got -1`.
 */
export function validateScenario(value: unknown, file: string): Scenario {
  const checks = new FieldChecks(file);
  const scenario = checks.object(value, '(default export)');
  checks.onlyKnownFields(scenario, scenarioFields, '');
  const name = checks.string(scenario['name'], 'name');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) checks.fail('name', `must be lowercase letters, digits and dashes, got ${JSON.stringify(name)}`);
  checks.string(scenario['description'], 'description');
  validateTopology(checks, scenario['topology']);
  validateConfig(checks, scenario['config']);
  validateNetwork(checks, scenario['network']);
  validateDisk(checks, scenario['disk']);
  validateRecovery(checks, scenario['recovery'], scenario['config']);
  validateWorkload(checks, scenario['workload']);
  validateWaitReplicas(checks, scenario['workload'], scenario['topology']);
  validatePhases(checks, scenario['phases']);
  const workload = scenario['workload'] as Fields;
  const hosts = [...storeHostNamesOf(scenario['topology'] as Topology), ...Array.from({ length: workload['clients'] as number }, (_, index) => `c${index + 1}`)];
  validateNemesis(checks, scenario['nemesis'], { hosts, roles });
  validateCheckers(checks, scenario);
  validateSeeds(checks, scenario['seeds']);
  validateExpect(checks, scenario['expect']);
  return value as Scenario;
}
