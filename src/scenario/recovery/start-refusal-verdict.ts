import type { SimHost } from '../../sim/sim-host.js';
import type { LivenessFailure } from '../run-output.js';
import type { StartRefusalExpectation } from '../scenario.js';
import type { RecoveryRecord, StartRefusal } from './start-refusal.js';

function secondsOf(atUs: number): string {
  return `${(atUs / 1e6).toFixed(3)} s`;
}

function describeRefusal(refusal: StartRefusal): string {
  return `${refusal.host} refused to start at ${secondsOf(refusal.atUs)}: ${refusal.message}`;
}

/** The refusal that left its host down at the end of the run (its incarnation is the host's last, and it exited). */
function refusalLeftDown(record: RecoveryRecord, hosts: readonly SimHost[]): StartRefusal | undefined {
  for (const host of hosts) {
    if (host.state !== 'exited') continue;
    const last = record.startRefusals.filter((refusal) => refusal.host === host.name).at(-1);
    if (last !== undefined && last.incarnation === host.incarnation) return last;
  }
  return undefined;
}

/**
 * What start refusals make of a run: a node still down because it refused
 * to start is a liveness failure, whatever the expectation; a refusal the
 * operator repaired is one too unless the scenario allows refusals
 * (`expect.startRefusals`). Null: the refusals change nothing.
 */
export function startRefusalFailure(record: RecoveryRecord, hosts: readonly SimHost[], expectation: StartRefusalExpectation | undefined): LivenessFailure | null {
  const leftDown = refusalLeftDown(record, hosts);
  if (leftDown !== undefined) {
    const repairs = record.repairs.filter((repair) => repair.host === leftDown.host);
    const last = repairs.at(-1);
    const repairNote = last === undefined ? 'no repair was attempted (recovery.onAofLoadError: none)' : `the last repair (${last.command}) ended ${last.outcome}`;
    return { phase: 'start-refused', reason: `${describeRefusal(leftDown)}; it stayed down: ${repairNote}` };
  }
  const first = record.startRefusals[0];
  if (first === undefined || (expectation ?? 'none') !== 'none') return null;
  const count = record.startRefusals.length + record.startRefusalsDropped;
  return { phase: 'start-refused', reason: `${count} refused start(s), the first: ${describeRefusal(first)}; repaired, but the scenario expects none (expect.startRefusals)` };
}
