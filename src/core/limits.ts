/**
 * Limits on everything that could grow without bound. Each is a default;
 * scenarios and configs may lower or raise them explicitly.
 */
export const limits = {
  /** Events the scheduler will run in one `run` call before it stops. */
  schedulerEventsMax: 50_000_000,
  /**
   * Events popped at one simulated instant (µs) before the scheduler calls it
   * a zero-delay loop (a livelock bug: time would never advance, and a run
   * would spin through schedulerEventsMax, then its caller would call again).
   */
  schedulerEventsPerInstantMax: 1_000_000,
  /** Pending events in the scheduler's queue. */
  schedulerQueueMax: 5_000_000,
  /** Trace entries kept in memory (the hash covers all of them). */
  traceEntriesKeptMax: 200_000,
  /** Bytes held on one clogged network link before it drops. */
  networkLinkBufferBytesMax: 64 * 1024 * 1024,
  /** Hosts in one simulated world. */
  hostsMax: 256,
  /** Files on one simulated disk. */
  filesPerDiskMax: 100_000,
  /** Ops in one recorded history. */
  historyOpsMax: 2_000_000,
  /** Linearizability search: states explored before giving up with 'unknown'. */
  linearizabilityStatesMax: 5_000_000,
  /** Shrink attempts in one `redsim shrink`. */
  shrinkAttemptsMax: 500,
} as const;

export type Limits = typeof limits;
