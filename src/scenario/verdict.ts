import type { Validity } from '../checker/verdict.js';
import type { CrashReport, LivenessFailure } from './run-output.js';
import type { Verdict } from './run-result.js';

/**
 * A run's verdict: `crash` if anything threw, else `liveness` if the system
 * did not settle (quiesce, final reads, convergence), else `invalid` if any
 * check failed, else `unknown` if any could not decide, else `valid`.
 */
export function decideVerdict(crash: CrashReport | null, liveness: LivenessFailure | null, validities: readonly Validity[]): Verdict {
  if (crash !== null) return 'crash';
  if (liveness !== null) return 'liveness';
  if (validities.includes(false)) return 'invalid';
  if (validities.includes('unknown')) return 'unknown';
  return 'valid';
}
