import { assert } from '../../core/assert.js';
import type { Verdict } from '../run-result.js';
import type { Scenario } from '../scenario.js';
import { isDetection, seedOutcome, type SweepSeedResult } from './seed-outcome.js';

/**
 * One scenario's sweep: the `redsim sweep --json` line. `detectionRate` is
 * detected / seeds, where a seed is detected when its verdict is `invalid`
 * (with the expected anomaly, for a scenario that expects one); null when
 * the sweep ran no seed. `unexpected` lists the seeds whose verdict does not
 * meet the expectation. `ok`: no unexpected seed and, for a scenario that
 * expects invalid, detectionRate >= detectionRateMin, and for one that
 * expects `startRefusals: 'required'`, at least one seed with a repaired
 * refusal (`refusalSeeds`; null when the seed results do not carry it, and
 * then not checked).
 */
export interface ScenarioSweepSummary {
  readonly scenario: string;
  readonly expected: 'valid' | 'invalid';
  readonly anomaly: string | null;
  readonly detectionRateMin: number | null;
  readonly seeds: number;
  readonly results: readonly { readonly seed: number; readonly verdict: Verdict; readonly traceHash: string; readonly wallMs: number }[];
  readonly detected: number;
  readonly detectionRate: number | null;
  readonly unexpected: readonly number[];
  readonly crashed: readonly number[];
  /** Only for a scenario that expects `startRefusals: 'required'`. */
  readonly refusalSeeds?: number | null;
  readonly seedsPerSecond: number;
  readonly wallMs: number;
  readonly ok: boolean;
}

/** Rounds a rate for printing in JSON (enough digits to compare against a minimum). */
function roundRate(rate: number): number {
  return Math.round(rate * 1e6) / 1e6;
}

/** Summarizes one scenario's seeds (in seed order), given the sweep's wall time for the scenario. */
export function summarizeScenarioSweep(scenario: Scenario, results: readonly SweepSeedResult[], wallMs: number): ScenarioSweepSummary {
  assert(wallMs >= 0, 'a sweep takes non-negative wall time');
  const ordered = [...results].sort((left, right) => left.seed - right.seed);
  const expect = scenario.expect;
  const detected = ordered.filter((result) => isDetection(expect, result)).length;
  const detectionRate = ordered.length === 0 ? null : roundRate(detected / ordered.length);
  const unexpected = ordered.filter((result) => seedOutcome(expect, result) === 'unexpected').map((result) => result.seed);
  const rateMet = expect.valid || detectionRate === null || detectionRate >= expect.detectionRateMin;
  const reported = ordered.filter((result) => result.repairedStartRefusals !== undefined);
  const refusalSeeds = reported.length === 0 ? null : reported.filter((result) => (result.repairedStartRefusals ?? 0) > 0).length;
  const refusalsMet = expect.startRefusals !== 'required' || refusalSeeds === null || refusalSeeds > 0;
  return {
    scenario: scenario.name,
    expected: expect.valid ? 'valid' : 'invalid',
    anomaly: expect.valid ? null : expect.anomaly,
    detectionRateMin: expect.valid ? null : expect.detectionRateMin,
    seeds: ordered.length,
    results: ordered.map(({ seed, verdict, traceHash, wallMs: seedWallMs }) => ({ seed, verdict, traceHash, wallMs: seedWallMs })),
    detected,
    detectionRate,
    unexpected,
    crashed: ordered.filter((result) => result.verdict === 'crash').map((result) => result.seed),
    ...(expect.startRefusals === 'required' ? { refusalSeeds } : {}),
    seedsPerSecond: wallMs > 0 ? Math.round((ordered.length * 1e6) / wallMs) / 1000 : 0,
    wallMs: Math.round(wallMs),
    ok: unexpected.length === 0 && rateMet && refusalsMet,
  };
}

/**
 * The exit code of a whole sweep: 4 if any seed crashed (a bug in redsim or
 * the store), else 0 if every scenario met its expectation, else 1.
 */
export function sweepExitCode(summaries: readonly ScenarioSweepSummary[]): 0 | 1 | 4 {
  if (summaries.some((summary) => summary.crashed.length > 0)) return 4;
  return summaries.every((summary) => summary.ok) ? 0 : 1;
}
