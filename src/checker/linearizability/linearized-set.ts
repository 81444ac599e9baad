/**
 * The set of linearized call ids in the form the search's cache needs.
 * Required calls are numbered first, in invocation order, so the set is
 * almost always "every required call below `low`" plus a few `extras` (sorted
 * ids above `low`, including unknown-outcome calls, numbered after the
 * required ones). Its key is short and exact: no hashing, no collisions.
 */
export interface LinearizedSet {
  readonly low: number;
  readonly extras: readonly number[];
}

export const emptyLinearizedSet: LinearizedSet = { low: 0, extras: [] };

/** The set with `id` added; `requiredCount` bounds how far `low` may advance. */
export function withCall(set: LinearizedSet, id: number, requiredCount: number): LinearizedSet {
  const { low, extras } = set;
  if (id !== low || low >= requiredCount) {
    let position = 0;
    while (position < extras.length && (extras[position] ?? 0) < id) position++;
    return { low, extras: [...extras.slice(0, position), id, ...extras.slice(position)] };
  }
  let nextLow = low + 1;
  let absorbed = 0;
  while (nextLow < requiredCount && extras[absorbed] === nextLow) {
    absorbed++;
    nextLow++;
  }
  return { low: nextLow, extras: absorbed === 0 ? extras : extras.slice(absorbed) };
}

/** The set as text; runs of consecutive extras collapse to `a-b`. */
export function linearizedSetKey(set: LinearizedSet): string {
  let key = `${set.low}`;
  const { extras } = set;
  let index = 0;
  while (index < extras.length) {
    const start = extras[index] ?? 0;
    let end = start;
    while (extras[index + 1] === end + 1) {
      index++;
      end++;
    }
    key += start === end ? `,${start}` : `,${start}-${end}`;
    index++;
  }
  return key;
}
