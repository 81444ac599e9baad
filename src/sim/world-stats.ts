/** Counters the kernel keeps while a world runs (plain data, mutable by the kernel only). */
export interface WorldStats {
  /** Events addressed to an incarnation that had died (or exited) when they came due. */
  droppedForDeadIncarnation: number;
  /** Events held because their process was paused or busy (each counted once per hold). */
  heldForBusyOrPausedProcess: number;
  processStarts: number;
  processKills: number;
  powerLosses: number;
  connectionsOpened: number;
  connectionsRefused: number;
  connectionsTimedOut: number;
  connectionsReset: number;
  bytesDelivered: number;
  /** Data segments lost to 'drop' partitions and resets. */
  segmentsDropped: number;
  /** Steps counted by processes through `env.countSteps`, by counter name. */
  readonly steps: Map<string, number>;
}

export function emptyWorldStats(): WorldStats {
  return {
    droppedForDeadIncarnation: 0,
    heldForBusyOrPausedProcess: 0,
    processStarts: 0,
    processKills: 0,
    powerLosses: 0,
    connectionsOpened: 0,
    connectionsRefused: 0,
    connectionsTimedOut: 0,
    connectionsReset: 0,
    bytesDelivered: 0,
    segmentsDropped: 0,
    steps: new Map(),
  };
}
