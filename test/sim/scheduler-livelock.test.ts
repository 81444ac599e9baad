import { describe, expect, it } from 'vitest';
import { isInvariantError } from '../../src/core/assert.js';
import { limits } from '../../src/core/limits.js';
import { eventKind } from '../../src/sim/event-kind.js';
import { Scheduler } from '../../src/sim/scheduler.js';
import { WORLD_HOST_INDEX } from '../../src/sim/sim-event.js';
import { Trace } from '../../src/sim/trace.js';
import { World } from '../../src/sim/world.js';

const kind = eventKind('test.loop');

function thrownError(action: () => unknown): unknown {
  try {
    action();
  } catch (error: unknown) {
    return error;
  }
  return null;
}

/** An event that reschedules itself `delayUs` later, forever. */
function selfRescheduling(scheduler: Scheduler, delayUs: number): { runs: number } {
  const counter = { runs: 0 };
  const tick = (): void => {
    counter.runs++;
    scheduler.schedule(scheduler.nowUs() + delayUs, kind, WORLD_HOST_INDEX, 0, tick, null);
  };
  scheduler.schedule(scheduler.nowUs() + 1, kind, WORLD_HOST_INDEX, 0, tick, null);
  return counter;
}

describe('Scheduler: simulated time must advance', () => {
  it('stops a zero-delay event loop with an invariant error after eventsPerInstantMax events, long before eventsMax', () => {
    const scheduler = new Scheduler(new Trace([]), limits.schedulerQueueMax, 1000);
    const loop = selfRescheduling(scheduler, 0);
    const error = thrownError(() => scheduler.run({ untilUs: 10 }));
    expect(isInvariantError(error)).toBe(true);
    expect(String(error)).toMatch(/zero-delay event loop/);
    expect(loop.runs).toBe(1000);
  });

  it('counts cancelled events too: a loop that schedules and cancels at one instant is caught', () => {
    const scheduler = new Scheduler(new Trace([]), limits.schedulerQueueMax, 1000);
    const churn = (): void => {
      scheduler.cancel(scheduler.schedule(scheduler.nowUs(), kind, WORLD_HOST_INDEX, 0, () => undefined, null));
      scheduler.schedule(scheduler.nowUs(), kind, WORLD_HOST_INDEX, 0, churn, null);
    };
    scheduler.schedule(5, kind, WORLD_HOST_INDEX, 0, churn, null);
    expect(isInvariantError(thrownError(() => scheduler.run()))).toBe(true);
  });

  it('lets many events run at one instant up to the limit, and any number when time moves on', () => {
    const scheduler = new Scheduler(new Trace([]), limits.schedulerQueueMax, 1000);
    for (let index = 0; index < 1000; index++) scheduler.schedule(7, kind, WORLD_HOST_INDEX, index, () => undefined, null);
    expect(scheduler.run().eventsExecuted).toBe(1000);
    const loop = selfRescheduling(scheduler, 1);
    const outcome = scheduler.run({ untilUs: 5000 });
    expect(outcome.reason).toBe('until');
    expect(loop.runs).toBeGreaterThan(4000);
  });

  it('defaults to a limit far below schedulerEventsMax: a world fails fast instead of spinning', () => {
    expect(limits.schedulerEventsPerInstantMax * 10).toBeLessThanOrEqual(limits.schedulerEventsMax);
    const world = new World({ seed: 1 });
    let runs = 0;
    const spin = (): void => {
      runs++;
      world.after(0, 'test', 'spin', spin);
    };
    world.after(1, 'test', 'spin', spin);
    expect(isInvariantError(thrownError(() => world.run({ untilUs: 100 })))).toBe(true);
    expect(runs).toBe(limits.schedulerEventsPerInstantMax);
  });
});
