import { assert } from '../core/assert.js';
import type { LivenessFailure, PhaseTimes } from './run-output.js';
import type { RunState } from './run-state.js';

/** Simulated time between span samples and settle checks while a phase runs. */
const SLICE_US = 100_000;
const SETTLE_POLL_US = 10_000;

/** Runs the world to `untilUs` in slices, sampling node roles between slices (no events of its own). */
function advanceTo(run: RunState, untilUs: number, sliceUs: number = SLICE_US): void {
  while (run.world.nowUs() < untilUs) {
    const outcome = run.world.run({ untilUs: Math.min(untilUs, run.world.nowUs() + sliceUs) });
    // Without this, a slice stopped by eventsMax leaves the clock short of untilUs and the loop runs it again, forever.
    assert(outcome.reason !== 'eventsMax', 'a slice of simulated time runs within schedulerEventsMax events');
    run.spans.sample(run.world.nowUs());
  }
}

/** Runs until `done()` holds (checked every poll) or `deadlineUs` passes; true if it held. */
function advanceUntil(run: RunState, done: () => boolean, deadlineUs: number): boolean {
  for (;;) {
    if (done()) return true;
    if (run.world.nowUs() >= deadlineUs) return false;
    advanceTo(run, Math.min(deadlineUs, run.world.nowUs() + SETTLE_POLL_US), SETTLE_POLL_US);
  }
}

/** Setup: store processes start at 0; clients start when setup ends; the nemesis timeline is armed. */
export function runSetup(run: RunState): void {
  run.deployment.start();
  run.adminConsole?.start();
  run.spans.sample(0);
  run.nemesis.schedule(run.scheduledFaults, run.plan.setupEndUs, run.plan.faultsEndUs);
  advanceTo(run, run.plan.setupEndUs);
  run.driver.start();
}

/** Faults, then heal: every fault healed and every store process running again, while the workload goes on. */
export function runFaultsAndHeal(run: RunState): void {
  advanceTo(run, run.plan.faultsEndUs);
  run.nemesis.healAll();
  run.world.network.heal();
  run.deployment.ensureAllRunning();
  run.spans.sample(run.world.nowUs());
  advanceTo(run, run.plan.healEndUs);
}

/** Quiesce: the workload stops; its last ops end and the system must settle within quiesceMsMax. */
export function runQuiesce(run: RunState): LivenessFailure | null {
  run.driver.stop();
  const settled = advanceUntil(run, () => run.driver.isIdle() && run.deployment.hasSettled(), run.plan.quiesceDeadlineUs);
  if (settled) return null;
  const waiting = run.driver.isIdle() ? 'the store did not settle' : 'client operations were still in flight';
  return { phase: 'quiesce', reason: `${waiting} ${run.scenario.phases.quiesceMsMax} ms after the workload stopped` };
}

/** Final reads: a fresh client reads every key; they must all come back within the bound. */
export function runFinalReads(run: RunState): LivenessFailure | null {
  const reader = run.finalReader;
  if (reader === null) return null;
  reader.start();
  const finished = advanceUntil(run, () => reader.isDone(), run.world.nowUs() + run.plan.finalReadsUsMax);
  const unread = reader.unreadKeys();
  if (finished && unread.length === 0) return null;
  return { phase: 'final-reads', reason: `no ok final read of ${unread.length} key(s) (${unread.slice(0, 5).join(', ')})` };
}

export function emptyPhaseTimes(): PhaseTimes {
  return { setupEndUs: 0, faultsEndUs: 0, healEndUs: 0, quiesceEndUs: 0, finalReadsEndUs: 0 };
}
