import { isCompletionType, isNemesisOp, type Op, type OpValue, type ProcessId } from './op.js';

/**
 * An invocation with its completion. `completion` is null when the history
 * ended first; such an operation counts as `info` (its outcome is unknown).
 */
export interface Operation {
  readonly process: ProcessId;
  readonly f: string;
  readonly key?: string;
  readonly invoke: Op;
  readonly completion: Op | null;
  /** `info` also when the completion is missing. */
  readonly outcome: 'ok' | 'fail' | 'info';
}

/** The value an operation carried: the completion's if it completed ok, else the invocation's. */
export function operationValue(operation: Operation): OpValue {
  if (operation.outcome === 'ok' && operation.completion !== null) return operation.completion.value;
  return operation.invoke.value;
}

/** A problem pairing invocations and completions. */
export interface PairingProblem {
  readonly opIndex: number;
  readonly problem: string;
}

export type PairingResult =
  | { readonly ok: true; readonly operations: readonly Operation[]; readonly faultMarkers: readonly Op[] }
  | { readonly ok: false; readonly problem: PairingProblem };

function makeOperation(invoke: Op, completion: Op | null): Operation {
  const outcome = completion === null || completion.type === 'invoke' ? 'info' : completion.type;
  return {
    process: invoke.process,
    f: invoke.f,
    ...(invoke.key === undefined ? {} : { key: invoke.key }),
    invoke,
    completion,
    outcome,
  };
}

function pairingProblem(op: Op, problem: string): PairingResult {
  return { ok: false, problem: { opIndex: op.index, problem } };
}

/**
 * Pairs each invocation with the next completion of its process, in history
 * order. Operations come out in invocation order; nemesis ops are set aside.
 */
export function pairOperations(ops: readonly Op[]): PairingResult {
  const pending = new Map<Op['process'], number>();
  const invocations: Op[] = [];
  const completions: (Op | null)[] = [];
  const faultMarkers: Op[] = [];
  for (const op of ops) {
    if (isNemesisOp(op)) {
      faultMarkers.push(op);
      continue;
    }
    const slot = pending.get(op.process);
    if (!isCompletionType(op.type)) {
      if (slot !== undefined) return pairingProblem(op, `process ${String(op.process)} invokes again before op ${invocations[slot]?.index ?? -1} completed`);
      pending.set(op.process, invocations.length);
      invocations.push(op);
      completions.push(null);
      continue;
    }
    if (slot === undefined) return pairingProblem(op, `a ${op.type} of process ${String(op.process)} without a pending invoke`);
    const invoke = invocations[slot];
    if (invoke !== undefined && invoke.f !== op.f) return pairingProblem(op, `completes :${op.f} but process ${String(op.process)} invoked :${invoke.f}`);
    completions[slot] = op;
    pending.delete(op.process);
  }
  const operations = invocations.map((invoke, slot) => makeOperation(invoke, completions[slot] ?? null));
  return { ok: true, operations, faultMarkers };
}
