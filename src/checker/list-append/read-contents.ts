import type { Op } from '../../history/op.js';
import type { AnomalyLog } from './list-append-anomaly.js';
import type { KeyHistory, ReadRecord } from './key-history.js';

function readOps(read: ReadRecord): Op[] {
  return read.operation.completion === null ? [read.operation.invoke] : [read.operation.invoke, read.operation.completion];
}

function keyOf(history: KeyHistory): string | null {
  return history.key === '' ? null : history.key;
}

/**
 * What each read holds, element by element: no duplicates, nothing never
 * appended or whose append failed, nothing appended only after the read ended.
 */
export function checkReadContents(history: KeyHistory, log: AnomalyLog): void {
  const key = keyOf(history);
  for (const read of history.reads) {
    const seen = new Set<string>();
    const readEnd = read.operation.completion?.index ?? Number.POSITIVE_INFINITY;
    for (const elementKey of read.elementKeys) {
      if (seen.has(elementKey)) {
        log.add({ type: 'duplicate-elements', key, ops: readOps(read), detail: `element ${elementKey} appears more than once` });
        continue;
      }
      seen.add(elementKey);
      const append = history.appends.get(elementKey);
      if (append === undefined) {
        log.add({ type: 'phantom-element', key, ops: readOps(read), detail: `element ${elementKey} was never appended` });
        continue;
      }
      const appendOps = [append.operation.invoke, ...(append.operation.completion === null ? [] : [append.operation.completion])];
      if (append.operation.outcome === 'fail') {
        log.add({ type: 'failed-append-visible', key, ops: [...appendOps, ...readOps(read)], detail: `element ${elementKey} is visible though its append failed` });
      }
      if (append.operation.invoke.index > readEnd) {
        log.add({ type: 'future-read', key, ops: [...readOps(read), ...appendOps], detail: `element ${elementKey} was read before its append began` });
      }
    }
  }
}

/** The order all reads must be prefixes of: the longest read. Reads that are not its prefix are reported. */
export function checkCommonOrder(history: KeyHistory, log: AnomalyLog): { order: readonly string[]; prefixReads: Set<ReadRecord> } {
  let longest: ReadRecord | undefined;
  for (const read of history.reads) if (longest === undefined || read.elementKeys.length > longest.elementKeys.length) longest = read;
  const prefixReads = new Set<ReadRecord>();
  if (longest === undefined) return { order: [], prefixReads };
  const order = longest.elementKeys;
  for (const read of history.reads) {
    const mismatch = read.elementKeys.findIndex((elementKey, position) => order[position] !== elementKey);
    if (mismatch === -1) {
      prefixReads.add(read);
      continue;
    }
    log.add({
      type: 'incompatible-order',
      key: keyOf(history),
      ops: [...readOps(read), ...readOps(longest)],
      detail: `at position ${mismatch} one read has ${read.elementKeys[mismatch] ?? '-'} and the longest read has ${order[mismatch] ?? '-'}`,
    });
  }
  return { order, prefixReads };
}

export { readOps, keyOf };
