import type { Verdict } from '../run-result.js';
import type { Expectation } from '../scenario.js';

/** What a sweep keeps of one seed's run (the worker sends it back as plain data). */
export interface SweepSeedResult {
  readonly seed: number;
  readonly verdict: Verdict;
  readonly traceHash: string;
  readonly wallMs: number;
  /** Anomaly names the checks found (sorted). */
  readonly anomalies: readonly string[];
  /** The crash's message when the verdict is `crash`, else null. */
  readonly crash: string | null;
  /** Where the seed's report was written, or null. */
  readonly reportDir: string | null;
  /** Refused starts the operator repaired in this run (result.repairs with outcome `truncated`); absent when the sweep did not report it. */
  readonly repairedStartRefusals?: number;
}

/**
 * How one seed's verdict relates to the scenario's expectation:
 * - `met`: expect valid and valid;
 * - `detected`: expect invalid and invalid with the expected anomaly;
 * - `missed`: expect invalid and valid (counts against the detection rate only);
 * - `unexpected`: anything else (expect valid but not valid; expect invalid
 *   but unknown, liveness, crash, or invalid with other anomalies only).
 */
export type SeedOutcome = 'met' | 'detected' | 'missed' | 'unexpected';

export function seedOutcome(expect: Expectation, result: Pick<SweepSeedResult, 'verdict' | 'anomalies'>): SeedOutcome {
  if (expect.valid) return result.verdict === 'valid' ? 'met' : 'unexpected';
  if (result.verdict === 'valid') return 'missed';
  if (result.verdict === 'invalid' && result.anomalies.includes(expect.anomaly)) return 'detected';
  return 'unexpected';
}

/** A seed whose verdict counts as a detection: invalid, with the expected anomaly when the scenario names one. */
export function isDetection(expect: Expectation, result: Pick<SweepSeedResult, 'verdict' | 'anomalies'>): boolean {
  if (result.verdict !== 'invalid') return false;
  return expect.valid || result.anomalies.includes(expect.anomaly);
}
