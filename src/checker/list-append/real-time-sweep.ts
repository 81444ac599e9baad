import type { Op } from '../../history/op.js';
import type { AnomalyLog } from './list-append-anomaly.js';
import type { AppendRecord, KeyHistory, ReadRecord } from './key-history.js';
import { keyOf, readOps } from './read-contents.js';

export function appendOps(append: AppendRecord): Op[] {
  const { invoke, completion } = append.operation;
  return completion === null ? [invoke] : [invoke, completion];
}

interface SweepState {
  /** The acknowledged append latest in the common order so far. */
  latestVisibleAcked: AppendRecord | undefined;
  latestVisiblePosition: number;
  /** An acknowledged append that no read shows. */
  invisibleAcked: AppendRecord | undefined;
  longestCompletedRead: ReadRecord | undefined;
}

/**
 * One pass over the key's events in history order, against the common order
 * (`positions`: element → position; absent = never read):
 * - a read must hold every append acknowledged before it began (else a
 *   stale read; appends no read shows are counted apart as lost), and be at
 *   least as long as every read completed before it began;
 * - an append a acknowledged before append b began must precede b.
 */
export function sweepRealTime(history: KeyHistory, positions: ReadonlyMap<string, number>, prefixReads: ReadonlySet<ReadRecord>, log: AnomalyLog): void {
  const state: SweepState = { latestVisibleAcked: undefined, latestVisiblePosition: -1, invisibleAcked: undefined, longestCompletedRead: undefined };
  for (const event of history.events) {
    switch (event.kind) {
      case 'append-ack': {
        const position = positions.get(event.append.elementKey);
        if (position === undefined) state.invisibleAcked ??= event.append;
        else if (position > state.latestVisiblePosition) {
          state.latestVisibleAcked = event.append;
          state.latestVisiblePosition = position;
        }
        break;
      }
      case 'append-invoke':
        checkAppendAgainstPast(event.append, positions.get(event.append.elementKey), state, keyOf(history), log);
        break;
      case 'read-invoke':
        if (prefixReads.has(event.read)) checkReadAgainstPast(event.read, state, keyOf(history), log);
        break;
      case 'read-complete': {
        const longest = state.longestCompletedRead;
        if (prefixReads.has(event.read) && (longest === undefined || event.read.elementKeys.length > longest.elementKeys.length)) state.longestCompletedRead = event.read;
        break;
      }
    }
  }
}

function checkAppendAgainstPast(append: AppendRecord, position: number | undefined, state: SweepState, key: string | null, log: AnomalyLog): void {
  if (position === undefined) return;
  const later = state.latestVisibleAcked;
  if (later !== undefined && state.latestVisiblePosition >= position) {
    log.add({ type: 'real-time-order', key, ops: [...appendOps(later), ...appendOps(append)], detail: `element ${later.elementKey} was acknowledged before ${append.elementKey} was appended, yet comes after it` });
    return;
  }
  const invisible = state.invisibleAcked;
  if (invisible !== undefined) {
    log.add({ type: 'real-time-order', key, ops: [...appendOps(invisible), ...appendOps(append)], detail: `element ${invisible.elementKey} was acknowledged before ${append.elementKey} was appended, yet only the latter is ever visible` });
  }
}

function checkReadAgainstPast(read: ReadRecord, state: SweepState, key: string | null, log: AnomalyLog): void {
  const length = read.elementKeys.length;
  const acked = state.latestVisibleAcked;
  if (acked !== undefined && state.latestVisiblePosition >= length) {
    log.add({ type: 'stale-read', key, ops: [...appendOps(acked), ...readOps(read)], detail: `element ${acked.elementKey} was acknowledged before the read began but is missing from it` });
  }
  const previous = state.longestCompletedRead;
  if (previous !== undefined && previous.elementKeys.length > length) {
    log.add({ type: 'non-monotonic-read', key, ops: [...readOps(previous), ...readOps(read)], detail: `a read of ${length} elements began after a read of ${previous.elementKeys.length} had completed` });
  }
}

/** Acknowledged appends that no read shows although some read began after the acknowledgement. */
export function checkLostAppends(history: KeyHistory, positions: ReadonlyMap<string, number>, prefixReads: ReadonlySet<ReadRecord>, log: AnomalyLog): void {
  let lastReadInvoke = -1;
  let lastRead: ReadRecord | undefined;
  for (const read of history.reads) {
    if (prefixReads.has(read) && read.operation.invoke.index > lastReadInvoke) {
      lastReadInvoke = read.operation.invoke.index;
      lastRead = read;
    }
  }
  if (lastRead === undefined) return;
  for (const append of history.appends.values()) {
    const completion = append.operation.completion;
    if (append.operation.outcome !== 'ok' || completion === null || positions.has(append.elementKey)) continue;
    if (completion.index < lastReadInvoke) {
      log.add({ type: 'lost-append', key: keyOf(history), ops: [...appendOps(append), ...readOps(lastRead)], detail: `element ${append.elementKey} was acknowledged, then no read showed it` });
    }
  }
}
