import type { EventKind } from './event-kind.js';

/** A callback that receives the subject it was scheduled with (no closure needed). */
export type EventCallback = (subject: never) => void;

/**
 * Decides whether an event may run now. A process owns the events addressed
 * to it: it drops those of a dead incarnation and holds those that arrive
 * while it is paused or busy (see ProcessSlot).
 */
export interface EventOwner {
  /** True to run the event now; false if the owner dropped or held it. */
  admit(event: SimEvent): boolean;
  /** Called after an admitted event's callback returned. */
  settled(event: SimEvent): void;
  /** Called instead of `admit` for a cancelled event (it may be one the owner held and released). */
  discarded(event: SimEvent): void;
}

/** `hostIndex` of events that belong to no host (harness, nemesis). */
export const WORLD_HOST_INDEX = -1;

/**
 * One scheduled event. Mutable on purpose: the scheduler re-keys a held
 * event when its owner releases it, and `cancelled` is a lazy deletion mark.
 */
export class SimEvent {
  timeUs: number;
  seq: number;
  cancelled = false;

  constructor(
    timeUs: number,
    seq: number,
    readonly kind: EventKind,
    readonly hostIndex: number,
    /** Short detail for the trace: a number (cheap) or a short string. */
    readonly detail: string | number,
    readonly callback: EventCallback,
    readonly subject: unknown,
    readonly owner: EventOwner | null,
    /** The owner's incarnation the event is addressed to (0 for world events). */
    readonly incarnation: number,
  ) {
    this.timeUs = timeUs;
    this.seq = seq;
  }
}
