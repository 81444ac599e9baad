import { arrayItems, bulkBytes, type RespReply } from '../../support/resp-reply.js';
import type { ReplyRule, SampleShape } from './reply-rules.js';

/** The collection a random command sampled from, as ours reported it just before (and after, for SPOP). */
export interface SamplePool {
  readonly before: RespReply | undefined;
  readonly after: RespReply | undefined;
}

/** Undefined when the replies agree under the rule; otherwise why not. */
export type Difference = string | undefined;

const rawEqual = (real: RespReply, ours: RespReply): Difference => (real.raw.equals(ours.raw) ? undefined : 'the bytes differ');

/**
 * RESP3 nests WITHSCORES / WITHVALUES pairs as 2-item arrays where RESP2
 * sends them flat; flattened, both compare by the same groups of 2.
 */
export function flattenPairs(items: readonly RespReply[]): readonly RespReply[] {
  const nested = items.length > 0 && items.every((item) => item.kind === 'array' && item.items !== null && item.items.length === 2);
  return nested ? items.flatMap((item) => arrayItems(item) ?? []) : items;
}

/** Splits array items into groups of `size` and keys each group by its raw bytes. */
export function groupKeys(items: readonly RespReply[], size: 1 | 2): string[] | undefined {
  if (items.length % size !== 0) return undefined;
  const keys: string[] = [];
  for (let index = 0; index < items.length; index += size) {
    keys.push(items.slice(index, index + size).map((item) => item.raw.toString('latin1')).join(''));
  }
  return keys;
}

