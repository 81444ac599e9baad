import { pairOperations } from '../../history/operation.js';
import type { Op } from '../../history/op.js';
import type { AppliedFault } from '../../nemesis/applied-fault.js';
import { csvTable } from './csv.js';

const BUCKET_US = 1_000_000;

interface Bucket {
  invoked: number;
  ok: number;
  fail: number;
  info: number;
}

function faultKindsDuring(faults: readonly AppliedFault[], startUs: number, endUs: number, endOfRunUs: number): string {
  const kinds = new Set<string>();
  for (const fault of faults) if (fault.effective && fault.startUs < endUs && (fault.endUs ?? endOfRunUs) >= startUs) kinds.add(fault.kind);
  return [...kinds].sort().join(' ');
}

/** availability.csv: per simulated second, the operations invoked and how they ended, and the faults in force. */
export function availabilityCsv(history: readonly Op[], faults: readonly AppliedFault[], endOfRunUs: number): string {
  const pairing = pairOperations(history);
  const buckets: Bucket[] = [];
  const secondsCount = Math.max(1, Math.ceil(endOfRunUs / BUCKET_US));
  for (let second = 0; second < secondsCount; second++) buckets.push({ invoked: 0, ok: 0, fail: 0, info: 0 });
  for (const operation of pairing.ok ? pairing.operations : []) {
    const bucket = buckets[Math.min(secondsCount - 1, Math.floor(operation.invoke.time / BUCKET_US))] as Bucket;
    bucket.invoked++;
    bucket[operation.outcome]++;
  }
  const rows = buckets.map((bucket, second) => {
    const okFraction = bucket.invoked === 0 ? null : Math.round((bucket.ok / bucket.invoked) * 10_000) / 10_000;
    return [second, bucket.invoked, bucket.ok, bucket.fail, bucket.info, okFraction, faultKindsDuring(faults, second * BUCKET_US, (second + 1) * BUCKET_US, endOfRunUs)];
  });
  return csvTable(['second', 'invoked', 'ok', 'fail', 'info', 'okFraction', 'faults'], rows);
}
