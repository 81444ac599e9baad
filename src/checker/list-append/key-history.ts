import { valueKey } from '../../history/op-value.js';
import { isNemesisOp, type Op, type OpValue } from '../../history/op.js';
import type { Operation } from '../../history/operation.js';

export interface AppendRecord {
  readonly elementKey: string;
  readonly operation: Operation;
}

export interface ReadRecord {
  readonly operation: Operation;
  /** Canonical keys of the elements read, in order. */
  readonly elementKeys: readonly string[];
}

export type KeyEvent =
  | { readonly kind: 'append-invoke' | 'append-ack'; readonly append: AppendRecord }
  | { readonly kind: 'read-invoke' | 'read-complete'; readonly read: ReadRecord };

/** One key's appends and ok reads, and their invocations/completions in history order. */
export interface KeyHistory {
  readonly key: string;
  readonly appends: Map<string, AppendRecord>;
  readonly reads: ReadRecord[];
  readonly events: KeyEvent[];
  duplicateAppends: number;
}

export type KeyHistories = { readonly ok: true; readonly keys: readonly KeyHistory[] } | { readonly ok: false; readonly problem: string };

const appendNames: ReadonlySet<string> = new Set(['append', 'rpush']);
const readNames: ReadonlySet<string> = new Set(['read', 'r', 'lrange', 'get']);

function keyHistoryOf(byKey: Map<string, KeyHistory>, key: string): KeyHistory {
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const fresh: KeyHistory = { key, appends: new Map(), reads: [], events: [], duplicateAppends: 0 };
  byKey.set(key, fresh);
  return fresh;
}

function readRecordOf(operation: Operation): ReadRecord | string {
  const value = operation.completion?.value ?? null;
  if (value !== null && !Array.isArray(value)) return `op ${operation.invoke.index}: a read must return a list`;
  const elementKeys = value === null ? [] : (value as readonly OpValue[]).map((element) => valueKey(element));
  return { operation, elementKeys };
}

function onInvoke(history: KeyHistory, operation: Operation, reads: Map<Operation, ReadRecord>): string | undefined {
  if (appendNames.has(operation.f)) {
    const elementKey = valueKey(operation.invoke.value);
    const append = { elementKey, operation };
    if (history.appends.has(elementKey)) history.duplicateAppends++;
    else history.appends.set(elementKey, append);
    history.events.push({ kind: 'append-invoke', append });
    return undefined;
  }
  if (!readNames.has(operation.f)) return `op ${operation.invoke.index}: :${operation.f} is neither an append nor a read`;
  if (operation.outcome !== 'ok') return undefined;
  const read = readRecordOf(operation);
  if (typeof read === 'string') return read;
  reads.set(operation, read);
  history.reads.push(read);
  history.events.push({ kind: 'read-invoke', read });
  return undefined;
}

function onCompletion(history: KeyHistory, operation: Operation, reads: Map<Operation, ReadRecord>): void {
  if (operation.outcome !== 'ok') return;
  if (appendNames.has(operation.f)) {
    const append = history.appends.get(valueKey(operation.invoke.value));
    if (append !== undefined && append.operation === operation) history.events.push({ kind: 'append-ack', append });
    return;
  }
  const read = reads.get(operation);
  if (read !== undefined) history.events.push({ kind: 'read-complete', read });
}

/** Walks the history once, in order, grouping appends and reads by key. */
export function collectKeyHistories(history: readonly Op[], operations: readonly Operation[]): KeyHistories {
  const byOpIndex = new Map<number, Operation>();
  for (const operation of operations) {
    byOpIndex.set(operation.invoke.index, operation);
    if (operation.completion !== null) byOpIndex.set(operation.completion.index, operation);
  }
  const byKey = new Map<string, KeyHistory>();
  const reads = new Map<Operation, ReadRecord>();
  for (const op of history) {
    if (isNemesisOp(op)) continue;
    const operation = byOpIndex.get(op.index);
    if (operation === undefined) continue;
    const keyHistory = keyHistoryOf(byKey, operation.key ?? '');
    if (op.type === 'invoke') {
      const problem = onInvoke(keyHistory, operation, reads);
      if (problem !== undefined) return { ok: false, problem };
    } else {
      onCompletion(keyHistory, operation, reads);
    }
  }
  const keys = [...byKey.values()].sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
  return { ok: true, keys };
}
