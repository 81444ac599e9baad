import { exitCodes } from '../core/errors.js';
import type { Verdict } from './run-result.js';

/** The CLI's exit code for a verdict: 0 valid, 1 invalid, 2 unknown, 3 liveness, 4 crash. */
export function exitCodeOfVerdict(verdict: Verdict): number {
  return exitCodes[verdict];
}
