import { describe, expect, it } from 'vitest';
import { isInvariantError } from '../../src/core/assert.js';
import { runFaultsAndHeal } from '../../src/scenario/run-phases.js';
import type { RunState } from '../../src/scenario/run-state.js';
import type { RunOutcome } from '../../src/sim/scheduler.js';

/** A run whose world always stops at eventsMax without reaching the slice's end: a livelock a few events apart. */
function runStuckAtEventsMax(): { run: RunState; worldRuns: () => number } {
  let worldRuns = 0;
  const world = {
    nowUs: (): number => 1_000,
    run: (): RunOutcome => {
      worldRuns++;
      if (worldRuns > 3) throw new Error('the phase ran the same slice again');
      return { reason: 'eventsMax', eventsExecuted: 50_000_000, nowUs: 1_000 };
    },
    network: { heal: (): void => undefined },
  };
  const run = {
    world,
    spans: { sample: (): void => undefined },
    plan: { faultsEndUs: 5_000_000, healEndUs: 6_000_000 },
    nemesis: { healAll: (): void => undefined },
    deployment: { ensureAllRunning: (): void => undefined },
  } as unknown as RunState;
  return { run, worldRuns: () => worldRuns };
}

describe('running a phase', () => {
  it('stops with an invariant error when a slice ends at eventsMax, instead of running the slice again forever', () => {
    const { run, worldRuns } = runStuckAtEventsMax();
    let error: unknown = null;
    try {
      runFaultsAndHeal(run);
    } catch (thrown: unknown) {
      error = thrown;
    }
    expect(isInvariantError(error)).toBe(true);
    expect(worldRuns()).toBe(1);
  });
});
