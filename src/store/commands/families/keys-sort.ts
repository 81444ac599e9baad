/**
 * SORT and SORT_RO (sort.c): sorts a list, set or sorted set numerically or
 * with ALPHA, optionally BY weights from other keys, with LIMIT, GET
 * patterns, and (SORT only) STORE into a list.
 */
import type { CommandContext } from '../command.js';
import { errors } from '../errors.js';
import type { RedisObject } from '../../keyspace/object.js';
import { parseSortScore } from '../../types/float-parsing.js';
import { getLongOrReply } from '../../types/number-parsing.js';
import { createListFromElements } from '../../types/list.js';
import { clusterEnabled } from './keyspace-settings.js';
import { loadSortItems, sortLimits, type SortLimits } from './keys-sort-load.js';
import { partialQuicksort } from '../../types/partial-quicksort.js';
import { sortComparator, type SortItem } from './keys-sort-order.js';
import { lookupByPattern } from './keys-sort-pattern.js';
import { argument, isOption } from './strings-shared.js';
import { asZsetValue } from '../../types/zset.js';

export interface SortRequest {
  descending: boolean;
  alpha: boolean;
  limitStart: number;
  limitCount: number;
  storeKey: Buffer | undefined;
  byPattern: Buffer | undefined;
  /** BY a pattern without `*`: nothing to sort (sticky, as in sort.c). */
  dontSort: boolean;
  readonly getPatterns: Buffer[];
}

