/**
 * Score text as Redis prints it outside addReplyDouble: `%.17g` (ZSCAN of a
 * skiplist zset, via createStringObjectFromLongDouble) and d2string (the
 * text a listpack zset stores, which ZSCAN returns for that encoding).
 */
import { formatDoubleG17 } from '../protocol/double-format.js';

/** double2ll accepts |value| <= LLONG_MAX / 2. */
const INTEGER_TEXT_LIMIT = 4611686018427387904;

export const formatG17 = formatDoubleG17;

/** Redis's d2string: integers in the long long half range print as integers, others as %.17g. */
export function d2string(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  if (Number.isInteger(value) && Math.abs(value) <= INTEGER_TEXT_LIMIT) return BigInt(value).toString();
  return formatDoubleG17(value);
}
