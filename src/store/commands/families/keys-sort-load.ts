/**
 * SORT's LIMIT arithmetic and the loading of the elements to sort, as
 * sort.c does it: without sorting (BY a constant), a list or sorted set is
 * read in its own order (reversed by DESC) and only the LIMIT range is taken.
 */
import type { RedisObject } from '../../keyspace/object.js';
import type { SortItem } from './keys-sort-order.js';

export interface SortLimits {
  readonly start: number;
  /** Inclusive; end < start means an empty result. */
  readonly end: number;
}

interface LoadRequest {
  readonly descending: boolean;
  readonly dontSort: boolean;
}

/** The LIMIT clamping of sortCommandGeneric. */
export function sortLimits(length: number, limitStart: number, limitCount: number): SortLimits {
  let start = Math.min(Math.max(limitStart, 0), length);
  const count = Math.min(Math.max(limitCount, -1), length);
  let end = count < 0 ? length - 1 : start + count - 1;
  if (start >= length) {
    start = length - 1;
    end = length - 2;
  }
  if (end >= length) end = length - 1;
  return { start, end };
}

const item = (element: Buffer): SortItem => ({ element, score: 0, compareBy: undefined });

/** The elements to sort and the limits that apply to them afterwards. */
export function loadSortItems(value: RedisObject | undefined, request: LoadRequest, limits: SortLimits): { items: SortItem[]; limits: SortLimits } {
  if (value === undefined) return { items: [], limits };
  if (request.dontSort && (value.type === 'list' || value.type === 'zset')) {
    const ordered = value.type === 'list' ? value.toArray() : Array.from(value.entries(), ([member]) => member);
    if (request.descending) ordered.reverse();
    if (limits.end < limits.start) return { items: [], limits };
    const items = ordered.slice(limits.start, limits.end + 1).map(item);
    return { items, limits: { start: 0, end: limits.end - limits.start } };
  }
  switch (value.type) {
    case 'list':
      return { items: value.toArray().map(item), limits };
    case 'set':
      return { items: Array.from(value.members(), item), limits };
    case 'zset':
      return { items: Array.from(value.entries(), ([member]) => item(member)), limits };
    default:
      return { items: [], limits };
  }
}
