import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getPositiveLongOrReply, getRangeLongOrReply, LLONG_MAX } from '../../types/number-parsing.js';
import { SetValue } from '../../types/set.js';
import { lookupSetRead, replyEmptySet, stepsOf, storeOrDeleteDestination } from './sets-shared.js';

/** Looks every key up in order; undefined (after replying WRONGTYPE) when one is not a set. */
function lookupSets(ctx: CommandContext, keys: readonly Buffer[]): (SetValue | undefined)[] | undefined {
  const sets: (SetValue | undefined)[] = [];
  for (const key of keys) {
    const set = lookupSetRead(ctx, key);
    if (set === WRONG_TYPE) return undefined;
    sets.push(set);
  }
  return sets;
}

type IntersectionOutput = { readonly kind: 'reply' } | { readonly kind: 'store'; readonly destination: Buffer } | { readonly kind: 'cardinality'; readonly limit: number };

/** sinterGenericCommand: SINTER, SMEMBERS, SINTERSTORE, SINTERCARD. */
function intersect(ctx: CommandContext, keys: readonly Buffer[], output: IntersectionOutput): void {
  const found = lookupSets(ctx, keys);
  if (found === undefined) return;
  if (found.some((set) => set === undefined)) {
    replyEmptyIntersection(ctx, output);
    return;
  }
  const sets = (found as SetValue[]).slice().sort((left, right) => left.size() - right.size());
  const smallest = sets[0] as SetValue;
  const step = stepsOf(ctx);
  const isInAllOthers = (member: Buffer): boolean => sets.every((other) => other === smallest || other.has(member, step));
  if (output.kind === 'cardinality') {
    let cardinality = 0;
    for (const member of smallest.members()) {
      if (!isInAllOthers(member)) continue;
      cardinality++;
      if (output.limit > 0 && cardinality >= output.limit) break;
    }
    ctx.reply.integer(cardinality);
    return;
  }
  const result = new SetValue();
  const replied = output.kind === 'reply' ? ctx.reply.deferredSet() : undefined;
  let cardinality = 0;
  for (const member of smallest.members()) {
    if (!isInAllOthers(member)) continue;
    if (replied !== undefined) ctx.reply.bulk(member);
    else result.add(member, ctx.encodingConfig, step);
    cardinality++;
  }
  if (replied !== undefined) replied.set(cardinality);
  else if (output.kind === 'store') storeOrDeleteDestination(ctx, output.destination, result, result.size());
}

function replyEmptyIntersection(ctx: CommandContext, output: IntersectionOutput): void {
  if (output.kind === 'store') {
    storeOrDeleteDestination(ctx, output.destination, new SetValue(), 0);
    return;
  }
  if (output.kind === 'cardinality') ctx.reply.integer(0);
  else replyEmptySet(ctx);
}

/** SINTER key [key ...] (also SMEMBERS key, as in Redis 7.0) */
export function sinterCommand(ctx: CommandContext): void {
  intersect(ctx, ctx.argv.slice(1), { kind: 'reply' });
}

/** SINTERSTORE destination key [key ...] */
export function sinterstoreCommand(ctx: CommandContext): void {
  intersect(ctx, ctx.argv.slice(2), { kind: 'store', destination: ctx.argv[1] as Buffer });
}

/** SINTERCARD numkeys key [key ...] [LIMIT limit] */
export function sintercardCommand(ctx: CommandContext): void {
  const numkeys = getRangeLongOrReply(ctx.reply, ctx.argv[1] as Buffer, 1n, LLONG_MAX, 'ERR numkeys should be greater than 0');
  if (numkeys === undefined) return;
  if (numkeys > ctx.argv.length - 2) {
    ctx.reply.error("ERR Number of keys can't be greater than number of args");
    return;
  }
  let limit = 0;
  for (let index = 2 + numkeys; index < ctx.argv.length; index++) {
    const option = (ctx.argv[index] as Buffer).toString('latin1').toLowerCase();
    const moreArguments = ctx.argv.length - 1 - index;
    if (option !== 'limit' || moreArguments === 0) {
      ctx.reply.error(errors.syntax);
      return;
    }
    index++;
    const parsed = getPositiveLongOrReply(ctx.reply, ctx.argv[index] as Buffer, "ERR LIMIT can't be negative");
    if (parsed === undefined) return;
    limit = parsed;
  }
  intersect(ctx, ctx.argv.slice(2, 2 + numkeys), { kind: 'cardinality', limit });
}

type UnionOrDiff = 'union' | 'diff';

/** sunionDiffGenericCommand: the result set, built from an empty intset as Redis does. */
export function unionOrDifference(ctx: CommandContext, sets: readonly (SetValue | undefined)[], operation: UnionOrDiff): SetValue {
  const result = new SetValue();
  const step = stepsOf(ctx);
  const first = sets[0];
  if (operation === 'union') {
    for (const set of sets) {
      if (set === undefined) continue;
      for (const member of set.members()) result.add(member, ctx.encodingConfig, step);
    }
    return result;
  }
  if (first === undefined || sets.slice(1).includes(first)) return result;
  const others = sets.slice(1).filter((set): set is SetValue => set !== undefined);
  if (chooseDiffAlgorithm(first, others) === 1) {
    others.sort((left, right) => right.size() - left.size());
    for (const member of first.members()) {
      if (!others.some((other) => other.has(member, step))) result.add(member, ctx.encodingConfig, step);
    }
    return result;
  }
  for (const member of first.members()) result.add(member, ctx.encodingConfig, step);
  for (const other of others) {
    if (result.size() === 0) break;
    for (const member of other.members()) {
      result.remove(member, step);
      if (result.size() === 0) break;
    }
  }
  return result;
}

/** Algorithm 1 (probe each member of the first set) costs N*M/2; algorithm 2 (add then remove) the sum of sizes. */
function chooseDiffAlgorithm(first: SetValue, others: readonly SetValue[]): 1 | 2 {
  const algorithmOneWork = Math.floor((first.size() * (others.length + 1)) / 2);
  const algorithmTwoWork = others.reduce((sum, set) => sum + set.size(), first.size());
  return algorithmOneWork <= algorithmTwoWork ? 1 : 2;
}

function unionOrDifferenceCommand(ctx: CommandContext, keys: readonly Buffer[], operation: UnionOrDiff, destination?: Buffer): void {
  const sets = lookupSets(ctx, keys);
  if (sets === undefined) return;
  const result = unionOrDifference(ctx, sets, operation);
  if (destination !== undefined) {
    storeOrDeleteDestination(ctx, destination, result, result.size());
    return;
  }
  ctx.reply.setHeader(result.size());
  for (const member of result.members()) ctx.reply.bulk(member);
}

/** SUNION key [key ...] */
export function sunionCommand(ctx: CommandContext): void {
  unionOrDifferenceCommand(ctx, ctx.argv.slice(1), 'union');
}

/** SUNIONSTORE destination key [key ...] */
export function sunionstoreCommand(ctx: CommandContext): void {
  unionOrDifferenceCommand(ctx, ctx.argv.slice(2), 'union', ctx.argv[1] as Buffer);
}

/** SDIFF key [key ...] */
export function sdiffCommand(ctx: CommandContext): void {
  unionOrDifferenceCommand(ctx, ctx.argv.slice(1), 'diff');
}

/** SDIFFSTORE destination key [key ...] */
export function sdiffstoreCommand(ctx: CommandContext): void {
  unionOrDifferenceCommand(ctx, ctx.argv.slice(2), 'diff', ctx.argv[1] as Buffer);
}
