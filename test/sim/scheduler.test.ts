import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInvariantError } from '../../src/core/assert.js';
import { eventKind } from '../../src/sim/event-kind.js';
import { Scheduler } from '../../src/sim/scheduler.js';
import { WORLD_HOST_INDEX } from '../../src/sim/sim-event.js';
import { Trace } from '../../src/sim/trace.js';

const kind = eventKind('test.event');

function newScheduler(): Scheduler {
  return new Scheduler(new Trace([]));
}

function thrownError(action: () => unknown): unknown {
  try {
    action();
  } catch (error: unknown) {
    return error;
  }
  return null;
}

describe('Scheduler', () => {
  it('runs events by time, and events of one instant in insertion order', () => {
    const scheduler = newScheduler();
    const ran: string[] = [];
    const note = (label: string): void => {
      ran.push(label);
    };
    scheduler.schedule(20, kind, WORLD_HOST_INDEX, 'c', note, 'c');
    scheduler.schedule(10, kind, WORLD_HOST_INDEX, 'a', note, 'a');
    scheduler.schedule(20, kind, WORLD_HOST_INDEX, 'd', note, 'd');
    scheduler.schedule(10, kind, WORLD_HOST_INDEX, 'b', note, 'b');
    scheduler.run();
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
  });

  it('orders by (time, seq) whatever the schedule, including events scheduled for the current instant from inside events', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 60 }), (plan) => {
        const scheduler = newScheduler();
        const ran: { timeUs: number; seq: number }[] = [];
        let seq = 0;
        const scheduleAt = (timeUs: number, children: number): void => {
          const mySeq = seq++;
          scheduler.schedule(timeUs, kind, WORLD_HOST_INDEX, mySeq, () => {
            ran.push({ timeUs: scheduler.nowUs(), seq: mySeq });
            // Children at the same instant and later: they must run after every earlier-seq event of their time.
            for (let child = 0; child < children; child++) scheduleAt(scheduler.nowUs() + (child % 2) * 5, 0);
          }, null);
        };
        for (const [timeUs, children] of plan) scheduleAt(timeUs, children);
        scheduler.run();
        const sorted = [...ran].sort((left, right) => left.timeUs - right.timeUs || left.seq - right.seq);
        expect(ran).toEqual(sorted);
        expect(ran.length).toBe(seq);
      }),
    );
  });

  it('stops at untilUs with the clock there, and later runs continue from it', () => {
    const scheduler = newScheduler();
    const ran: number[] = [];
    for (const timeUs of [5, 15, 25]) scheduler.schedule(timeUs, kind, WORLD_HOST_INDEX, timeUs, (at: number) => ran.push(at), timeUs);
    expect(scheduler.run({ untilUs: 15 })).toEqual({ reason: 'until', eventsExecuted: 2, nowUs: 15 });
    expect(ran).toEqual([5, 15]);
    expect(scheduler.run({ untilUs: 100 })).toEqual({ reason: 'until', eventsExecuted: 1, nowUs: 100 });
    expect(scheduler.run()).toEqual({ reason: 'idle', eventsExecuted: 0, nowUs: 100 });
  });

  it('stops after eventsMax events and resumes where it stopped', () => {
    const scheduler = newScheduler();
    const ran: number[] = [];
    for (let index = 0; index < 10; index++) scheduler.schedule(index, kind, WORLD_HOST_INDEX, index, (at: number) => ran.push(at), index);
    expect(scheduler.run({ eventsMax: 4 }).reason).toBe('eventsMax');
    expect(ran).toEqual([0, 1, 2, 3]);
    scheduler.run();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('skips cancelled events without tracing them', () => {
    const scheduler = newScheduler();
    const ran: string[] = [];
    const cancelled = scheduler.schedule(10, kind, WORLD_HOST_INDEX, 'x', () => ran.push('x'), null);
    scheduler.schedule(20, kind, WORLD_HOST_INDEX, 'y', () => ran.push('y'), null);
    scheduler.cancel(cancelled);
    scheduler.run();
    expect(ran).toEqual(['y']);
    expect(scheduler.trace.count).toBe(1);
  });

  it('refuses events in the past, fractional times, and re-entrant runs', () => {
    const scheduler = newScheduler();
    scheduler.run({ untilUs: 50 });
    expect(isInvariantError(thrownError(() => scheduler.schedule(49, kind, WORLD_HOST_INDEX, 0, () => undefined, null)))).toBe(true);
    expect(isInvariantError(thrownError(() => scheduler.schedule(60.5, kind, WORLD_HOST_INDEX, 0, () => undefined, null)))).toBe(true);
    let inner: unknown = null;
    scheduler.schedule(60, kind, WORLD_HOST_INDEX, 0, () => {
      inner = thrownError(() => scheduler.run());
    }, null);
    scheduler.run();
    expect(isInvariantError(inner)).toBe(true);
  });

  it('bounds its queue at queueMax', () => {
    const scheduler = new Scheduler(new Trace([]), 3);
    for (let index = 0; index < 3; index++) scheduler.schedule(index + 1, kind, WORLD_HOST_INDEX, index, () => undefined, null);
    expect(isInvariantError(thrownError(() => scheduler.schedule(9, kind, WORLD_HOST_INDEX, 9, () => undefined, null)))).toBe(true);
  });
});
