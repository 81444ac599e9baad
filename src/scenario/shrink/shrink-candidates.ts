import type { TimedFault } from '../scenario.js';
import type { ShrinkCase } from './shrink-case.js';

/** A smaller case to try, with what was changed. */
export interface ShrinkStep {
  readonly description: string;
  readonly candidate: ShrinkCase;
}

/**
 * Values between `min` and `value` to try, smallest first: min, then
 * halfway, a quarter of the way back, ..., while the step saves at least
 * `stepMin` (a shave of 1 ms is not worth a run).
 */
export function smallerValues(value: number, min: number, stepMin: number): number[] {
  if (value <= min) return [];
  const values = [min];
  for (let cut = Math.floor((value - min) / 2); cut >= stepMin; cut = Math.floor(cut / 2)) {
    const smaller = value - cut;
    if (smaller > min && smaller < value && !values.includes(smaller)) values.push(smaller);
  }
  return values;
}

/** Delta debugging's removals: halves, then quarters, ..., then single faults. */
function* withoutFaultChunks(current: ShrinkCase): Generator<ShrinkStep> {
  const faults = current.timeline;
  if (faults.length >= 2) yield { description: `drop all ${faults.length} faults`, candidate: { ...current, timeline: [] } };
  for (let chunk = Math.ceil(faults.length / 2); chunk >= 1; chunk = chunk === 1 ? 0 : Math.ceil(chunk / 2)) {
    for (let start = 0; start < faults.length; start += chunk) {
      const kept = [...faults.slice(0, start), ...faults.slice(start + chunk)];
      const description = chunk === 1 ? `drop fault ${start + 1} (${faults[start]?.fault.kind ?? ''})` : `drop faults ${start + 1}..${Math.min(start + chunk, faults.length)}`;
      yield { description, candidate: { ...current, timeline: kept } };
    }
  }
}

/** All faults earlier by the same amount (keeps their spacing, shortens the run's lead-in). */
function* shiftedEarlier(current: ShrinkCase): Generator<ShrinkStep> {
  if (current.timeline.length === 0) return;
  const firstAtMs = Math.min(...current.timeline.map((timed) => timed.atMs));
  for (const newFirstAtMs of smallerValues(Math.floor(firstAtMs), 0, 50)) {
    const shiftMs = firstAtMs - newFirstAtMs;
    yield { description: `faults ${shiftMs} ms earlier`, candidate: { ...current, timeline: current.timeline.map((timed) => ({ ...timed, atMs: Math.round((timed.atMs - shiftMs) * 1000) / 1000 })) } };
  }
}

function* shorterFaultsPhase(current: ShrinkCase): Generator<ShrinkStep> {
  const lastAtMs = Math.max(-1, ...current.timeline.map((timed) => timed.atMs));
  const minMs = lastAtMs < 0 ? 0 : Math.floor(lastAtMs) + 1;
  for (const faultsMs of smallerValues(Math.ceil(current.faultsMs), minMs, 50)) yield { description: `faults phase ${faultsMs} ms`, candidate: { ...current, faultsMs } };
}

function* smallerWorkload(current: ShrinkCase): Generator<ShrinkStep> {
  for (const clients of smallerValues(current.clients, 1, 1)) yield { description: `${clients} client(s)`, candidate: { ...current, clients } };
  for (const keys of smallerValues(current.keys, 1, 1)) yield { description: `${keys} key(s)`, candidate: { ...current, keys } };
  if (current.rateHz > 1) for (const rateHz of smallerValues(Math.ceil(current.rateHz), 1, 1)) yield { description: `rate ${rateHz} Hz`, candidate: { ...current, rateHz } };
}

function* shorterFaults(current: ShrinkCase): Generator<ShrinkStep> {
  for (let index = 0; index < current.timeline.length; index++) {
    const timed = current.timeline[index] as TimedFault;
    for (const durationMs of smallerValues(Math.ceil(timed.durationMs), 0, 10)) {
      const timeline = current.timeline.map((other, position) => (position === index ? { ...other, durationMs } : other));
      yield { description: `fault ${index + 1} (${timed.fault.kind}) lasts ${durationMs} ms`, candidate: { ...current, timeline } };
    }
  }
}

function* shorterHeal(current: ShrinkCase): Generator<ShrinkStep> {
  for (const healMs of smallerValues(Math.ceil(current.healMs), 0, 50)) yield { description: `heal phase ${healMs} ms`, candidate: { ...current, healMs } };
}

/**
 * Every smaller case one step from `current`, in the order shrinking tries
 * them: fewer faults first (they matter most), then a shorter run, a
 * smaller workload, shorter fault windows and a shorter heal phase.
 */
export function* shrinkSteps(current: ShrinkCase): Generator<ShrinkStep> {
  yield* withoutFaultChunks(current);
  yield* shiftedEarlier(current);
  yield* shorterFaultsPhase(current);
  yield* smallerWorkload(current);
  yield* shorterFaults(current);
  yield* shorterHeal(current);
}
