export interface TimerHandle {
  readonly timerId: number;
}

/**
 * Timers on the host's clock. Callbacks run as their own events: never
 * re-entrantly inside the caller.
 */
export interface Timers {
  /** Runs `callback` once after `delayMs` (>= 0) of this host's time. */
  after(delayMs: number, callback: () => void): TimerHandle;
  /** Cancels a pending timer; cancelling a fired or cancelled one is a no-op. */
  cancel(handle: TimerHandle): void;
  /** Runs `callback` as the next event of this process, after the current one ends. */
  soon(callback: () => void): void;
}
