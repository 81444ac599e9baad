/**
 * sort.c lookupKeyByPattern: the BY and GET patterns of SORT. `#` is the
 * element itself; otherwise the first `*` is replaced by the element, and
 * `key->field` reads a hash field. Like the C code, `#` and the search for
 * `*` and `->` stop at a NUL byte, while the key and field are cut from the
 * whole pattern.
 */
import type { Db } from '../../keyspace/db.js';
import { asHashValue } from '../../types/hash.js';

const STAR = 0x2a;
const HASH_SIGN = 0x23;

/** The pattern bytes a C string function sees: up to the first NUL. */
function cStringLength(data: Buffer): number {
  const end = data.indexOf(0);
  return end === -1 ? data.length : end;
}

/** The value the pattern names for `element`, or undefined (missing key, wrong type, no `*`). */
export function lookupByPattern(db: Db, pattern: Buffer, element: Buffer): Buffer | undefined {
  const visible = cStringLength(pattern);
  if (visible === 1 && pattern[0] === HASH_SIGN) return element;
  const star = pattern.subarray(0, visible).indexOf(STAR);
  if (star === -1) return undefined;
  const arrow = pattern.subarray(star + 1, visible).indexOf('->', 0, 'latin1');
  const arrowAt = arrow === -1 ? -1 : star + 1 + arrow;
  const hasField = arrowAt !== -1 && arrowAt + 2 < visible;
  const keyEnd = hasField ? arrowAt : pattern.length;
  const key = Buffer.concat([pattern.subarray(0, star), element, pattern.subarray(star + 1, keyEnd)]);
  const value = db.lookupRead(key);
  if (value === undefined) return undefined;
  if (hasField) {
    if (value.type !== 'hash') return undefined;
    return asHashValue(value).get(pattern.subarray(arrowAt + 2));
  }
  return value.type === 'string' ? value.bytes() : undefined;
}
