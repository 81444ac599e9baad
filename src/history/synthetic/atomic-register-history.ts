import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';
import { HistoryRecorder } from '../history-recorder.js';
import type { Op, OpValue } from '../op.js';

/**
 * Synthetic histories of an atomic register: concurrent clients run
 * overlapping operations on several keys, and each operation takes effect at
 * a random instant strictly inside its interval, so the history is
 * linearizable by construction. For checker tests and benchmarks.
 */
export interface AtomicRegisterHistoryOptions {
  readonly prng: Prng;
  readonly operationCount: number;
  readonly keyCount: number;
  readonly clientCount: number;
  /** Fraction of reads; the rest are writes (and cas when `casFraction` > 0). */
  readonly readFraction?: number;
  readonly casFraction?: number;
  /** Fraction of operations that time out (`info`); half of those take effect anyway. */
  readonly infoFraction?: number;
  /** Fraction of writes that fail cleanly (`fail`, no effect). */
  readonly failFraction?: number;
  readonly durationUsMax?: number;
  readonly thinkUsMax?: number;
}

interface PlannedOperation {
  readonly sequence: number;
  readonly process: number;
  readonly key: string;
  readonly kind: 'read' | 'write' | 'cas';
  readonly invokeUs: number;
  readonly completeUs: number;
  /** When it takes effect: strictly inside (invokeUs, completeUs). */
  readonly effectUs: number;
  outcome: 'ok' | 'fail' | 'info';
  readonly takesEffect: boolean;
  argument: OpValue;
  result: OpValue;
}

function planKind(prng: Prng, options: AtomicRegisterHistoryOptions): PlannedOperation['kind'] {
  const draw = prng.float();
  const readFraction = options.readFraction ?? 0.5;
  if (draw < readFraction) return 'read';
  return draw < readFraction + (options.casFraction ?? 0) ? 'cas' : 'write';
}

function planOutcome(prng: Prng, kind: PlannedOperation['kind'], options: AtomicRegisterHistoryOptions): { outcome: PlannedOperation['outcome']; takesEffect: boolean } {
  if (prng.chance(options.infoFraction ?? 0)) return { outcome: 'info', takesEffect: prng.chance(0.5) };
  if (kind === 'write' && prng.chance(options.failFraction ?? 0)) return { outcome: 'fail', takesEffect: false };
  return { outcome: 'ok', takesEffect: true };
}

function planClient(client: number, count: number, options: AtomicRegisterHistoryOptions, planned: PlannedOperation[]): void {
  const prng = options.prng.fork(`client-${client}`);
  const durationUsMax = options.durationUsMax ?? 1000;
  const thinkUsMax = options.thinkUsMax ?? 200;
  let process = client;
  let clockUs = prng.int(thinkUsMax + 1);
  for (let index = 0; index < count; index++) {
    const invokeUs = clockUs + prng.int(thinkUsMax + 1);
    const completeUs = invokeUs + 2 + prng.int(durationUsMax);
    const effectUs = invokeUs + 0.5 + prng.float() * (completeUs - invokeUs - 1);
    const kind = planKind(prng, options);
    const { outcome, takesEffect } = planOutcome(prng, kind, options);
    const key = `k${prng.int(options.keyCount)}`;
    planned.push({ sequence: planned.length, process, key, kind, invokeUs, completeUs, effectUs, outcome, takesEffect, argument: null, result: null });
    // Like Jepsen, a client whose operation timed out carries on as a new process.
    if (outcome === 'info') process += options.clientCount;
    clockUs = completeUs;
  }
}

/** Runs the planned operations against one atomic register per key, in effect order. */
function applyInEffectOrder(planned: readonly PlannedOperation[], prng: Prng): void {
  const values = new Map<string, OpValue>();
  const recentlyWritten = new Map<string, OpValue[]>();
  let nextValue = 1;
  for (const operation of [...planned].sort((left, right) => left.effectUs - right.effectUs || left.sequence - right.sequence)) {
    const current = values.get(operation.key) ?? null;
    const recent = recentlyWritten.get(operation.key) ?? [null];
    if (operation.kind === 'read') {
      operation.result = operation.outcome === 'ok' ? current : null;
      continue;
    }
    const fresh = nextValue++;
    operation.argument = operation.kind === 'write' ? fresh : [prng.pick(recent.slice(-3)), fresh];
    operation.result = operation.argument;
    const compareHolds = operation.kind === 'write' || (operation.argument as readonly OpValue[])[0] === current;
    // A cas that finds another value fails cleanly; an unknown-outcome one simply does nothing.
    if (!compareHolds && operation.outcome === 'ok') operation.outcome = 'fail';
    if (!operation.takesEffect || !compareHolds || operation.outcome === 'fail') continue;
    values.set(operation.key, fresh);
    recentlyWritten.set(operation.key, [...recent.slice(-7), fresh]);
  }
}

interface TimedEvent {
  readonly timeUs: number;
  readonly isCompletion: boolean;
  readonly operation: PlannedOperation;
}

/** Events by time; at equal times completions first, so a process's next invocation follows its last completion. */
function orderedEvents(planned: readonly PlannedOperation[]): TimedEvent[] {
  const events: TimedEvent[] = [];
  for (const operation of planned) {
    events.push({ timeUs: operation.invokeUs, isCompletion: false, operation });
    events.push({ timeUs: operation.completeUs, isCompletion: true, operation });
  }
  return events.sort(
    (left, right) =>
      left.timeUs - right.timeUs || Number(right.isCompletion) - Number(left.isCompletion) || left.operation.sequence - right.operation.sequence,
  );
}

export function generateAtomicRegisterHistory(options: AtomicRegisterHistoryOptions): Op[] {
  assert(options.clientCount > 0 && options.keyCount > 0, 'a register history needs clients and keys');
  assert(Number.isInteger(options.operationCount) && options.operationCount >= 0, 'an operation count is a non-negative integer');
  const planned: PlannedOperation[] = [];
  for (let client = 0; client < options.clientCount; client++) {
    const share = Math.floor(options.operationCount / options.clientCount) + (client < options.operationCount % options.clientCount ? 1 : 0);
    planClient(client, share, options, planned);
  }
  applyInEffectOrder(planned, options.prng.fork('values'));
  const recorder = new HistoryRecorder({ opsMax: 2 * options.operationCount + 2 });
  for (const { timeUs, isCompletion, operation } of orderedEvents(planned)) {
    if (!isCompletion) {
      const f = operation.kind;
      recorder.invoke({ process: operation.process, f, key: operation.key, value: f === 'read' ? null : operation.argument, time: timeUs });
    } else {
      recorder.complete(operation.process, { type: operation.outcome, value: operation.result, time: timeUs });
    }
  }
  return [...recorder.ops()];
}
