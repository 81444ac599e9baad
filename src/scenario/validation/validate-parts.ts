import { StoreConfig } from '../../store/server/config.js';
import { plantedBugConfigNames } from '../../store/server/planted-bugs.js';
import { casVias, workloadKinds } from '../../workload/workload-kind.js';
import { supportedTopologyKinds } from '../topology/build-deployment.js';
import type { FieldChecks } from './field-checks.js';

const HOSTS_FOR_CLIENTS_MAX = 200;

export function validateTopology(checks: FieldChecks, value: unknown): void {
  const topology = checks.object(value, 'topology');
  const kind = checks.oneOf(topology['kind'], ['standalone', 'replicated', 'sentinel', 'cluster'], 'topology.kind');
  if (!(supportedTopologyKinds as readonly string[]).includes(kind)) checks.fail('topology.kind', `'${kind}' is not yet supported (supported: ${supportedTopologyKinds.join(', ')})`);
  const fieldsByKind: Record<string, readonly string[]> = { standalone: [], replicated: ['replicas'], sentinel: ['replicas', 'sentinels', 'quorum'], cluster: ['shards', 'replicasPerShard'] };
  const fields = fieldsByKind[kind] ?? [];
  checks.onlyKnownFields(topology, ['kind', ...fields], 'topology');
  for (const field of fields) checks.positiveInteger(topology[field], `topology.${field}`, 64);
}

/** Every config entry must be a redis.conf parameter our node knows (or a planted bug) with a value it accepts. */
export function validateConfig(checks: FieldChecks, value: unknown): void {
  const config = checks.object(value, 'config');
  const probe = new StoreConfig();
  for (const [name, text] of Object.entries(config)) {
    const where = `config.${name}`;
    const valueText = checks.string(text, where);
    if (plantedBugConfigNames.includes(name)) {
      validatePlantedBug(checks, where, name, valueText);
      continue;
    }
    const refusal = probe.set(name, valueText, { startup: true });
    if (refusal !== undefined) checks.fail(where, refusal.error === 'Config name not found' ? 'unknown redis.conf parameter' : refusal.error);
  }
}

/** Planted-bug switches: `debug-*-ms` take a non-negative integer of ms, the others yes|no. */
function validatePlantedBug(checks: FieldChecks, where: string, name: string, valueText: string): void {
  if (name.endsWith('-ms')) {
    if (!/^\d+$/.test(valueText)) checks.fail(where, `must be a non-negative integer of ms, got ${JSON.stringify(valueText)}`);
  } else if (valueText !== 'yes' && valueText !== 'no') {
    checks.fail(where, `must be yes or no, got ${JSON.stringify(valueText)}`);
  }
}

export function validateNetwork(checks: FieldChecks, value: unknown): void {
  if (value === undefined) return;
  const network = checks.object(value, 'network');
  checks.onlyKnownFields(network, ['latency'], 'network');
  const latency = checks.object(network['latency'], 'network.latency');
  const kind = checks.oneOf(latency['kind'], ['constant', 'uniform', 'exponential'], 'network.latency.kind');
  if (kind === 'constant') {
    checks.onlyKnownFields(latency, ['kind', 'ms'], 'network.latency');
    checks.nonNegativeNumber(latency['ms'], 'network.latency.ms');
  } else if (kind === 'uniform') {
    checks.onlyKnownFields(latency, ['kind', 'minMs', 'maxMs'], 'network.latency');
    const minMs = checks.nonNegativeNumber(latency['minMs'], 'network.latency.minMs');
    const maxMs = checks.nonNegativeNumber(latency['maxMs'], 'network.latency.maxMs');
    if (maxMs < minMs) checks.fail('network.latency.maxMs', `must be at least minMs (${minMs}), got ${maxMs}`);
  } else {
    checks.onlyKnownFields(latency, ['kind', 'meanMs', 'minMs'], 'network.latency');
    checks.positiveNumber(latency['meanMs'], 'network.latency.meanMs');
    if (latency['minMs'] !== undefined) checks.nonNegativeNumber(latency['minMs'], 'network.latency.minMs');
  }
}

