import { valueKey } from '../../history/op-value.js';
import { pairOperations, type Operation } from '../../history/operation.js';
import type { FaultWindow } from '../fault-window.js';
import { processEndingFaultKinds, type DurabilityInput, type LostWrite } from './durability-input.js';
import { firstFaultAfter } from './fault-excuses.js';

const elementWriteNames: ReadonlySet<string> = new Set(['add', 'sadd', 'append', 'rpush']);

/** A recovered state that is not the state after a prefix of the history: `later` survived, `lost` did not. */
export interface PrefixViolation {
  readonly kind: 'not-a-prefix' | 'half-transaction';
  readonly lost: LostWrite;
  /** A write acknowledged after `lost` was (or in the same MULTI) that the recovered state shows. */
  readonly kept: { readonly opIndex: number; readonly key: string; readonly value: unknown };
  /** The crash that cut the history. */
  readonly crash: string | null;
}

function lostIdentity(operation: { readonly invoke: { readonly index: number } }): number {
  return operation.invoke.index;
}

function acknowledgedElementWrites(input: DurabilityInput): Operation[] {
  const pairing = pairOperations(input.history);
  if (!pairing.ok) return [];
  return pairing.operations.filter((operation) => operation.outcome === 'ok' && operation.completion !== null && elementWriteNames.has(operation.f));
}

/**
 * The operations of one MULTI/EXEC: the list-append workload records each
 * append of a transaction as its own operation, all invoked at one instant
 * and completed at one instant by the same client, at consecutive indexes.
 */
function transactionGroups(writes: readonly Operation[]): Operation[][] {
  const groups: Operation[][] = [];
  let current: Operation[] = [];
  for (const write of writes) {
    const previous = current[current.length - 1];
    const sameTransaction =
      previous !== undefined &&
      previous.invoke.time === write.invoke.time &&
      previous.completion?.time === write.completion?.time &&
      previous.invoke.node === write.invoke.node &&
      write.invoke.index === previous.invoke.index + 1;
    if (!sameTransaction) {
      if (current.length > 1) groups.push(current);
      current = [];
    }
    current.push(write);
  }
  if (current.length > 1) groups.push(current);
  return groups;
}

function keptOf(write: Operation): PrefixViolation['kept'] {
  return { opIndex: write.invoke.index, key: write.key ?? '', value: valueKey(write.invoke.value) };
}

/**
 * The recovered state must be the state after some prefix of the
 * acknowledged history, per crash: a write acknowledged before a crash that
 * was lost to it, while a write that began only after the lost one was
 * acknowledged (and was itself acknowledged before the crash) survived, is
 * not a prefix. A transaction must survive whole or not at all.
 */
export function findPrefixViolations(input: DurabilityInput, lost: readonly LostWrite[]): PrefixViolation[] {
  const writes = acknowledgedElementWrites(input);
  const lostIndexes = new Set(lost.map((write) => lostIdentity(write)));
  const violations: PrefixViolation[] = [];
  for (const write of lost) {
    if (!elementWriteNames.has(write.invoke.f)) continue;
    const crash: FaultWindow | undefined = firstFaultAfter(write, input.faults, processEndingFaultKinds);
    if (crash === undefined) continue;
    const kept = writes.find((other) => !lostIndexes.has(lostIdentity(other)) && other.invoke.time > write.completion.time && (other.completion?.time ?? Number.POSITIVE_INFINITY) < crash.startUs);
    if (kept !== undefined) violations.push({ kind: 'not-a-prefix', lost: write, kept: keptOf(kept), crash: `${crash.kind} at ${(crash.startUs / 1000).toFixed(1)} ms` });
  }
  const lostByIndex = new Map(lost.map((write) => [lostIdentity(write), write] as const));
  for (const group of transactionGroups(writes)) {
    const lostInGroup = group.filter((write) => lostIndexes.has(lostIdentity(write)));
    const keptInGroup = group.find((write) => !lostIndexes.has(lostIdentity(write)));
    const firstLost = lostInGroup[0];
    if (firstLost === undefined || keptInGroup === undefined) continue;
    const lostWrite = lostByIndex.get(lostIdentity(firstLost));
    if (lostWrite !== undefined) violations.push({ kind: 'half-transaction', lost: lostWrite, kept: keptOf(keptInGroup), crash: null });
  }
  return violations;
}
