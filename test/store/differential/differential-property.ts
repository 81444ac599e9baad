import fc from 'fast-check';
import { formatMismatch } from './failure-report.js';
import { minimizeCase } from './minimize.js';
import { runSequence, sequenceConfigArbitrary, type SequenceCase } from './run-sequence.js';
import { sequenceArbitrary, type SequenceShape } from './sequence.js';
import type { DifferentialTarget } from './target.js';

/** The fixed seed CI uses; REDSIM_DIFF_SEED overrides it (printed on every failure). */
export const defaultDifferentialSeed = 20_240_715;

export function baseSeed(): number {
  const text = process.env['REDSIM_DIFF_SEED'];
  if (text === undefined || text === '') return defaultDifferentialSeed;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`REDSIM_DIFF_SEED must be an integer, got ${JSON.stringify(text)}`);
  return seed;
}

export function sequenceCaseArbitrary(shape: SequenceShape): fc.Arbitrary<SequenceCase> {
  return fc.record({ config: sequenceConfigArbitrary, operations: sequenceArbitrary(shape) });
}

/** Throws (with the readable report) when the targets disagree on a case. */
export function differentialProperty(reference: DifferentialTarget, candidate: DifferentialTarget, shape: SequenceShape): fc.IAsyncPropertyWithHooks<[SequenceCase]> {
  return fc.asyncProperty(sequenceCaseArbitrary(shape), async (testCase) => {
    const outcome = await runSequence(reference, candidate, testCase);
    if (outcome.mismatch !== undefined) throw new Error(formatMismatch(outcome, { reference: reference.label, candidate: candidate.label }));
  });
}

export interface DifferentialRun {
  readonly reference: DifferentialTarget;
  readonly candidate: DifferentialTarget;
  readonly shape: SequenceShape;
  readonly numRuns: number;
  /** Added to the base seed so that each group of families draws its own cases. */
  readonly seedOffset: number;
}

/**
 * Property over generated sequences; on failure, fast-check shrinks to a
 * minimal sequence and the error carries that sequence's report and the
 * seed to reproduce it.
 */
export async function assertNoDifference(run: DifferentialRun): Promise<void> {
  const failure = await findMinimalDifference(run);
  if (failure !== undefined) throw new Error(failure);
}

/**
 * Runs the property; on failure returns the report of the minimal failing
 * sequence (fast-check's shrink, then a greedy 1-minimal pass), with the seeds.
 */
export async function findMinimalDifference(run: DifferentialRun): Promise<string | undefined> {
  const seed = baseSeed() + run.seedOffset;
  const details = await checkForDifference(run);
  if (!details.failed) return undefined;
  const header = `Differential test failed: REDSIM_DIFF_SEED=${baseSeed()} (fast-check seed ${seed}, path ${details.counterexamplePath ?? '?'}, shrunk ${details.numShrinks} times).`;
  const [shrunk] = details.counterexample ?? [];
  if (shrunk === undefined) return `${header}\n${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`;
  const outcome = await runSequence(run.reference, run.candidate, shrunk);
  if (outcome.mismatch === undefined) return `${header}\nThe shrunk case passed when run again (flaky?):\n${String(details.errorInstance)}`;
  const minimal = await minimizeCase(run.reference, run.candidate, outcome);
  return `${header}\n${formatMismatch(minimal, { reference: run.reference.label, candidate: run.candidate.label })}`;
}

/** Like assertNoDifference, but returns fast-check's run details instead of throwing (used to test the harness). */
export function checkForDifference(run: DifferentialRun): Promise<fc.RunDetails<[SequenceCase]>> {
  return fc.check(differentialProperty(run.reference, run.candidate, run.shape), { numRuns: run.numRuns, seed: baseSeed() + run.seedOffset, includeErrorInReport: true });
}