function countOf(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function sameMultiset(left: readonly string[], right: readonly string[]): boolean {
  if (left.length !== right.length) return false;
  const counts = countOf(left);
  for (const key of right) {
    const count = counts.get(key) ?? 0;
    if (count === 0) return false;
    counts.set(key, count - 1);
  }
  return true;
}

function compareUnordered(real: RespReply, ours: RespReply, groupSize: 1 | 2): Difference {
  const realItems = arrayItems(real);
  const ourItems = arrayItems(ours);
  if (realItems === undefined || ourItems === undefined) return rawEqual(real, ours);
  const realKeys = groupKeys(realItems, groupSize);
  const ourKeys = groupKeys(ourItems, groupSize);
  if (realKeys === undefined || ourKeys === undefined) return 'odd number of items in a reply of pairs';
  return sameMultiset(realKeys, ourKeys) ? undefined : 'different items (compared in any order)';
}

function scanParts(reply: RespReply): { readonly finished: boolean; readonly items: readonly RespReply[] } | undefined {
  const parts = arrayItems(reply);
  const cursor = parts?.[0] === undefined ? undefined : bulkBytes(parts[0]);
  const page = parts?.[1] === undefined ? undefined : arrayItems(parts[1]);
  if (parts?.length !== 2 || cursor === undefined || page === undefined) return undefined;
  return { finished: cursor.toString('latin1') === '0', items: page };
}

function compareScan(real: RespReply, ours: RespReply, groupSize: 1 | 2): Difference {
  const realScan = scanParts(real);
  const ourScan = scanParts(ours);
  if (realScan === undefined || ourScan === undefined) return rawEqual(real, ours);
  if (realScan.finished !== ourScan.finished) return `the scan finished on one side only (real: ${realScan.finished}, ours: ${ourScan.finished})`;
  if (!realScan.finished) return undefined;
  const realKeys = new Set(groupKeys(realScan.items, groupSize));
  const ourKeys = new Set(groupKeys(ourScan.items, groupSize));
  const same = realKeys.size === ourKeys.size && [...realKeys].every((key) => ourKeys.has(key));
  return same ? undefined : 'a full scan returned different items (compared as sets)';
}

function compareNear(real: RespReply, ours: RespReply, tolerance: bigint): Difference {
  if (real.kind !== 'integer' || ours.kind !== 'integer' || real.value < 0n || ours.value < 0n) return rawEqual(real, ours);
  const distance = real.value > ours.value ? real.value - ours.value : ours.value - real.value;
  return distance <= tolerance ? undefined : `the values are ${distance} apart (tolerance ${tolerance})`;
}

function poolKeys(pool: RespReply | undefined, shape: SampleShape): string[] | undefined {
  const poolItems = pool === undefined ? undefined : arrayItems(pool);
  const items = poolItems === undefined ? undefined : flattenPairs(poolItems);
  if (items === undefined) return undefined;
  if (shape.poolGroupSize === shape.replyGroupSize) return groupKeys(items, shape.poolGroupSize);
  return items.filter((_, index) => index % 2 === 0).map((item) => item.raw.toString('latin1'));
}

function compareSingleSample(real: RespReply, ours: RespReply, allowed: readonly string[] | undefined): Difference {
  if (real.kind !== 'bulk' || ours.kind !== 'bulk') return rawEqual(real, ours);
  if ((real.value === null) !== (ours.value === null)) return 'one side picked nothing';
  if (ours.value === null || allowed === undefined) return undefined;
  return allowed.includes(ours.raw.toString('latin1')) ? undefined : 'ours picked an item that was not in the collection';
}

function compareManySamples(real: RespReply, ours: RespReply, shape: SampleShape, allowed: readonly string[] | undefined): Difference {
  const realArray = arrayItems(real);
  const ourArray = arrayItems(ours);
  if (realArray === undefined || ourArray === undefined) return rawEqual(real, ours);
  if (real.raw[0] !== ours.raw[0]) return 'different reply types';
  const realItems = shape.replyGroupSize === 2 ? flattenPairs(realArray) : realArray;
  const ourItems = shape.replyGroupSize === 2 ? flattenPairs(ourArray) : ourArray;
  if (realItems.length !== ourItems.length) return `picked ${ourItems.length} items, Redis ${realItems.length}`;
  const picked = groupKeys(ourItems, shape.replyGroupSize);
  if (picked === undefined) return 'odd number of items in a reply of pairs';
  if (shape.distinct && new Set(picked).size !== picked.length) return 'ours picked an item twice where picks must be distinct';
  if (allowed !== undefined && !picked.every((key) => allowed.includes(key))) return 'ours picked an item that was not in the collection';
  return undefined;
}

/** SPOP: what was there before is what is left plus what was popped. */
function compareRemoval(ours: RespReply, pool: SamplePool): Difference {
  const before = pool.before === undefined ? undefined : arrayItems(pool.before);
  const after = pool.after === undefined ? undefined : arrayItems(pool.after);
  if (before === undefined || after === undefined) return undefined;
  const popped = ours.kind === 'bulk' ? (ours.value === null ? [] : [ours]) : (arrayItems(ours) ?? []);
  const accounted = [...after, ...popped].map((item) => item.raw.toString('latin1'));
  return sameMultiset(before.map((item) => item.raw.toString('latin1')), accounted) ? undefined : 'SPOP: members before != members after + popped';
}

function compareSample(real: RespReply, ours: RespReply, shape: SampleShape, pool: SamplePool): Difference {
  if (real.kind === 'error' || ours.kind === 'error') return rawEqual(real, ours);
  const allowed = poolKeys(pool.before, shape);
  const difference = shape.single ? compareSingleSample(real, ours, allowed) : compareManySamples(real, ours, shape, allowed);
  if (difference !== undefined || !shape.removes) return difference;
  return compareRemoval(ours, pool);
}

/** HELLO's reply is a map (a flat array in RESP2) whose `id` value is each server's own client id. */
function compareHello(real: RespReply, ours: RespReply): Difference {
  const realItems = arrayItems(real);
  const ourItems = arrayItems(ours);
  if (realItems === undefined || ourItems === undefined || realItems.length !== ourItems.length) return rawEqual(real, ours);
  if (real.raw[0] !== ours.raw[0]) return 'different reply types';
  for (let index = 0; index < realItems.length; index++) {
    const isIdValue = index % 2 === 1 && bulkBytes(realItems[index - 1] as RespReply)?.toString('latin1') === 'id';
    if (isIdValue) continue;
    if (!(realItems[index] as RespReply).raw.equals((ourItems[index] as RespReply).raw)) return `HELLO's item #${index} differs`;
  }
  return undefined;
}

/** Judges two replies to one command under its rule. Error replies always compare exactly. */
export function compareReplies(rule: ReplyRule, real: RespReply, ours: RespReply, pool: SamplePool): Difference {
  if (real.kind === 'error' || ours.kind === 'error') return rawEqual(real, ours);
  switch (rule.kind) {
    case 'exact':
      return rawEqual(real, ours);
    case 'unordered':
      return compareUnordered(real, ours, rule.groupSize);
    case 'scan':
      return rule.compact ? rawEqual(real, ours) : compareScan(real, ours, rule.groupSize);
    case 'near':
      return compareNear(real, ours, rule.tolerance);
    case 'same-kind':
      return real.kind === ours.kind ? undefined : 'different reply types';
    case 'sample':
      return compareSample(real, ours, rule.sample, pool);
    case 'hello':
      return compareHello(real, ours);
  }
}
