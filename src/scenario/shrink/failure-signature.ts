import type { RunOutput } from '../run-output.js';
import type { Verdict } from '../run-result.js';
import type { Expectation } from '../scenario.js';

/**
 * How a run failed, as much as shrinking must keep: the verdict, and for
 * `invalid` the anomaly (the expected one if the run found it, else the
 * first it found), for `crash` the broken contract (or the error's name),
 * for `liveness` the phase that did not settle.
 */
export interface FailureSignature {
  readonly verdict: Exclude<Verdict, 'valid'>;
  readonly anomaly: string | null;
  readonly crash: string | null;
  readonly livenessPhase: string | null;
}

function crashIdentity(output: RunOutput): string | null {
  if (output.crash === null) return null;
  return output.crash.contract ?? output.crash.name;
}

/** The run's failure, or null when it did not fail (verdict valid). */
export function failureSignatureOf(output: RunOutput, expect: Expectation): FailureSignature | null {
  const verdict = output.result.verdict;
  if (verdict === 'valid') return null;
  const expectedAnomaly = expect.valid ? null : expect.anomaly;
  const anomaly = verdict !== 'invalid' ? null : expectedAnomaly !== null && output.anomalies.includes(expectedAnomaly) ? expectedAnomaly : (output.anomalies[0] ?? null);
  return { verdict, anomaly, crash: crashIdentity(output), livenessPhase: output.liveness?.phase ?? null };
}

/** True when `output` fails as `signature` says: same verdict and the same anomaly, crash or liveness phase. */
export function failsTheSameWay(signature: FailureSignature, output: RunOutput): boolean {
  if (output.result.verdict !== signature.verdict) return false;
  switch (signature.verdict) {
    case 'invalid':
      return signature.anomaly === null || output.anomalies.includes(signature.anomaly);
    case 'crash':
      return crashIdentity(output) === signature.crash;
    case 'liveness':
      return (output.liveness?.phase ?? null) === signature.livenessPhase;
    case 'unknown':
      return true;
  }
}

export function describeSignature(signature: FailureSignature): string {
  const detail = signature.anomaly ?? signature.crash ?? signature.livenessPhase;
  return detail === null ? signature.verdict : `${signature.verdict} (${detail})`;
}
