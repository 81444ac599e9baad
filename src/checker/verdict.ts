/** A checker's verdict: `unknown` when it could not decide (a limit, missing data). */
export type Validity = true | false | 'unknown';

/** Every checker returns at least this, plus its evidence. */
export interface Verdict {
  readonly valid: Validity;
}

/** The verdict of several parts: any invalid part makes it invalid, else any unknown makes it unknown. */
export function combineValidity(parts: readonly Validity[]): Validity {
  if (parts.includes(false)) return false;
  if (parts.includes('unknown')) return 'unknown';
  return true;
}
