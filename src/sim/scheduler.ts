import { assert } from '../core/assert.js';
import { limits } from '../core/limits.js';
import { EventHeap } from './event-heap.js';
import type { EventKind } from './event-kind.js';
import { type EventCallback, type EventOwner, SimEvent } from './sim-event.js';
import type { Trace } from './trace.js';

export interface RunOptions {
  /** Run the events due at or before this true time (µs), then stop with the clock at it. */
  readonly untilUs?: number;
  /** Stop after this many executed events (default `limits.schedulerEventsMax`). */
  readonly eventsMax?: number;
}

export type RunStopReason = 'idle' | 'until' | 'eventsMax';

export interface RunOutcome {
  readonly reason: RunStopReason;
  readonly eventsExecuted: number;
  readonly nowUs: number;
}

/**
 * The event loop of the simulated world. Events are ordered by `(timeUs,
 * seq)`: time in integer microseconds of true simulated time, seq a global
 * insertion counter so ties go by insertion order. Events scheduled for the
 * current instant go to a FIFO (they follow every heap event of the same
 * instant, which all have smaller seqs), so `soon`-style events cost O(1).
 */
export class Scheduler {
  private readonly heap = new EventHeap();
  private readonly nowQueue: SimEvent[] = [];
  private nowQueueHead = 0;
  private currentUs = 0;
  private nextSeq = 0;
  private running = false;
  private instantUs = -1;
  private eventsAtInstant = 0;

  constructor(
    readonly trace: Trace,
    private readonly queueMax: number = limits.schedulerQueueMax,
    private readonly eventsPerInstantMax: number = limits.schedulerEventsPerInstantMax,
  ) {
    assert(Number.isSafeInteger(eventsPerInstantMax) && eventsPerInstantMax > 0, 'eventsPerInstantMax is a positive integer');
  }

  /** True simulated time, µs. */
  nowUs(): number {
    return this.currentUs;
  }

  /** Events waiting (including cancelled ones not yet skipped). */
  get pendingCount(): number {
    return this.heap.size + this.nowQueue.length - this.nowQueueHead;
  }

  schedule<S>(timeUs: number, kind: EventKind, hostIndex: number, detail: string | number, callback: (subject: S) => void, subject: S, owner: EventOwner | null = null, incarnation = 0): SimEvent {
    const event = new SimEvent(timeUs, 0, kind, hostIndex, detail, callback as EventCallback, subject, owner, incarnation);
    this.enqueue(event, timeUs);
    return event;
  }

  /** Puts a popped event back with a new time and a new seq (an owner releasing a held event). */
  reschedule(event: SimEvent, timeUs: number): void {
    this.enqueue(event, timeUs);
  }

  /** Lazily removes an event: it stays queued but is skipped, untraced. */
  cancel(event: SimEvent): void {
    event.cancelled = true;
  }

  private enqueue(event: SimEvent, timeUs: number): void {
    assert(Number.isSafeInteger(timeUs), 'event times are integer microseconds');
    assert(timeUs >= this.currentUs, 'an event is never scheduled in the past');
    assert(this.pendingCount < this.queueMax, 'the scheduler queue stays within schedulerQueueMax');
    event.timeUs = timeUs;
    event.seq = this.nextSeq++;
    if (timeUs === this.currentUs) this.nowQueue.push(event);
    else this.heap.push(event);
  }

  /** The next event to run, without removing it. */
  private peekNext(): SimEvent | undefined {
    const heapTop = this.heap.peek();
    if (heapTop !== undefined && heapTop.timeUs === this.currentUs) return heapTop;
    if (this.nowQueueHead < this.nowQueue.length) return this.nowQueue[this.nowQueueHead];
    return heapTop;
  }

  private removeNext(event: SimEvent): void {
    if (this.nowQueueHead < this.nowQueue.length && this.nowQueue[this.nowQueueHead] === event) {
      this.nowQueueHead++;
      if (this.nowQueueHead === this.nowQueue.length) {
        this.nowQueue.length = 0;
        this.nowQueueHead = 0;
      }
      return;
    }
    this.heap.pop();
  }

  /**
   * Runs events in order until none is left, the next one is later than
   * `untilUs`, or `eventsMax` ran. Not re-entrant. An exception thrown by an
   * event (an InvariantError) propagates and leaves the world stopped.
   */
  run(options: RunOptions = {}): RunOutcome {
    assert(!this.running, 'run is not re-entrant');
    const untilUs = options.untilUs ?? Number.POSITIVE_INFINITY;
    const eventsMax = options.eventsMax ?? limits.schedulerEventsMax;
    assert(untilUs >= this.currentUs, 'run(untilUs) does not go back in time');
    assert(!Number.isFinite(untilUs) || Number.isSafeInteger(untilUs), 'untilUs is an integer number of microseconds');
    assert(Number.isInteger(eventsMax) && eventsMax >= 0, 'eventsMax is a non-negative integer');
    this.running = true;
    try {
      const executed = this.runLoop(untilUs, eventsMax);
      return this.outcome(executed, untilUs, eventsMax);
    } finally {
      this.running = false;
    }
  }

  private runLoop(untilUs: number, eventsMax: number): number {
    const trace = this.trace;
    let executed = 0;
    while (executed < eventsMax) {
      const event = this.peekNext();
      if (event === undefined || event.timeUs > untilUs) break;
      this.removeNext(event);
      this.countAtInstant(event.timeUs);
      const owner = event.owner;
      if (event.cancelled) {
        if (owner !== null) owner.discarded(event);
        continue;
      }
      this.currentUs = event.timeUs;
      if (owner !== null && !owner.admit(event)) continue;
      trace.record(event.timeUs, event.kind, event.hostIndex, event.detail);
      executed++;
      (event.callback as (subject: unknown) => void)(event.subject);
      if (owner !== null) owner.settled(event);
    }
    return executed;
  }

  /** Every popped event counts (run, held, dropped or cancelled): a loop of any of them at one instant is caught. */
  private countAtInstant(timeUs: number): void {
    if (timeUs !== this.instantUs) {
      this.instantUs = timeUs;
      this.eventsAtInstant = 0;
    }
    this.eventsAtInstant++;
    if (this.eventsAtInstant <= this.eventsPerInstantMax) return;
    assert(false, `simulated time advances: more than ${this.eventsPerInstantMax} events at ${timeUs} µs is a zero-delay event loop`);
  }

  private outcome(executed: number, untilUs: number, eventsMax: number): RunOutcome {
    const next = this.peekNext();
    if (executed >= eventsMax && next !== undefined && next.timeUs <= untilUs) {
      return { reason: 'eventsMax', eventsExecuted: executed, nowUs: this.currentUs };
    }
    if (Number.isFinite(untilUs)) {
      this.currentUs = Math.max(this.currentUs, untilUs);
      return { reason: 'until', eventsExecuted: executed, nowUs: this.currentUs };
    }
    return { reason: 'idle', eventsExecuted: executed, nowUs: this.currentUs };
  }
}
