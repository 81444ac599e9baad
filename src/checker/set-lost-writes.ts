import { valueKey } from '../history/op-value.js';
import type { Op, OpValue } from '../history/op.js';
import { pairOperations, type Operation } from '../history/operation.js';
import { combineValidity, type Validity } from './verdict.js';

export interface SetKeySummary {
  readonly key: string | null;
  readonly valid: Validity;
  /** Adds that completed ok. */
  readonly acknowledged: number;
  /** Acknowledged before the final read began, yet missing from it. */
  readonly lost: readonly OpValue[];
  /** Adds of unknown outcome (info) that the final read shows. */
  readonly recovered: readonly OpValue[];
  /** Elements in the final read that nobody tried to add. */
  readonly phantom: readonly OpValue[];
  /** Elements whose add failed (certainly did not happen) that the final read shows. */
  readonly failedButPresent: readonly OpValue[];
  /** Acknowledged while the final read ran, and missing from it: not counted as lost. */
  readonly unconfirmed: number;
  readonly finalReadOpIndex: number | null;
}

export interface SetLostWritesResult {
  readonly valid: Validity;
  readonly acknowledged: number;
  readonly lostCount: number;
  readonly recoveredCount: number;
  readonly phantomCount: number;
  readonly failedButPresentCount: number;
  /** lost / acknowledged (0 when nothing was acknowledged). */
  readonly lostFraction: number;
  readonly keys: readonly SetKeySummary[];
  readonly detail?: string;
}

const addNames: ReadonlySet<string> = new Set(['add', 'sadd']);
const readNames: ReadonlySet<string> = new Set(['read', 'r', 'smembers']);

interface AddAttempt {
  readonly operation: Operation;
  readonly element: OpValue;
}

function finalRead(operations: readonly Operation[]): Operation | undefined {
  let last: Operation | undefined;
  for (const operation of operations) {
    if (!readNames.has(operation.f) || operation.outcome !== 'ok' || operation.completion === null) continue;
    if (last === undefined || operation.completion.index > (last.completion?.index ?? -1)) last = operation;
  }
  return last;
}

function summarizeKey(key: string, operations: readonly Operation[]): SetKeySummary {
  const adds: AddAttempt[] = operations.filter((operation) => addNames.has(operation.f)).map((operation) => ({ operation, element: operation.invoke.value }));
  const read = finalRead(operations);
  const base = { key: key === '' ? null : key, acknowledged: adds.filter((add) => add.operation.outcome === 'ok').length };
  if (read === undefined) {
    const empty = { lost: [], recovered: [], phantom: [], failedButPresent: [], unconfirmed: 0, finalReadOpIndex: null };
    return { ...base, ...empty, valid: base.acknowledged === 0 ? true : 'unknown' };
  }
  const readValue = read.completion?.value ?? null;
  const present = new Set((Array.isArray(readValue) ? (readValue as readonly OpValue[]) : []).map((element) => valueKey(element)));
  const attempted = new Set(adds.map((add) => valueKey(add.element)));
  const readStart = read.invoke.index;
  const lost: OpValue[] = [];
  const recovered: OpValue[] = [];
  const failedButPresent: OpValue[] = [];
  let unconfirmed = 0;
  for (const add of adds) {
    const isPresent = present.has(valueKey(add.element));
    if (add.operation.outcome === 'ok' && !isPresent) {
      if ((add.operation.completion?.index ?? Number.POSITIVE_INFINITY) < readStart) lost.push(add.element);
      else unconfirmed++;
    }
    if (add.operation.outcome === 'info' && isPresent) recovered.push(add.element);
    if (add.operation.outcome === 'fail' && isPresent) failedButPresent.push(add.element);
  }
  const phantom = (Array.isArray(readValue) ? (readValue as readonly OpValue[]) : []).filter((element) => !attempted.has(valueKey(element)));
  const valid = lost.length === 0 && phantom.length === 0 && failedButPresent.length === 0;
  return { ...base, valid, lost, recovered, phantom, failedButPresent, unconfirmed, finalReadOpIndex: read.invoke.index };
}

/**
 * Lost writes in a set (SADD + a final SMEMBERS), per key: acknowledged adds
 * missing from the final read are lost, unknown-outcome adds present are
 * recovered, elements never added are phantoms, failed adds present are
 * anomalies too. The final read is the last ok read; a key with
 * acknowledged adds and no final read is 'unknown'.
 */
export function checkSetLostWrites(history: readonly Op[]): SetLostWritesResult {
  const pairing = pairOperations(history);
  const empty = { acknowledged: 0, lostCount: 0, recoveredCount: 0, phantomCount: 0, failedButPresentCount: 0, lostFraction: 0, keys: [] };
  if (!pairing.ok) return { valid: 'unknown', ...empty, detail: `op ${pairing.problem.opIndex}: ${pairing.problem.problem}` };
  const byKey = new Map<string, Operation[]>();
  for (const operation of pairing.operations) {
    const list = byKey.get(operation.key ?? '') ?? [];
    list.push(operation);
    byKey.set(operation.key ?? '', list);
  }
  const keys = [...byKey.keys()].sort().map((key) => summarizeKey(key, byKey.get(key) ?? []));
  const sum = (pick: (summary: SetKeySummary) => number): number => keys.reduce((total, summary) => total + pick(summary), 0);
  const acknowledged = sum((summary) => summary.acknowledged);
  const lostCount = sum((summary) => summary.lost.length);
  return {
    valid: combineValidity(keys.map((summary) => summary.valid)),
    acknowledged,
    lostCount,
    recoveredCount: sum((summary) => summary.recovered.length),
    phantomCount: sum((summary) => summary.phantom.length),
    failedButPresentCount: sum((summary) => summary.failedButPresent.length),
    lostFraction: acknowledged === 0 ? 0 : lostCount / acknowledged,
    keys,
  };
}
