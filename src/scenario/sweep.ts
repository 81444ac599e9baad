import type { Scenario } from './scenario.js';
import { seedsOfShard, type Shard } from './sweep/shard.js';

/** One scenario of a sweep with the seeds this sweep (or shard) runs. */
export interface SweepPlanEntry {
  readonly scenario: Scenario;
  readonly seeds: readonly number[];
}

export interface SweepPlanOptions {
  /** `--seeds`: replaces every scenario's own seeds. */
  readonly seeds?: readonly number[];
  /** `--shard i/n`: keep the seeds k with k mod n = i. */
  readonly shard?: Shard;
}

/**
 * Which seeds of which scenarios a sweep runs: each scenario's `seeds`
 * (or `--seeds`), then only this shard's share. Scenarios keep their order.
 */
export function planSweep(scenarios: readonly Scenario[], options: SweepPlanOptions = {}): SweepPlanEntry[] {
  return scenarios.map((scenario) => {
    const seeds = [...(options.seeds ?? scenario.seeds)];
    return { scenario, seeds: options.shard === undefined ? seeds : seedsOfShard(seeds, options.shard) };
  });
}

/** Seeds over the whole plan. */
export function plannedSeedCount(plan: readonly SweepPlanEntry[]): number {
  return plan.reduce((sum, entry) => sum + entry.seeds.length, 0);
}
