import { limits } from '../core/limits.js';
import { InputError } from '../core/errors.js';
import type { RunOutput } from './run-output.js';
import type { Expectation, Scenario, TimedFault } from './scenario.js';
import { type FailureSignature, failsTheSameWay, failureSignatureOf } from './shrink/failure-signature.js';
import { caseOfScenario, type ShrinkCase, type ShrinkSize, scenarioOfCase, sizeOfCase } from './shrink/shrink-case.js';
import { type ShrinkAttempt, shrinkSearch } from './shrink/shrink-search.js';
import { appliedTimeline, armedFaults } from './shrink/starting-timeline.js';
import { validateScenario } from './validate.js';

export interface ShrinkOptions {
  /** Runs one seed of a scenario (the runner, or a stand-in in tests). */
  readonly run: (scenario: Scenario, seed: number) => RunOutput;
  readonly attemptsMax?: number;
  readonly onAttempt?: (attempt: ShrinkAttempt) => void;
}

/** Sizes with the history's op count of the run they describe. */
export interface ShrinkSizeWithOps extends ShrinkSize {
  readonly ops: number;
}

export type ShrinkOutcome =
  | { readonly kind: 'not-failing'; readonly original: RunOutput }
  | { readonly kind: 'not-reproducible'; readonly original: RunOutput; readonly signature: FailureSignature; readonly attempts: number }
  | {
      readonly kind: 'shrunk';
      readonly original: RunOutput;
      readonly signature: FailureSignature;
      readonly minimal: Scenario;
      readonly minimalOutput: RunOutput;
      readonly before: ShrinkSizeWithOps;
      readonly after: ShrinkSizeWithOps;
      readonly attempts: number;
      readonly accepted: number;
      readonly budgetExhausted: boolean;
    };

/** The shrunk scenario's name: `<scenario>-seed-<n>-shrunk`. */
export function shrunkScenarioName(scenario: string, seed: number): string {
  return `${scenario}-seed-${seed}-shrunk`;
}

/**
 * What the shrunk scenario expects: what its original expected (a scenario
 * that must stay valid stays a test that fails until the bug is fixed), or,
 * for a reproducer of an anomaly, that anomaly on its one seed every time.
 */
function shrunkExpectation(base: Expectation, signature: FailureSignature): Expectation {
  if (base.valid) return base;
  return { valid: false, anomaly: signature.verdict === 'invalid' && signature.anomaly !== null ? signature.anomaly : base.anomaly, detectionRateMin: 1 };
}

function finalScenario(base: Scenario, minimal: ShrinkCase, seed: number, signature: FailureSignature): Scenario {
  const scenario = scenarioOfCase(base, minimal, shrunkScenarioName(base.name, seed));
  return { ...scenario, description: `${base.description} (shrunk from seed ${seed})`, seeds: [seed], expect: shrunkExpectation(base.expect, signature) };
}

interface Trial {
  attempts: number;
}

/** A candidate's verdict: null when it is not a valid scenario (no run, no attempt). */
function trialOf(base: Scenario, seed: number, signature: FailureSignature, options: ShrinkOptions): (candidate: ShrinkCase) => boolean | null {
  return (candidate) => {
    const scenario = scenarioOfCase(base, candidate);
    try {
      validateScenario(scenario, '(shrink candidate)');
    } catch (error: unknown) {
      if (error instanceof InputError) return null;
      throw error;
    }
    return failsTheSameWay(signature, options.run(scenario, seed));
  };
}

/** The first explicit timeline that reproduces the failure: the applied faults, else the schedule as drawn. */
function reproducingStart(base: Scenario, original: RunOutput, stillFails: (candidate: ShrinkCase) => boolean | null, trial: Trial): ShrinkCase | null {
  const timelines: TimedFault[][] = [appliedTimeline(original), armedFaults(original)];
  for (const timeline of timelines) {
    const start = caseOfScenario(base, timeline);
    trial.attempts++;
    if (stillFails(start) === true) return start;
  }
  return null;
}

/**
 * Minimizes a failing seed: its applied faults become an explicit timeline
 * (no swarm), then faults are dropped, moved earlier and shortened, the run
 * shortened and the workload made smaller, as long as the run still fails
 * the same way (failure-signature.ts), within `attemptsMax` candidate runs.
 */
export function shrinkFailure(base: Scenario, seed: number, options: ShrinkOptions): ShrinkOutcome {
  const original = options.run(base, seed);
  const signature = failureSignatureOf(original, base.expect);
  if (signature === null) return { kind: 'not-failing', original };
  const stillFails = trialOf(base, seed, signature, options);
  const trial: Trial = { attempts: 0 };
  const start = reproducingStart(base, original, stillFails, trial);
  if (start === null) return { kind: 'not-reproducible', original, signature, attempts: trial.attempts };
  const attemptsMax = Math.max(0, (options.attemptsMax ?? limits.shrinkAttemptsMax) - trial.attempts);
  const search = shrinkSearch(start, { attemptsMax, stillFails, ...(options.onAttempt === undefined ? {} : { onAttempt: options.onAttempt }) });
  const minimal = finalScenario(base, search.minimal, seed, signature);
  const minimalOutput = options.run(minimal, seed);
  return {
    kind: 'shrunk',
    original,
    signature,
    minimal,
    minimalOutput,
    before: { ...sizeOfCase(start), ops: original.result.stats.ops },
    after: { ...sizeOfCase(search.minimal), ops: minimalOutput.result.stats.ops },
    attempts: trial.attempts + search.attempts,
    accepted: search.accepted,
    budgetExhausted: search.budgetExhausted,
  };
}
