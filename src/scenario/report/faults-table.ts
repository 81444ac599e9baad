import type { AppliedFault } from '../../nemesis/applied-fault.js';
import { csvTable, msOf } from './csv.js';

/** faults.csv: one row per applied fault (what, to whom, from when to when, with its details). */
export function faultsCsv(faults: readonly AppliedFault[], endOfRunUs: number): string {
  const rows = faults.map((fault) => {
    const endUs = fault.endUs ?? endOfRunUs;
    const details = Object.entries(fault.details)
      .map(([name, value]) => `${name}=${String(value)}`)
      .join(' ');
    return [fault.id, fault.kind, fault.target, msOf(fault.startUs), msOf(endUs), msOf(endUs - fault.startUs), fault.effective, details];
  });
  return csvTable(['id', 'kind', 'target', 'startMs', 'endMs', 'durationMs', 'effective', 'details'], rows);
}
