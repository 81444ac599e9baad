/** HRANDFIELD key [count [WITHVALUES]] (t_hash.c hrandfieldCommand). */
import type { Prng } from '../../../core/prng.js';
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import type { HashEntry, HashValue } from '../../types/hash.js';
import { getLongLongOrReply, LLONG_MAX } from '../../types/number-parsing.js';
import { argumentAt, lookupHashRead, stepsOf } from './hashes-shared.js';

/** HRANDFIELD_SUB_STRATEGY_MUL: below this ratio of size to count, pick by removing from a copy. */
const SUB_STRATEGY_MULTIPLIER = 3;

/**
 * The most picks one HRANDFIELD with a negative count may ask for. Redis
 * streams any number into the client's output buffer (until memory runs
 * out); redsim refuses beyond this with an error instead of exhausting the
 * harness's memory.
 */
export const hrandfieldPicksMax = 1 << 24;

/** RESP2 flattens WITHVALUES into field, value, ...; RESP3 nests [field, value] pairs. */
function replyEntries(ctx: CommandContext, entries: readonly HashEntry[], withValues: boolean): void {
  const nested = withValues && ctx.reply.protocolVersion === 3;
  ctx.reply.arrayHeader(entries.length * (withValues && !nested ? 2 : 1));
  for (const entry of entries) {
    if (nested) ctx.reply.arrayHeader(2);
    ctx.reply.bulk(entry.field);
    if (withValues) ctx.reply.bulk(entry.value);
  }
}

/** CASE 1: `count` independent picks (repeats allowed), in pick order. */
function randomEntriesWithRepeats(ctx: CommandContext, hash: HashValue, count: number): HashEntry[] {
  const picks: HashEntry[] = [];
  if (hash.encoding() === 'listpack') {
    const entries = hash.entryList();
    for (let pick = 0; pick < count; pick++) picks.push(entries[ctx.rng.int(entries.length)] as HashEntry);
    ctx.step(entries.length + count);
    return picks;
  }
  for (let pick = 0; pick < count; pick++) picks.push(hash.randomEntry(ctx.rng, stepsOf(ctx)));
  return picks;
}

/** CASE 3: a copy of every entry, random ones removed until `count` remain (the survivors keep their order). */
function entriesBySubtraction(entries: HashEntry[], count: number, rng: Prng): HashEntry[] {
  const doomed = new Set<number>();
  while (entries.length - doomed.size > count) doomed.add(rng.int(entries.length));
  return entries.filter((_, index) => !doomed.has(index));
}

/** lpRandomPairsUnique: selection sampling, which keeps the listpack order. */
function entriesBySelection(entries: readonly HashEntry[], count: number, rng: Prng): HashEntry[] {
  const chosen: HashEntry[] = [];
  for (let index = 0; index < entries.length && chosen.length < count; index++) {
    const remaining = entries.length - index;
    const needed = count - chosen.length;
    if (rng.int(remaining) < needed) chosen.push(entries[index] as HashEntry);
  }
  return chosen;
}

/** CASE 4 for a hashtable: random picks until `count` distinct fields came up. */
function entriesByRejection(ctx: CommandContext, hash: HashValue, count: number): HashEntry[] {
  const seen = new Set<string>();
  const chosen: HashEntry[] = [];
  while (chosen.length < count) {
    const entry = hash.randomEntry(ctx.rng, stepsOf(ctx));
    const name = entry.field.toString('latin1');
    if (seen.has(name)) continue;
    seen.add(name);
    chosen.push(entry);
  }
  return chosen;
}

/** hrandfieldWithCountCommand: negative counts repeat, positive ones are distinct fields. */
function hrandfieldWithCount(ctx: CommandContext, requested: bigint, withValues: boolean): void {
  const hash = lookupHashRead(ctx, argumentAt(ctx, 1));
  if (hash === WRONG_TYPE) return;
  if (hash === undefined || requested === 0n) {
    ctx.reply.arrayHeader(0);
    return;
  }
  const unique = requested > 0n;
  const count = Number(unique ? requested : -requested);
  const size = hash.size();
  if (!unique || count === 1) {
    if (count > hrandfieldPicksMax) {
      ctx.reply.error(`ERR HRANDFIELD count exceeds redsim's limit of ${hrandfieldPicksMax} random picks`);
      return;
    }
    replyEntries(ctx, randomEntriesWithRepeats(ctx, hash, count), withValues);
    return;
  }
  if (count >= size) {
    ctx.step(size);
    replyEntries(ctx, hash.entryList(), withValues);
    return;
  }
  let chosen: HashEntry[];
  if (count * SUB_STRATEGY_MULTIPLIER > size) chosen = entriesBySubtraction(hash.entryList(), count, ctx.rng);
  else if (hash.encoding() === 'listpack') chosen = entriesBySelection(hash.entryList(), count, ctx.rng);
  else chosen = entriesByRejection(ctx, hash, count);
  ctx.step(chosen.length);
  replyEntries(ctx, chosen, withValues);
}

/** HRANDFIELD key [count [WITHVALUES]] */
export function hrandfieldCommand(ctx: CommandContext): void {
  if (ctx.argv.length >= 3) {
    const requested = getLongLongOrReply(ctx.reply, argumentAt(ctx, 2));
    if (requested === undefined) return;
    if (requested < -LLONG_MAX) {
      ctx.reply.error(`ERR value is out of range, value must between ${-LLONG_MAX} and ${LLONG_MAX}`);
      return;
    }
    const withValuesGiven = ctx.argv.length === 4;
    if (ctx.argv.length > 4 || (withValuesGiven && argumentAt(ctx, 3).toString('latin1').toLowerCase() !== 'withvalues')) {
      ctx.reply.error(errors.syntax);
      return;
    }
    if (withValuesGiven && (requested < -LLONG_MAX / 2n || requested > LLONG_MAX / 2n)) {
      ctx.reply.error('ERR value is out of range');
      return;
    }
    hrandfieldWithCount(ctx, requested, withValuesGiven);
    return;
  }
  const hash = lookupHashRead(ctx, argumentAt(ctx, 1));
  if (hash === WRONG_TYPE) return;
  ctx.reply.bulk(hash === undefined ? null : hash.randomEntry(ctx.rng, stepsOf(ctx)).field);
}
