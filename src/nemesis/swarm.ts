import { assert, assertNever } from '../core/assert.js';
import type { Prng } from '../core/prng.js';
import { diskFaultNames, type FaultKind, type FaultSpec, type PartitionShape, type SwarmSpec, swarmFaultKinds, type TimedFault } from './fault-spec.js';

/** What one seed's swarm drew: the kinds kept, the rate, the longest window per kind, and the faults. */
export interface SwarmDraw {
  readonly kinds: readonly FaultKind[];
  readonly faultsPerSecond: number;
  readonly durationMsMaxByKind: Readonly<Partial<Record<FaultKind, number>>>;
  readonly timeline: readonly TimedFault[];
}

const DEFAULT_KIND_KEEP_PROBABILITY = 0.7;
/** A bound on the faults one draw makes, whatever the rate. */
export const SWARM_FAULTS_MAX = 10_000;

/** Swarm testing: each weighted kind stays with the keep probability; at least one always does. */
function keptKinds(spec: SwarmSpec, prng: Prng): FaultKind[] {
  const weighted = swarmFaultKinds.filter((kind) => (spec.weights[kind] ?? 0) > 0);
  assert(weighted.length > 0, 'a swarm weighs at least one fault kind');
  const keepProbability = spec.kindKeepProbability ?? DEFAULT_KIND_KEEP_PROBABILITY;
  const kept = weighted.filter(() => prng.chance(keepProbability));
  if (kept.length > 0) return kept;
  return [weighted[prng.weightedIndex(weighted.map((kind) => spec.weights[kind] ?? 0))] as FaultKind];
}

function partitionShapeFor(storeHosts: readonly string[], prng: Prng): PartitionShape {
  const host = prng.pick(storeHosts);
  if (storeHosts.length < 2) return { shape: 'isolate', target: host };
  const shapes = storeHosts.length >= 3 ? (['isolate', 'halves', 'bridge', 'ring', 'one-way'] as const) : (['isolate', 'halves', 'one-way'] as const);
  const shape = prng.pick(shapes);
  if (shape === 'isolate') return { shape, target: host };
  if (shape === 'one-way') return { shape, from: host, to: prng.pick(storeHosts.filter((other) => other !== host)) };
  return { shape };
}

/** A concrete fault of `kind` with its parameters drawn; targets are concrete store hosts. */
export function drawFault(kind: FaultKind, storeHosts: readonly string[], prng: Prng): FaultSpec {
  const target = prng.pick(storeHosts);
  const sign = (): number => (prng.chance(0.5) ? 1 : -1);
  switch (kind) {
    case 'partition':
      return { kind, mode: prng.chance(0.5) ? 'clog' : 'drop', ...partitionShapeFor(storeHosts, prng) };
    case 'kill':
    case 'power-loss':
    case 'pause':
    case 'connection-reset':
      return { kind, target };
    case 'clock-skew':
      return { kind, target, offsetMs: sign() * prng.intBetween(100, 10_000) };
    case 'clock-jump':
      return { kind, target, deltaMs: sign() * prng.intBetween(100, 10_000) };
    case 'clock-drift':
      return { kind, target, driftPpm: sign() * prng.intBetween(1_000, 50_000) };
    case 'disk':
      return { kind, target, fault: prng.pick(diskFaultNames) };
    case 'slow-link':
      return { kind, target, extraLatencyMs: prng.intBetween(5, 200) };
    case 'admin':
      return assertNever(kind as never, 'admin commands are written in timelines, never drawn');
  }
}

/**
 * Draws one seed's faults from the swarm: which kinds are on, how often and
 * how long they last, then a Poisson stream of faults over the faults phase
 * (`faultsMs`), each picking a kept kind by weight.
 */
export function drawSwarm(spec: SwarmSpec, prng: Prng, options: { readonly faultsMs: number; readonly storeHosts: readonly string[] }): SwarmDraw {
  assert(options.storeHosts.length > 0, 'a swarm needs store hosts to hit');
  assert(spec.durationMsMin >= 0 && spec.durationMsMax >= spec.durationMsMin, 'swarm durations satisfy 0 <= min <= max');
  const kinds = keptKinds(spec, prng);
  const faultsPerSecond = spec.faultsPerSecond * (0.5 + prng.float());
  const durationMsMaxByKind: Partial<Record<FaultKind, number>> = {};
  for (const kind of kinds) durationMsMaxByKind[kind] = prng.intBetween(Math.round(spec.durationMsMin), Math.round(spec.durationMsMax));
  const weights = kinds.map((kind) => spec.weights[kind] ?? 0);
  const timeline: TimedFault[] = [];
  let atMs = 0;
  while (faultsPerSecond > 0 && timeline.length < SWARM_FAULTS_MAX) {
    atMs += prng.exponential(1000 / faultsPerSecond);
    if (atMs >= options.faultsMs) break;
    const kind = kinds[prng.weightedIndex(weights)] as FaultKind;
    const durationMs = prng.intBetween(Math.round(spec.durationMsMin), durationMsMaxByKind[kind] ?? Math.round(spec.durationMsMin));
    timeline.push({ atMs: Math.round(atMs), durationMs, fault: drawFault(kind, options.storeHosts, prng) });
  }
  return { kinds, faultsPerSecond, durationMsMaxByKind, timeline };
}
