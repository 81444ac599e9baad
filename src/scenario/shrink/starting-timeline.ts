import type { AppliedFault } from '../../nemesis/applied-fault.js';
import type { RunOutput } from '../run-output.js';
import type { FaultSpec, TimedFault } from '../scenario.js';

/** The scheduled faults the nemesis armed: those starting within the faults phase (the rest never ran). */
export function armedFaults(output: RunOutput): TimedFault[] {
  const faultsUs = Math.round(output.scenario.phases.faultsMs * 1000);
  return output.scheduledFaults.filter((timed) => Math.round(timed.atMs * 1000) < faultsUs);
}

/**
 * A fault with the target the nemesis resolved, so that it hits the same
 * host without drawing from the nemesis stream: roles and `random-node`
 * become the host they hit, `halves` becomes `minority-with` its minority.
 * Shapes whose sides cannot be named (bridge, ring, one-way of roles) stay.
 */
export function concreteFault(fault: FaultSpec, applied: AppliedFault): FaultSpec {
  if (!applied.effective || applied.target === '') return fault;
  if (fault.kind !== 'partition') return { ...fault, target: applied.target };
  if (fault.shape === 'isolate') return { ...fault, target: applied.target };
  if (fault.shape === 'halves') return { kind: 'partition', mode: fault.mode, shape: 'minority-with', members: applied.target.split(',') };
  return fault;
}

/** Milliseconds with µs precision (the simulator's unit), without float noise. */
function msOfUs(us: number): number {
  return Math.round(us) / 1000;
}

/**
 * The seed's faults as an explicit timeline: each fault that was applied,
 * at its scheduled time, lasting as long as it really did (a window the
 * heal phase cut is shorter), aimed at the host it really hit.
 */
export function appliedTimeline(output: RunOutput): TimedFault[] {
  const armed = armedFaults(output);
  const count = Math.min(armed.length, output.faults.length);
  const timeline: TimedFault[] = [];
  for (let index = 0; index < count; index++) {
    const timed = armed[index] as TimedFault;
    const applied = output.faults[index] as AppliedFault;
    const durationMs = applied.endUs === null || !applied.effective ? timed.durationMs : msOfUs(applied.endUs - applied.startUs);
    timeline.push({ atMs: timed.atMs, durationMs, fault: concreteFault(timed.fault, applied) });
  }
  return timeline;
}
