/**
 * pqsort (pqsort.c): Bentley & McIlroy's quicksort that only finishes the
 * partitions overlapping the wanted ranks. SORT ... LIMIT and GEORADIUS /
 * GEOSEARCH ... COUNT use it, so ties (equal elements, equal distances) come
 * out in the order this algorithm leaves them, which this port reproduces.
 * Recursion is replaced by an explicit stack of partitions.
 */
import { assert } from '../../core/assert.js';

type Compare<T> = (left: T, right: T) => number;

function swapItems<T>(items: T[], first: number, second: number): void {
  const held = items[first] as T;
  items[first] = items[second] as T;
  items[second] = held;
}

/** vecswap: exchanges the runs [first, first+count) and [second, second+count). */
function swapRuns<T>(items: T[], first: number, second: number, count: number): void {
  for (let offset = 0; offset < count; offset++) swapItems(items, first + offset, second + offset);
}

function medianOfThree<T>(items: readonly T[], a: number, b: number, c: number, compare: Compare<T>): number {
  const at = (index: number): T => items[index] as T;
  if (compare(at(a), at(b)) < 0) return compare(at(b), at(c)) < 0 ? b : compare(at(a), at(c)) < 0 ? c : a;
  return compare(at(b), at(c)) > 0 ? b : compare(at(a), at(c)) < 0 ? a : c;
}

function insertionSort<T>(items: T[], base: number, count: number, compare: Compare<T>): void {
  for (let current = base + 1; current < base + count; current++) {
    for (let index = current; index > base && compare(items[index - 1] as T, items[index] as T) > 0; index--) swapItems(items, index, index - 1);
  }
}

function choosePivot<T>(items: readonly T[], base: number, count: number, compare: Compare<T>): number {
  let middle = base + Math.floor(count / 2);
  if (count > 7) {
    let low = base;
    let high = base + count - 1;
    if (count > 40) {
      const step = Math.floor(count / 8);
      low = medianOfThree(items, low, low + step, low + 2 * step, compare);
      middle = medianOfThree(items, middle - step, middle, middle + step, compare);
      high = medianOfThree(items, high - 2 * step, high - step, high, compare);
    }
    middle = medianOfThree(items, low, middle, high, compare);
  }
  return middle;
}

/** One partition step of _pqsort; returns the two sub-ranges left to sort. */
function partition<T>(items: T[], base: number, count: number, compare: Compare<T>): [number, number, number, number] {
  swapItems(items, base, choosePivot(items, base, count, compare));
  let equalLow = base + 1;
  let scanLow = base + 1;
  let scanHigh = base + count - 1;
  let equalHigh = base + count - 1;
  for (;;) {
    let result = 0;
    while (scanLow <= scanHigh && (result = compare(items[scanLow] as T, items[base] as T)) <= 0) {
      if (result === 0) swapItems(items, equalLow++, scanLow);
      scanLow++;
    }
    while (scanLow <= scanHigh && (result = compare(items[scanHigh] as T, items[base] as T)) >= 0) {
      if (result === 0) swapItems(items, scanHigh, equalHigh--);
      scanHigh--;
    }
    if (scanLow > scanHigh) break;
    swapItems(items, scanLow++, scanHigh--);
  }
  const end = base + count;
  const leftRun = Math.min(equalLow - base, scanLow - equalLow);
  swapRuns(items, base, scanLow - leftRun, leftRun);
  const rightRun = Math.min(equalHigh - scanHigh, end - equalHigh - 1);
  swapRuns(items, scanLow, end - rightRun, rightRun);
  const lessCount = scanLow - equalLow;
  const greaterCount = equalHigh - scanHigh;
  return [base, lessCount, end - greaterCount, greaterCount];
}

/** Redis's pqsort: sorts enough of `items` that positions [rangeStart, rangeEnd] hold their sorted elements. */
export function partialQuicksort<T>(items: T[], compare: Compare<T>, rangeStart: number, rangeEnd: number): void {
  const overlapsRange = (base: number, count: number): boolean => {
    const last = base + count - 1;
    return !((rangeStart < base && rangeEnd < base) || (rangeStart > last && rangeEnd > last));
  };
  const pending: [number, number][] = [[0, items.length]];
  for (let steps = 0; pending.length > 0; steps++) {
    assert(steps <= 4 * items.length + 4, 'pqsort terminates');
    const [base, count] = pending.pop() as [number, number];
    if (count < 7) {
      insertionSort(items, base, count, compare);
      continue;
    }
    const [lessBase, lessCount, greaterBase, greaterCount] = partition(items, base, count, compare);
    if (lessCount > 1 && overlapsRange(lessBase, lessCount)) pending.push([lessBase, lessCount]);
    if (greaterCount > 1 && overlapsRange(greaterBase, greaterCount)) pending.push([greaterBase, greaterCount]);
  }
}
