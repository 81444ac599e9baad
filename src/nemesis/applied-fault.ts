import type { FaultKind } from './fault-spec.js';

/** Details of an applied fault, as flat plain data (faults.csv writes them as `name=value`). */
export type FaultDetails = Readonly<Record<string, string | number | boolean>>;

/**
 * A fault as it happened: what, to whom, from when to when (true simulated
 * µs). `endUs` equals `startUs` for instant faults (connection resets).
 * `effective` is false when it found nothing to act on (pausing a dead process).
 */
export interface AppliedFault {
  readonly id: number;
  readonly kind: FaultKind;
  /** The host it hit, or the hosts a partition cut off (comma-separated). */
  readonly target: string;
  readonly startUs: number;
  /** When it healed; null while it is still in force. */
  readonly endUs: number | null;
  readonly effective: boolean;
  readonly details: FaultDetails;
}

/** The window checkers use (`FaultWindow`), with an unhealed fault lasting to `endOfRunUs`. */
export function faultWindowOf(fault: AppliedFault, endOfRunUs: number): { readonly startUs: number; readonly endUs: number; readonly kind: string; readonly target: string } {
  return { startUs: fault.startUs, endUs: fault.endUs ?? endOfRunUs, kind: fault.kind, target: fault.target };
}
