import { assert } from '../core/assert.js';
import type { EventKind } from './event-kind.js';
import type { Scheduler } from './scheduler.js';
import type { EventOwner, SimEvent } from './sim-event.js';
import type { WorldStats } from './world-stats.js';

/**
 * - `none`: never started; `running`; `paused` (SIGSTOP, a long GC);
 * - `dead`: killed or lost power; `exited`: it called `env.exit`.
 */
export type ProcessState = 'none' | 'running' | 'paused' | 'dead' | 'exited';

/**
 * The process slot of one host: which incarnation is alive, and the gate
 * every event addressed to the process goes through. Events of a dead
 * incarnation are dropped (and counted). Events that come due while the
 * process is paused, or busy (a synchronous fsync charged it time), are held
 * in arrival order and released one at a time, so a process sees its events
 * in the order they came due, whatever held them.
 */
export class ProcessSlot implements EventOwner {
  private incarnationValue = 0;
  private stateValue: ProcessState = 'none';
  private busyUntilUs = 0;
  private startedAtUsValue = 0;
  private exitCodeValue: number | null = null;
  private held: SimEvent[] = [];
  private heldHead = 0;
  private releasing: SimEvent | null = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly stats: WorldStats,
    readonly hostIndex: number,
  ) {}

  /** The current (or last) incarnation: 0 before the first start, then 1, 2, ... */
  get incarnation(): number {
    return this.incarnationValue;
  }

  get state(): ProcessState {
    return this.stateValue;
  }

  /** Running or paused: it has an incarnation that may receive events. */
  get isAlive(): boolean {
    return this.stateValue === 'running' || this.stateValue === 'paused';
  }

  /** The exit code passed to `env.exit` by the last incarnation, if it exited. */
  get exitCode(): number | null {
    return this.exitCodeValue;
  }

  /** True time (µs) at which the current incarnation started. */
  get startedAtUs(): number {
    return this.startedAtUsValue;
  }

  isCurrent(incarnation: number): boolean {
    return incarnation === this.incarnationValue && this.isAlive;
  }

  /** Events waiting in the gate (paused or busy process). */
  get heldCount(): number {
    return this.held.length - this.heldHead;
  }

  /**
   * The process's own "now": true time, or later while it is busy with a
   * synchronous operation it was charged for. Its clock reads, timers and
   * sends start from here.
   */
  processNowUs(): number {
    return Math.max(this.scheduler.nowUs(), this.busyUntilUs);
  }

  /** Starts a new incarnation and returns its number. */
  begin(): number {
    assert(!this.isAlive, 'a process starts only when no incarnation is alive');
    this.incarnationValue++;
    this.stateValue = 'running';
    this.busyUntilUs = this.scheduler.nowUs();
    this.startedAtUsValue = this.scheduler.nowUs();
    this.exitCodeValue = null;
    return this.incarnationValue;
  }

  /** Ends the live incarnation; its held events are dropped. */
  end(state: 'dead' | 'exited', exitCode: number | null = null): void {
    assert(this.isAlive, 'only a live process can die or exit');
    this.stateValue = state;
    this.exitCodeValue = exitCode;
    this.stats.droppedForDeadIncarnation += this.heldCount;
    this.held = [];
    this.heldHead = 0;
    // A release in flight is dropped when it comes due (stale incarnation).
    this.releasing = null;
  }

  pause(): void {
    assert(this.stateValue === 'running', 'only a running process can be paused');
    this.stateValue = 'paused';
  }

  resume(): void {
    assert(this.stateValue === 'paused', 'only a paused process can be resumed');
    this.stateValue = 'running';
    this.releaseNext();
  }

  /** Charges `durationUs` of synchronous work: the process's next events wait for it. */
  chargeBusyUs(durationUs: number): void {
    assert(Number.isSafeInteger(durationUs) && durationUs >= 0, 'a busy charge is a non-negative integer of µs');
    this.busyUntilUs = this.processNowUs() + durationUs;
  }

  /** Schedules an event for the given incarnation of this process. */
  scheduleFor<S>(incarnation: number, timeUs: number, kind: EventKind, detail: string | number, callback: (subject: S) => void, subject: S): SimEvent {
    return this.scheduler.schedule(timeUs, kind, this.hostIndex, detail, callback, subject, this, incarnation);
  }

  admit(event: SimEvent): boolean {
    if (event.incarnation !== this.incarnationValue || !this.isAlive) {
      if (event === this.releasing) this.releasing = null;
      this.stats.droppedForDeadIncarnation++;
      return false;
    }
    if (event === this.releasing) {
      this.releasing = null;
      if (this.canRunNow()) return true;
      this.holdFirst(event);
      return false;
    }
    if (this.releasing !== null || this.heldCount > 0 || !this.canRunNow()) {
      this.stats.heldForBusyOrPausedProcess++;
      this.held.push(event);
      this.releaseNext();
      return false;
    }
    return true;
  }

  settled(): void {
    this.releaseNext();
  }

  /** A cancelled event never runs; if it was the one being released, the next held event goes (else the gate would stay shut). */
  discarded(event: SimEvent): void {
    if (event !== this.releasing) return;
    this.releasing = null;
    this.releaseNext();
  }

  private canRunNow(): boolean {
    return this.stateValue === 'running' && this.busyUntilUs <= this.scheduler.nowUs();
  }

  private holdFirst(event: SimEvent): void {
    if (this.heldHead > 0) this.held[--this.heldHead] = event;
    else this.held.unshift(event);
    this.releaseNext();
  }

  private releaseNext(): void {
    if (this.releasing !== null || this.stateValue !== 'running' || this.heldCount === 0) return;
    const event = this.held[this.heldHead] as SimEvent;
    this.heldHead++;
    if (this.heldHead === this.held.length) {
      this.held = [];
      this.heldHead = 0;
    }
    this.releasing = event;
    this.scheduler.reschedule(event, this.processNowUs());
  }
}
