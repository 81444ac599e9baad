import { isNemesisOp, type Op, type OpValue, type ProcessId } from '../../history/op.js';

export type TimelineOutcome = 'ok' | 'fail' | 'info' | 'pending';

/** One client operation as the timeline draws it: a bar from its invocation to its completion. */
export interface TimelineOperation {
  /** Position of the operation in the timeline (the index into the page's data). */
  readonly id: number;
  readonly invokeIndex: number;
  readonly completionIndex: number | null;
  readonly process: ProcessId;
  readonly f: string;
  readonly key: string | null;
  readonly invokeValue: OpValue;
  readonly completionValue: OpValue | null;
  /** `pending`: the history ended before it completed (the checkers treat it as `info`). */
  readonly outcome: TimelineOutcome;
  readonly startUs: number;
  readonly endUs: number | null;
  readonly node: string | null;
  readonly error: OpValue | null;
}

interface OpenInvocation {
  readonly invoke: Op;
  readonly slot: number;
}

function operationOf(id: number, invoke: Op, completion: Op | null): TimelineOperation {
  return {
    id,
    invokeIndex: invoke.index,
    completionIndex: completion?.index ?? null,
    process: invoke.process,
    f: invoke.f,
    key: invoke.key ?? null,
    invokeValue: invoke.value,
    completionValue: completion?.value ?? null,
    outcome: completion === null || completion.type === 'invoke' ? 'pending' : completion.type,
    startUs: invoke.time,
    endUs: completion?.time ?? null,
    node: completion?.node ?? invoke.node ?? null,
    error: completion?.error ?? null,
  };
}

/**
 * Pairs each invocation with the next completion of its process, leniently:
 * a stray completion is skipped and a second invocation closes the first as
 * pending, so a malformed history still draws (the checkers report it).
 * Nemesis markers are left out: the timeline draws faults from the fault record.
 */
export function timelineOperations(history: readonly Op[]): TimelineOperation[] {
  const pairs: { invoke: Op; completion: Op | null }[] = [];
  const open = new Map<ProcessId, OpenInvocation>();
  for (const op of history) {
    if (isNemesisOp(op)) continue;
    const pending = open.get(op.process);
    if (op.type === 'invoke') {
      pairs.push({ invoke: op, completion: null });
      open.set(op.process, { invoke: op, slot: pairs.length - 1 });
      continue;
    }
    if (pending === undefined) continue;
    const pair = pairs[pending.slot];
    if (pair !== undefined) pair.completion = op;
    open.delete(op.process);
  }
  return pairs.map((pair, id) => operationOf(id, pair.invoke, pair.completion));
}

function compareProcesses(left: ProcessId, right: ProcessId): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'number') return -1;
  if (typeof right === 'number') return 1;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The processes that ran operations: numbers ascending, then named processes by name. */
export function processesOf(operations: readonly TimelineOperation[]): ProcessId[] {
  return [...new Set(operations.map((operation) => operation.process))].sort(compareProcesses);
}