/** Parses the options; undefined after an error reply. */
function parseSortRequest(ctx: CommandContext, readOnly: boolean): SortRequest | undefined {
  const request: SortRequest = { descending: false, alpha: false, limitStart: 0, limitCount: -1, storeKey: undefined, byPattern: undefined, dontSort: false, getPatterns: [] };
  for (let index = 2; index < ctx.argv.length; index++) {
    const option = ctx.argv[index];
    const remaining = ctx.argv.length - index - 1;
    if (isOption(option, 'ASC')) request.descending = false;
    else if (isOption(option, 'DESC')) request.descending = true;
    else if (isOption(option, 'ALPHA')) request.alpha = true;
    else if (isOption(option, 'LIMIT') && remaining >= 2) {
      const start = getLongOrReply(ctx.reply, argument(ctx, index + 1));
      if (start === undefined) return undefined;
      const count = getLongOrReply(ctx.reply, argument(ctx, index + 2));
      if (count === undefined) return undefined;
      request.limitStart = start;
      request.limitCount = count;
      index += 2;
    } else if (!readOnly && isOption(option, 'STORE') && remaining >= 1) {
      request.storeKey = argument(ctx, ++index);
    } else if (isOption(option, 'BY') && remaining >= 1) {
      const pattern = argument(ctx, ++index);
      request.byPattern = pattern;
      if (!hasStar(pattern)) request.dontSort = true;
      else if (!patternAllowed(ctx, 'BY')) return undefined;
    } else if (isOption(option, 'GET') && remaining >= 1) {
      if (!patternAllowed(ctx, 'GET')) return undefined;
      request.getPatterns.push(argument(ctx, ++index));
    } else {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
  }
  return request;
}

function hasStar(pattern: Buffer): boolean {
  const end = pattern.indexOf(0);
  return pattern.subarray(0, end === -1 ? pattern.length : end).includes(0x2a);
}

function patternAllowed(ctx: CommandContext, option: 'BY' | 'GET'): boolean {
  if (!clusterEnabled(ctx)) return true;
  ctx.reply.error(`ERR ${option} option of SORT denied in Cluster mode.`);
  return false;
}

function sortGeneric(ctx: CommandContext, readOnly: boolean): void {
  const request = parseSortRequest(ctx, readOnly);
  if (request === undefined) return;
  const value = ctx.db.lookupRead(argument(ctx, 1));
  if (value !== undefined && value.type !== 'list' && value.type !== 'set' && value.type !== 'zset') {
    ctx.reply.error(errors.wrongType);
    return;
  }
  if (request.dontSort && value?.type === 'set' && (request.storeKey !== undefined || ctx.client.isScript)) {
    // A set has no order of its own: a stored result, or one a script sees, is sorted ALPHA to be reproducible.
    request.dontSort = false;
    request.alpha = true;
    request.byPattern = undefined;
  }
  // sort.c converts a listpack sorted set to a skiplist in place, visible afterwards in OBJECT ENCODING.
  if (value?.type === 'zset') asZsetValue(value).convertToSkiplist();
  const limits = sortLimits(value === undefined ? 0 : sizeOf(value), request.limitStart, request.limitCount);
  const loaded = loadSortItems(value, request, limits);
  ctx.step(1 + loaded.items.length);
  if (!request.dontSort) {
    if (!scoreItems(ctx, loaded.items, request)) {
      ctx.reply.error('ERR One or more scores can\'t be converted into double');
      return;
    }
    sortItems(loaded.items, request, loaded.limits);
  }
  if (request.storeKey === undefined) replySorted(ctx, loaded.items, loaded.limits, request.getPatterns);
  else storeSorted(ctx, request.storeKey, loaded.items, loaded.limits, request.getPatterns);
}

function sizeOf(value: RedisObject): number {
  if (value.type === 'list') return value.length();
  return value.type === 'set' || value.type === 'zset' ? value.size() : 0;
}

/** Loads the weights; false when one is not a number (the error is replied after sorting in Redis, with the same effect). */
function scoreItems(ctx: CommandContext, items: SortItem[], request: SortRequest): boolean {
  let convertible = true;
  for (const item of items) {
    const weight = request.byPattern === undefined ? item.element : lookupByPattern(ctx.db, request.byPattern, item.element);
    if (weight === undefined) continue;
    if (request.alpha) {
      if (request.byPattern !== undefined) item.compareBy = weight;
      continue;
    }
    const score = parseSortScore(weight);
    if (score === undefined) convertible = false;
    else item.score = score;
  }
  return convertible;
}

function sortItems(items: SortItem[], request: SortRequest, limits: SortLimits): void {
  const compare = sortComparator({ descending: request.descending, alpha: request.alpha, byPattern: request.byPattern !== undefined, storing: request.storeKey !== undefined });
  if (request.byPattern !== undefined && (limits.start !== 0 || limits.end !== items.length - 1)) partialQuicksort(items, compare, limits.start, limits.end);
  else items.sort(compare);
}

function replySorted(ctx: CommandContext, items: readonly SortItem[], limits: SortLimits, getPatterns: readonly Buffer[]): void {
  const selected = items.slice(limits.start, limits.end + 1);
  ctx.reply.arrayHeader(getPatterns.length === 0 ? selected.length : getPatterns.length * selected.length);
  for (const item of selected) {
    if (getPatterns.length === 0) ctx.reply.bulk(item.element);
    for (const pattern of getPatterns) ctx.reply.bulk(lookupByPattern(ctx.db, pattern, item.element) ?? null);
  }
}

function storeSorted(ctx: CommandContext, storeKey: Buffer, items: readonly SortItem[], limits: SortLimits, getPatterns: readonly Buffer[]): void {
  const elements: Buffer[] = [];
  for (const item of items.slice(limits.start, limits.end + 1)) {
    if (getPatterns.length === 0) elements.push(Buffer.from(item.element));
    for (const pattern of getPatterns) elements.push(Buffer.from(lookupByPattern(ctx.db, pattern, item.element) ?? Buffer.alloc(0)));
  }
  if (elements.length > 0) {
    ctx.db.set(storeKey, createListFromElements(elements));
    ctx.keyModified(storeKey);
    ctx.notifyKeyspaceEvent('list', 'sortstore', storeKey);
    ctx.dirty(elements.length);
  } else if (ctx.db.delete(storeKey)) {
    ctx.keyModified(storeKey);
    ctx.notifyKeyspaceEvent('generic', 'del', storeKey);
    ctx.dirty();
  }
  ctx.reply.integer(elements.length);
}

/** SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA] [STORE destination] */
export function sortCommand(ctx: CommandContext): void {
  sortGeneric(ctx, false);
}

/** SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA] */
export function sortRoCommand(ctx: CommandContext): void {
  sortGeneric(ctx, true);
}

/** sortGetKeys: the sorted key, and the key of the last STORE option. */
export function sortKeys(argv: readonly Buffer[]): number[] {
  const keys = [1];
  let storeAt: number | undefined;
  for (let index = 2; index < argv.length; index++) {
    const option = argv[index];
    if (isOption(option, 'LIMIT')) index += 2;
    else if (isOption(option, 'GET') || isOption(option, 'BY')) index += 1;
    else if (isOption(option, 'STORE') && index + 1 < argv.length) storeAt = index + 1;
  }
  if (storeAt !== undefined) keys.push(storeAt);
  return keys;
}
