import { assert } from '../../core/assert.js';
import { caseKey, type ShrinkCase } from './shrink-case.js';
import { shrinkSteps } from './shrink-candidates.js';

export interface ShrinkAttempt {
  /** 1-based. */
  readonly attempt: number;
  readonly description: string;
  /** True when the candidate still failed the same way (and became the current case). */
  readonly kept: boolean;
}

export interface ShrinkSearchOptions {
  /** Candidate runs at most (limits.shrinkAttemptsMax by default in the CLI). */
  readonly attemptsMax: number;
  /** Runs a candidate: true when it fails the same way. Candidates it cannot run (invalid) return null and cost no attempt. */
  readonly stillFails: (candidate: ShrinkCase) => boolean | null;
  readonly onAttempt?: (attempt: ShrinkAttempt) => void;
}

export interface ShrinkSearchResult {
  readonly minimal: ShrinkCase;
  readonly attempts: number;
  readonly accepted: number;
  /** True when the attempt budget ran out before a local minimum was reached. */
  readonly budgetExhausted: boolean;
}

/**
 * Greedy shrinking: try the steps from the current case in order; the first
 * that still fails becomes the current case and the steps start over; stop
 * when no step fails any more (a local minimum) or the budget runs out.
 * Deterministic: the steps' order is fixed and every run is a pure function
 * of the case and the seed. A case already tried is never run again.
 */
export function shrinkSearch(start: ShrinkCase, options: ShrinkSearchOptions): ShrinkSearchResult {
  assert(Number.isSafeInteger(options.attemptsMax) && options.attemptsMax >= 0, 'shrink attemptsMax is a non-negative integer');
  const tried = new Set<string>([caseKey(start)]);
  let current = start;
  let attempts = 0;
  let accepted = 0;
  for (;;) {
    let improved = false;
    for (const step of shrinkSteps(current)) {
      const key = caseKey(step.candidate);
      if (tried.has(key)) continue;
      if (attempts >= options.attemptsMax) return { minimal: current, attempts, accepted, budgetExhausted: true };
      tried.add(key);
      const verdict = options.stillFails(step.candidate);
      if (verdict === null) continue;
      attempts++;
      options.onAttempt?.({ attempt: attempts, description: step.description, kept: verdict });
      if (!verdict) continue;
      current = step.candidate;
      accepted++;
      improved = true;
      break;
    }
    if (!improved) return { minimal: current, attempts, accepted, budgetExhausted: false };
  }
}
