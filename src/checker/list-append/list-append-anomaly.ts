import type { Op } from '../../history/op.js';

/**
 * What the list-append checker can find, per key:
 * - `duplicate-elements`: a read holds an element twice.
 * - `phantom-element`: a read holds an element nobody appended.
 * - `failed-append-visible`: a read holds an element whose append failed.
 * - `incompatible-order`: two reads are not prefixes of one total order.
 * - `stale-read`: an append acknowledged before a read began is missing from it
 *   (but later reads show it).
 * - `lost-append`: an acknowledged append that no read ever shows, though a read
 *   began after it was acknowledged.
 * - `non-monotonic-read`: a read shorter than one that completed before it began.
 * - `real-time-order`: append a completed before append b was invoked, yet b
 *   precedes a in the order (or b is visible while a never is).
 * - `future-read`: a read holds an element whose append began after the read ended.
 */
export const listAppendAnomalyTypes = [
  'duplicate-elements',
  'phantom-element',
  'failed-append-visible',
  'incompatible-order',
  'stale-read',
  'lost-append',
  'non-monotonic-read',
  'real-time-order',
  'future-read',
] as const;
export type ListAppendAnomalyType = (typeof listAppendAnomalyTypes)[number];

export interface ListAppendAnomaly {
  readonly type: ListAppendAnomalyType;
  readonly key: string | null;
  /** The ops involved (invocations and completions). */
  readonly ops: readonly Op[];
  readonly detail: string;
}

/** Collects anomalies, keeping exact counts but at most `keptMax` examples. */
export class AnomalyLog {
  readonly kept: ListAppendAnomaly[] = [];
  readonly counts = new Map<ListAppendAnomalyType, number>();

  constructor(private readonly keptMax: number) {}

  add(anomaly: ListAppendAnomaly): void {
    this.counts.set(anomaly.type, (this.counts.get(anomaly.type) ?? 0) + 1);
    if (this.kept.length < this.keptMax) this.kept.push(anomaly);
  }

  total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }
}
