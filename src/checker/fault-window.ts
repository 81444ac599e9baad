/** A fault as the checkers see it: plain data from the nemesis schedule, in simulated µs. */
export interface FaultWindow {
  readonly startUs: number;
  /** When the fault healed; Infinity if it never did. */
  readonly endUs: number;
  /** `partition`, `kill`, `power-loss`, `pause`, `clock-skew`, `disk`, ... */
  readonly kind: string;
  /** The host it hit, when it hit one. */
  readonly target?: string;
}

export function isDuringFault(timeUs: number, faults: readonly FaultWindow[]): boolean {
  return faults.some((fault) => timeUs >= fault.startUs && timeUs < fault.endUs);
}

/** When the last fault healed, or undefined without faults. */
export function lastHealUs(faults: readonly FaultWindow[]): number | undefined {
  if (faults.length === 0) return undefined;
  return faults.reduce((latest, fault) => Math.max(latest, fault.endUs), Number.NEGATIVE_INFINITY);
}