export function validateWorkload(checks: FieldChecks, value: unknown): void {
  const workload = checks.object(value, 'workload');
  checks.onlyKnownFields(workload, ['kind', 'clients', 'keys', 'rateHz', 'opTimeoutMs', 'readFrom', 'appendsPerTransaction', 'readFraction', 'waitReplicas', 'casVia'], 'workload');
  const kind = checks.oneOf(workload['kind'], workloadKinds, 'workload.kind');
  checks.positiveInteger(workload['clients'], 'workload.clients', HOSTS_FOR_CLIENTS_MAX);
  checks.positiveInteger(workload['keys'], 'workload.keys', 100_000);
  checks.positiveNumber(workload['rateHz'], 'workload.rateHz');
  checks.positiveNumber(workload['opTimeoutMs'], 'workload.opTimeoutMs');
  if (workload['readFrom'] !== undefined) checks.oneOf(workload['readFrom'], ['master', 'replicas', 'any'], 'workload.readFrom');
  if (workload['readFraction'] !== undefined) checks.fraction(workload['readFraction'], 'workload.readFraction');
  if (workload['appendsPerTransaction'] !== undefined) {
    checks.positiveInteger(workload['appendsPerTransaction'], 'workload.appendsPerTransaction', 100);
    if (kind !== 'list-append') checks.fail('workload.appendsPerTransaction', `applies only to the list-append workload, not ${kind}`);
  }
  if (workload['casVia'] !== undefined) {
    checks.oneOf(workload['casVia'], casVias, 'workload.casVia');
    if (kind !== 'cas-register') checks.fail('workload.casVia', `applies only to the cas-register workload, not ${kind}`);
  }
}

/**
 * workload.waitReplicas: { replicas, timeoutMs }, WAIT after each write. The
 * topology must have that many replicas; timeoutMs must be positive (WAIT 0
 * blocks for ever) and below opTimeoutMs (else every op times out first).
 */
export function validateWaitReplicas(checks: FieldChecks, workloadValue: unknown, topologyValue: unknown): void {
  const workload = checks.object(workloadValue, 'workload');
  if (workload['waitReplicas'] === undefined) return;
  const wait = checks.object(workload['waitReplicas'], 'workload.waitReplicas');
  checks.onlyKnownFields(wait, ['replicas', 'timeoutMs'], 'workload.waitReplicas');
  const replicas = checks.positiveInteger(wait['replicas'], 'workload.waitReplicas.replicas', 64);
  const timeoutMs = checks.positiveInteger(wait['timeoutMs'], 'workload.waitReplicas.timeoutMs');
  const opTimeoutMs = workload['opTimeoutMs'] as number;
  if (timeoutMs >= opTimeoutMs) checks.fail('workload.waitReplicas.timeoutMs', `must be below workload.opTimeoutMs (${opTimeoutMs}), got ${timeoutMs}`);
  const topology = checks.object(topologyValue, 'topology');
  const available = topology['kind'] === 'replicated' || topology['kind'] === 'sentinel' ? (topology['replicas'] as number) : 0;
  if (replicas > available) checks.fail('workload.waitReplicas.replicas', `the ${String(topology['kind'])} topology has ${available} replica(s), WAIT asks for ${replicas}`);
}

export function validatePhases(checks: FieldChecks, value: unknown): void {
  const phases = checks.object(value, 'phases');
  checks.onlyKnownFields(phases, ['setupMs', 'faultsMs', 'healMs', 'quiesceMsMax', 'finalReads'], 'phases');
  if (phases['setupMs'] !== undefined) checks.nonNegativeNumber(phases['setupMs'], 'phases.setupMs');
  const dayMs = 24 * 3600 * 1000;
  const faultsMs = checks.nonNegativeNumber(phases['faultsMs'], 'phases.faultsMs');
  const healMs = checks.nonNegativeNumber(phases['healMs'], 'phases.healMs');
  if (faultsMs + healMs > dayMs) checks.fail('phases.faultsMs', `faultsMs + healMs must be at most one simulated day, got ${faultsMs + healMs}`);
  checks.positiveNumber(phases['quiesceMsMax'], 'phases.quiesceMsMax');
  checks.boolean(phases['finalReads'], 'phases.finalReads');
}
