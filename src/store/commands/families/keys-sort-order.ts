/**
 * How SORT orders its elements (sort.c sortCompare) and the two sorting
 * routines Redis uses: glibc's qsort, which is a stable merge sort on
 * glibc 2.36 (so JavaScript's stable sort gives the same order), and Redis's
 * own partial quicksort `pqsort` (Bentley & McIlroy), used for BY with a
 * LIMIT. pqsort is not stable, so it is ported as is (with an explicit
 * stack instead of recursion) to put equal elements where Redis puts them.
 */

export interface SortItem {
  readonly element: Buffer;
  score: number;
  /** The BY value for ALPHA sorting; undefined when its key is missing. */
  compareBy: Buffer | undefined;
}

export interface SortOrder {
  readonly descending: boolean;
  readonly alpha: boolean;
  readonly byPattern: boolean;
  /** With STORE, ALPHA compares binary-safe; else with strcoll (the C locale: bytes up to a NUL). */
  readonly storing: boolean;
}

/** strcoll in the C locale: unsigned bytes, ending at the first NUL. */
function compareCStrings(left: Buffer, right: Buffer): number {
  const leftEnd = left.indexOf(0);
  const rightEnd = right.indexOf(0);
  return Buffer.compare(left.subarray(0, leftEnd === -1 ? left.length : leftEnd), right.subarray(0, rightEnd === -1 ? right.length : rightEnd));
}

export function sortComparator(order: SortOrder): (left: SortItem, right: SortItem) => number {
  const strings = order.storing ? Buffer.compare : compareCStrings;
  const ascending = (left: SortItem, right: SortItem): number => {
    if (!order.alpha) {
      if (left.score !== right.score) return left.score > right.score ? 1 : -1;
      return Buffer.compare(left.element, right.element);
    }
    if (!order.byPattern) return strings(left.element, right.element);
    if (left.compareBy === undefined || right.compareBy === undefined) {
      if (left.compareBy === right.compareBy) return 0;
      return left.compareBy === undefined ? -1 : 1;
    }
    return strings(left.compareBy, right.compareBy);
  };
  return order.descending ? (left, right) => -ascending(left, right) : ascending;
}
