import type { Scenario, TimedFault } from '../scenario.js';

/** What shrinking varies: the explicit fault timeline, the phase lengths and the workload's size. */
export interface ShrinkCase {
  readonly timeline: readonly TimedFault[];
  readonly faultsMs: number;
  readonly healMs: number;
  readonly clients: number;
  readonly keys: number;
  readonly rateHz: number;
}

/** The sizes `redsim shrink` prints before and after. */
export interface ShrinkSize {
  readonly faults: number;
  /** The faults' windows summed. */
  readonly faultWindowMs: number;
  readonly faultsMs: number;
  readonly healMs: number;
  readonly clients: number;
  readonly keys: number;
  readonly rateHz: number;
}

export function sizeOfCase(shrinkCase: ShrinkCase): ShrinkSize {
  return {
    faults: shrinkCase.timeline.length,
    faultWindowMs: shrinkCase.timeline.reduce((sum, timed) => sum + timed.durationMs, 0),
    faultsMs: shrinkCase.faultsMs,
    healMs: shrinkCase.healMs,
    clients: shrinkCase.clients,
    keys: shrinkCase.keys,
    rateHz: shrinkCase.rateHz,
  };
}

export function caseOfScenario(scenario: Scenario, timeline: readonly TimedFault[]): ShrinkCase {
  const { workload, phases } = scenario;
  return { timeline, faultsMs: phases.faultsMs, healMs: phases.healMs, clients: workload.clients, keys: workload.keys, rateHz: workload.rateHz };
}

/**
 * The scenario a case stands for: the base scenario with the case's explicit
 * timeline (no swarm: it replays without the seed's swarm draw), phases and
 * workload size.
 */
export function scenarioOfCase(base: Scenario, shrinkCase: ShrinkCase, name: string = base.name): Scenario {
  return {
    ...base,
    name,
    workload: { ...base.workload, clients: shrinkCase.clients, keys: shrinkCase.keys, rateHz: shrinkCase.rateHz },
    nemesis: { timeline: shrinkCase.timeline },
    phases: { ...base.phases, faultsMs: shrinkCase.faultsMs, healMs: shrinkCase.healMs },
  };
}

/** A stable text of a case, to skip candidates already tried. */
export function caseKey(shrinkCase: ShrinkCase): string {
  return JSON.stringify(shrinkCase);
}
