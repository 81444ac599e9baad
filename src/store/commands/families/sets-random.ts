import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getPositiveLongOrReply, getRangeLongOrReply, LLONG_MAX } from '../../types/number-parsing.js';
import { createSetFromMembers, SetValue } from '../../types/set.js';
import { lookupSetRead, lookupSetWrite, replyEmptyArray, replyEmptySet, stepsOf } from './sets-shared.js';

/** SPOP_MOVE_STRATEGY_MUL */
const SPOP_MOVE_STRATEGY_MUL = 5;
/** SRANDMEMBER_SUB_STRATEGY_MUL */
const SRANDMEMBER_SUB_STRATEGY_MUL = 3;
/**
 * Redis would build a reply of any size for a huge negative SRANDMEMBER /
 * ZRANDMEMBER count; redsim refuses beyond this many elements (a documented deviation).
 */
export const RANDOM_REPLY_COUNT_MAX = 10_000_000;
export const RANDOM_REPLY_TOO_LARGE = `ERR count is out of range for redsim (at most ${RANDOM_REPLY_COUNT_MAX} elements)`;

/** SPOP key [count]: without count one member, propagated as SREM. */
export function spopCommand(ctx: CommandContext): void {
  if (ctx.argv.length === 3) {
    spopWithCount(ctx);
    return;
  }
  if (ctx.argv.length > 3) {
    ctx.reply.error(errors.syntax);
    return;
  }
  const key = ctx.argv[1] as Buffer;
  const set = lookupSetWrite(ctx, key);
  if (set === WRONG_TYPE) return;
  if (set === undefined) {
    ctx.reply.nullBulk();
    return;
  }
  const step = stepsOf(ctx);
  const member = set.randomMember(ctx.rng, step);
  set.remove(member, step);
  ctx.notifyKeyspaceEvent('set', 'spop', key);
  ctx.propagateAs(['SREM', key, member]);
  ctx.reply.bulk(member);
  if (set.size() === 0) {
    ctx.db.delete(key);
    ctx.notifyKeyspaceEvent('generic', 'del', key);
  }
  ctx.keyModified(key);
  ctx.dirty();
}

/** spopWithCountCommand: the three cases of t_set.c and their propagation (DEL, or one SREM per member). */
function spopWithCount(ctx: CommandContext): void {
  const count = getPositiveLongOrReply(ctx.reply, ctx.argv[2] as Buffer);
  if (count === undefined) return;
  const key = ctx.argv[1] as Buffer;
  const set = lookupSetWrite(ctx, key);
  if (set === WRONG_TYPE) return;
  if (set === undefined || count === 0) {
    replyEmptySet(ctx);
    return;
  }
  const size = set.size();
  ctx.notifyKeyspaceEvent('set', 'spop', key);
  ctx.dirty(Math.min(count, size));
  if (count >= size) {
    const whole = createSetFromMembers(set.members(), ctx.encodingConfig);
    ctx.step(size);
    ctx.reply.setHeader(whole.size());
    for (const member of whole.members()) ctx.reply.bulk(member);
    ctx.db.delete(key);
    ctx.notifyKeyspaceEvent('generic', 'del', key);
    ctx.propagateAs(['DEL', key]);
    ctx.keyModified(key);
    return;
  }
  ctx.reply.setHeader(count);
  const popped = (size - count) * SPOP_MOVE_STRATEGY_MUL > count ? popRandomMembers(ctx, set, count) : popAllButRandomMembers(ctx, key, set, size - count);
  ctx.propagateAs(...popped.map((member) => ['SREM', key, member]));
  ctx.keyModified(key);
}

/** CASE 2: extract `count` random members one by one. */
function popRandomMembers(ctx: CommandContext, set: SetValue, count: number): Buffer[] {
  const step = stepsOf(ctx);
  const popped: Buffer[] = [];
  for (let left = count; left > 0; left--) {
    const member = set.randomMember(ctx.rng, step);
    ctx.reply.bulk(member);
    set.remove(member, step);
    popped.push(member);
  }
  return popped;
}

/** CASE 3: move `remaining` random members to a new set, reply the rest, keep the new set. */
function popAllButRandomMembers(ctx: CommandContext, key: Buffer, set: SetValue, remaining: number): Buffer[] {
  const step = stepsOf(ctx);
  const kept = new SetValue();
  for (let left = remaining; left > 0; left--) {
    const member = set.randomMember(ctx.rng, step);
    kept.add(member, ctx.encodingConfig, step);
    set.remove(member, step);
  }
  const popped: Buffer[] = [];
  for (const member of set.members()) {
    ctx.reply.bulk(member);
    popped.push(member);
  }
  ctx.step(popped.length);
  ctx.db.overwrite(key, kept);
  return popped;
}

/** SRANDMEMBER key [count] */
export function srandmemberCommand(ctx: CommandContext): void {
  if (ctx.argv.length === 3) {
    srandmemberWithCount(ctx);
    return;
  }
  if (ctx.argv.length > 3) {
    ctx.reply.error(errors.syntax);
    return;
  }
  const set = lookupSetRead(ctx, ctx.argv[1] as Buffer);
  if (set === WRONG_TYPE) return;
  if (set === undefined) ctx.reply.nullBulk();
  else ctx.reply.bulk(set.randomMember(ctx.rng, stepsOf(ctx)));
}

function srandmemberWithCount(ctx: CommandContext): void {
  const requested = getRangeLongOrReply(ctx.reply, ctx.argv[2] as Buffer, -LLONG_MAX, LLONG_MAX);
  if (requested === undefined) return;
  const set = lookupSetRead(ctx, ctx.argv[1] as Buffer);
  if (set === WRONG_TYPE) return;
  if (set === undefined || requested === 0) {
    replyEmptyArray(ctx);
    return;
  }
  const count = Math.abs(requested);
  const step = stepsOf(ctx);
  if (requested < 0 || count === 1) {
    if (count > RANDOM_REPLY_COUNT_MAX) {
      ctx.reply.error(RANDOM_REPLY_TOO_LARGE);
      return;
    }
    ctx.reply.arrayHeader(count);
    for (let left = count; left > 0; left--) ctx.reply.bulk(set.randomMember(ctx.rng, step));
    return;
  }
  const size = set.size();
  if (count >= size) {
    ctx.reply.arrayHeader(size);
    for (const member of set.members()) ctx.reply.bulk(member);
    ctx.step(size);
    return;
  }
  const chosen = count * SRANDMEMBER_SUB_STRATEGY_MUL > size ? dropRandomMembers(ctx, set, count) : pickDistinctMembers(ctx, set, count);
  ctx.reply.arrayHeader(chosen.length);
  for (const member of chosen) ctx.reply.bulk(member);
}

/** CASE 3: copy every member, then drop random ones until `count` remain. */
function dropRandomMembers(ctx: CommandContext, set: SetValue, count: number): Buffer[] {
  const members = [...set.members()];
  ctx.step(members.length);
  while (members.length > count) {
    const index = ctx.rng.int(members.length);
    members[index] = members[members.length - 1] as Buffer;
    members.pop();
    ctx.step(1);
  }
  return members;
}

/** CASE 4: draw random members until `count` distinct ones were seen. */
function pickDistinctMembers(ctx: CommandContext, set: SetValue, count: number): Buffer[] {
  const step = stepsOf(ctx);
  const chosen = new Map<string, Buffer>();
  while (chosen.size < count) {
    const member = set.randomMember(ctx.rng, step);
    chosen.set(member.toString('latin1'), member);
  }
  return [...chosen.values()];
}
