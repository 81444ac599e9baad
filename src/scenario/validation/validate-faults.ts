import { diskFaultNames, faultKinds, partitionShapeNames, swarmFaultKinds } from '../../nemesis/fault-spec.js';
import { randomNodeTarget } from '../../nemesis/target-resolution.js';
import type { FieldChecks, Fields } from './field-checks.js';

/** Names a fault target may use: hosts of the run, roles, `random-node`. */
export interface TargetNames {
  readonly hosts: readonly string[];
  readonly roles: readonly string[];
}

function target(checks: FieldChecks, value: unknown, where: string, names: TargetNames): void {
  const text = checks.string(value, where);
  if (text === randomNodeTarget || names.hosts.includes(text) || names.roles.includes(text)) return;
  checks.fail(where, `unknown target ${JSON.stringify(text)} (hosts: ${names.hosts.join(', ')}; roles: ${names.roles.join(', ')}; or ${randomNodeTarget})`);
}

const fieldsOfKind: Readonly<Record<string, readonly string[]>> = {
  kill: ['kind', 'target'],
  'power-loss': ['kind', 'target'],
  pause: ['kind', 'target'],
  'connection-reset': ['kind', 'target'],
  'clock-skew': ['kind', 'target', 'offsetMs'],
  'clock-jump': ['kind', 'target', 'deltaMs'],
  'clock-drift': ['kind', 'target', 'driftPpm'],
  disk: ['kind', 'target', 'fault'],
  'slow-link': ['kind', 'target', 'extraLatencyMs'],
  admin: ['kind', 'target', 'argv'],
};

function partitionFault(checks: FieldChecks, fault: Fields, where: string, names: TargetNames): void {
  checks.oneOf(fault['mode'], ['clog', 'drop'], `${where}.mode`);
  const shape = checks.oneOf(fault['shape'], partitionShapeNames, `${where}.shape`);
  const shapeFields: Record<string, readonly string[]> = { isolate: ['target'], 'one-way': ['from', 'to'], 'minority-with': ['members'] };
  checks.onlyKnownFields(fault, ['kind', 'mode', 'shape', ...(shapeFields[shape] ?? [])], where);
  if (shape === 'isolate') target(checks, fault['target'], `${where}.target`, names);
  if (shape === 'one-way') {
    target(checks, fault['from'], `${where}.from`, names);
    target(checks, fault['to'], `${where}.to`, names);
  }
  if (shape === 'minority-with') checks.list(fault['members'], `${where}.members`).forEach((member, index) => target(checks, member, `${where}.members[${index}]`, names));
}

/** One FaultSpec: a known kind, its fields, sane parameters, targets that exist. */
export function validateFault(checks: FieldChecks, value: unknown, where: string, names: TargetNames): void {
  const fault = checks.object(value, where);
  const kind = fault['kind'];
  if (typeof kind !== 'string' || !(faultKinds as readonly string[]).includes(kind)) {
    checks.fail(`${where}.kind`, `unknown fault kind ${JSON.stringify(kind)} (known: ${faultKinds.join(', ')})`);
  }
  if (kind === 'partition') {
    partitionFault(checks, fault, where, names);
    return;
  }
  checks.onlyKnownFields(fault, fieldsOfKind[kind] ?? ['kind', 'target'], where);
  target(checks, fault['target'], `${where}.target`, names);
  if (kind === 'clock-skew') checks.finiteNumber(fault['offsetMs'], `${where}.offsetMs`);
  if (kind === 'clock-jump') checks.finiteNumber(fault['deltaMs'], `${where}.deltaMs`);
  if (kind === 'clock-drift') {
    const drift = checks.finiteNumber(fault['driftPpm'], `${where}.driftPpm`);
    if (Math.abs(drift) > 500_000) checks.fail(`${where}.driftPpm`, `must be within ±500000, got ${drift}`);
  }
  if (kind === 'disk') checks.oneOf(fault['fault'], diskFaultNames, `${where}.fault`);
  if (kind === 'slow-link') checks.nonNegativeNumber(fault['extraLatencyMs'], `${where}.extraLatencyMs`);
  if (kind === 'admin') {
    const argv = checks.list(fault['argv'], `${where}.argv`);
    if (argv.length === 0) checks.fail(`${where}.argv`, 'must name a command');
    argv.forEach((argument, index) => checks.string(argument, `${where}.argv[${index}]`));
  }
}

function validateSwarm(checks: FieldChecks, value: unknown, where: string): void {
  const swarm = checks.object(value, where);
  checks.onlyKnownFields(swarm, ['weights', 'faultsPerSecond', 'durationMsMin', 'durationMsMax', 'kindKeepProbability'], where);
  const weights = checks.object(swarm['weights'], `${where}.weights`);
  let total = 0;
  for (const [kind, weight] of Object.entries(weights)) {
    if (!(swarmFaultKinds as readonly string[]).includes(kind)) {
      checks.fail(`${where}.weights.${kind}`, kind === 'admin' ? 'admin commands go in a timeline, a swarm cannot draw them' : `unknown fault kind (known: ${swarmFaultKinds.join(', ')})`);
    }
    total += checks.nonNegativeNumber(weight, `${where}.weights.${kind}`);
  }
  if (total <= 0) checks.fail(`${where}.weights`, 'must give at least one fault kind a positive weight');
  checks.nonNegativeNumber(swarm['faultsPerSecond'], `${where}.faultsPerSecond`);
  const durationMsMin = checks.nonNegativeNumber(swarm['durationMsMin'], `${where}.durationMsMin`);
  const durationMsMax = checks.nonNegativeNumber(swarm['durationMsMax'], `${where}.durationMsMax`);
  if (durationMsMax < durationMsMin) checks.fail(`${where}.durationMsMax`, `must be at least durationMsMin (${durationMsMin}), got ${durationMsMax}`);
  if (swarm['kindKeepProbability'] !== undefined) checks.fraction(swarm['kindKeepProbability'], `${where}.kindKeepProbability`);
}

/** The nemesis: an optional explicit timeline and an optional swarm. */
export function validateNemesis(checks: FieldChecks, value: unknown, names: TargetNames): void {
  const nemesis = checks.object(value, 'nemesis');
  checks.onlyKnownFields(nemesis, ['timeline', 'swarm'], 'nemesis');
  if (nemesis['timeline'] !== undefined) {
    checks.list(nemesis['timeline'], 'nemesis.timeline').forEach((item, index) => {
      const where = `nemesis.timeline[${index}]`;
      const timed = checks.object(item, where);
      checks.onlyKnownFields(timed, ['atMs', 'durationMs', 'fault'], where);
      checks.nonNegativeNumber(timed['atMs'], `${where}.atMs`);
      checks.nonNegativeNumber(timed['durationMs'], `${where}.durationMs`);
      validateFault(checks, timed['fault'], `${where}.fault`, names);
    });
  }
  if (nemesis['swarm'] !== undefined) validateSwarm(checks, nemesis['swarm'], 'nemesis.swarm');
}
