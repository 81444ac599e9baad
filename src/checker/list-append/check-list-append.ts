import type { Op } from '../../history/op.js';
import { pairOperations } from '../../history/operation.js';
import { collectKeyHistories } from './key-history.js';
import { AnomalyLog, type ListAppendAnomaly, type ListAppendAnomalyType } from './list-append-anomaly.js';
import { checkCommonOrder, checkReadContents } from './read-contents.js';
import { checkLostAppends, sweepRealTime } from './real-time-sweep.js';

export interface ListAppendOptions {
  /** Anomalies kept as examples (counts stay exact). */
  readonly anomaliesKeptMax?: number;
}

export type ListAppendResult =
  | {
      readonly valid: boolean;
      readonly keysChecked: number;
      readonly appends: number;
      readonly reads: number;
      readonly anomalyCounts: Partial<Record<ListAppendAnomalyType, number>>;
      readonly anomalies: readonly ListAppendAnomaly[];
    }
  | { readonly valid: 'unknown'; readonly reason: 'malformed-history' | 'duplicate-appends'; readonly detail: string };

/**
 * Checks append/read histories of lists (RPUSH + LRANGE), per key, in time
 * linear in the history: one common order all reads are prefixes of; no
 * duplicate, phantom, failed or future elements; acknowledged appends visible
 * to later reads; real-time order of appends kept. Appended values must be
 * unique per key (else 'unknown': which append a read shows is ambiguous).
 */
export function checkListAppend(history: readonly Op[], options: ListAppendOptions = {}): ListAppendResult {
  const pairing = pairOperations(history);
  if (!pairing.ok) return { valid: 'unknown', reason: 'malformed-history', detail: `op ${pairing.problem.opIndex}: ${pairing.problem.problem}` };
  const collected = collectKeyHistories(history, pairing.operations);
  if (!collected.ok) return { valid: 'unknown', reason: 'malformed-history', detail: collected.problem };
  const log = new AnomalyLog(options.anomaliesKeptMax ?? 100);
  let appends = 0;
  let reads = 0;
  for (const keyHistory of collected.keys) {
    if (keyHistory.duplicateAppends > 0) {
      return { valid: 'unknown', reason: 'duplicate-appends', detail: `key ${keyHistory.key}: ${keyHistory.duplicateAppends} value(s) appended more than once` };
    }
    appends += keyHistory.appends.size;
    reads += keyHistory.reads.length;
    checkReadContents(keyHistory, log);
    const { order, prefixReads } = checkCommonOrder(keyHistory, log);
    const positions = new Map(order.map((elementKey, position) => [elementKey, position] as const));
    sweepRealTime(keyHistory, positions, prefixReads, log);
    checkLostAppends(keyHistory, positions, prefixReads, log);
  }
  return {
    valid: log.total() === 0,
    keysChecked: collected.keys.length,
    appends,
    reads,
    anomalyCounts: Object.fromEntries(log.counts),
    anomalies: log.kept,
  };
}
