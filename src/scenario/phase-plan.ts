import type { Scenario } from './scenario.js';

export const DEFAULT_SETUP_MS = 100;
/** Tries per key of the final reads. */
export const FINAL_READ_ATTEMPTS_MAX = 5;

/** The fixed phase boundaries of a run (true µs); quiesce and final reads end when they end. */
export interface PhasePlan {
  readonly setupEndUs: number;
  readonly faultsEndUs: number;
  readonly healEndUs: number;
  readonly quiesceDeadlineUs: number;
  /** How long the final reads may take once they start. */
  readonly finalReadsUsMax: number;
}

export function planPhases(scenario: Scenario): PhasePlan {
  const usOf = (valueMs: number): number => Math.round(valueMs * 1000);
  const setupEndUs = usOf(scenario.phases.setupMs ?? DEFAULT_SETUP_MS);
  const faultsEndUs = setupEndUs + usOf(scenario.phases.faultsMs);
  const healEndUs = faultsEndUs + usOf(scenario.phases.healMs);
  const quiesceDeadlineUs = healEndUs + usOf(scenario.phases.quiesceMsMax);
  const finalReadsUsMax = usOf(scenario.phases.quiesceMsMax + scenario.workload.opTimeoutMs * FINAL_READ_ATTEMPTS_MAX);
  return { setupEndUs, faultsEndUs, healEndUs, quiesceDeadlineUs, finalReadsUsMax };
}
