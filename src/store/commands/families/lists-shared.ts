/** Lookups, argument parsing and bookkeeping shared by the list commands (t_list.c). */
import { assertDefined } from '../../../core/assert.js';
import { lookupReadOfType, lookupWriteOfType, WRONG_TYPE, type CommandContext, type WrongType } from '../command.js';
import { errors } from '../errors.js';
import { replyListRangeEncoded } from './lists-range-reply.js';
import { asListValue, ListValue, type ListEnd } from '../../types/list.js';

/** `argv[index]`, which the arity check guarantees. */
export function argumentAt(ctx: CommandContext, index: number): Buffer {
  return assertDefined(ctx.argv[index], 'the arity check guarantees the argument');
}

/** lookupKeyRead + checkType(OBJ_LIST); WRONGTYPE is already replied when it returns WRONG_TYPE. */
export function lookupListRead(ctx: CommandContext, key: Buffer): ListValue | undefined | WrongType {
  const found = lookupReadOfType(ctx, key, 'list');
  return found === WRONG_TYPE || found === undefined ? found : asListValue(found);
}

/** lookupKeyWrite + checkType(OBJ_LIST). */
export function lookupListWrite(ctx: CommandContext, key: Buffer): ListValue | undefined | WrongType {
  const found = lookupWriteOfType(ctx, key, 'list');
  return found === WRONG_TYPE || found === undefined ? found : asListValue(found);
}

/** getListPositionFromObjectOrReply: LEFT → head, RIGHT → tail, else a syntax error. */
export function parseListEndOrReply(ctx: CommandContext, argument: Buffer): ListEnd | undefined {
  const word = argument.toString('latin1').toLowerCase();
  if (word === 'left') return 'head';
  if (word === 'right') return 'tail';
  ctx.reply.error(errors.syntax);
  return undefined;
}

/** getStringObjectFromListPosition: the lowercase word Redis propagates for a served BLMOVE. */
export function listEndWord(end: ListEnd): string {
  return end === 'head' ? 'left' : 'right';
}

/** LPOP / RPOP as a command name for propagation. */
export function popCommandName(end: ListEnd): string {
  return end === 'head' ? 'LPOP' : 'RPOP';
}

/** The list under `key`, created empty when missing (dbAdd signals the key as ready for blocked clients). */
export function listForPush(ctx: CommandContext, key: Buffer, existing: ListValue | undefined): ListValue {
  if (existing !== undefined) return existing;
  const list = new ListValue();
  ctx.db.add(key, list);
  return list;
}

/** After pushes onto `key`: WATCH and blocked clients learn of it. */
export function listPushed(ctx: CommandContext, key: Buffer): void {
  ctx.keyModified(key);
  ctx.keyReady(key);
}

/**
 * listElementsRemoved: an emptied list is deleted; WATCH is signalled and
 * `count` removals make the dataset dirty.
 */
export function listElementsRemoved(ctx: CommandContext, key: Buffer, list: ListValue, count: number): boolean {
  const deleted = list.length() === 0;
  if (deleted) ctx.db.delete(key);
  ctx.keyModified(key);
  ctx.dirty(count);
  return deleted;
}

/** The LPOP / RPOP event of a removal at `end`, then `del` when the list went away (t_list.c). */
export function notifyListPopped(ctx: CommandContext, key: Buffer, end: ListEnd, deleted: boolean): void {
  ctx.notifyKeyspaceEvent('list', end === 'head' ? 'lpop' : 'rpop', key);
  if (deleted) ctx.notifyKeyspaceEvent('generic', 'del', key);
}

/** Converts Redis's (start, end) with negative indexes into clamped 0-based bounds, or undefined when empty. */
export function clampRange(start: number, end: number, length: number): { start: number; end: number } | undefined {
  let first = start < 0 ? length + start : start;
  let last = end < 0 ? length + end : end;
  if (first < 0) first = 0;
  if (first > last || first >= length) return undefined;
  if (last >= length) last = length - 1;
  return { start: first, end: last };
}

/** addListRangeReply: the elements of positions [start, end], optionally tail to head. */
export function replyListRange(ctx: CommandContext, list: ListValue, start: number, end: number, reverse: boolean): void {
  const range = clampRange(start, end, list.length());
  if (range === undefined) {
    ctx.reply.arrayHeader(0);
    return;
  }
  ctx.step(range.end - range.start + 1);
  if (!reverse) {
    replyListRangeEncoded(ctx.reply, list, range.start, range.end);
    return;
  }
  ctx.reply.bulkArray(list.range(range.start, range.end).reverse());
}

/**
 * The key positions of LMPOP/BLMPOP (numkeys at `numkeysIndex`, the keys
 * right after it); none when numkeys is not a usable count.
 */
export function keysAfterNumkeys(numkeysIndex: number): (argv: readonly Buffer[]) => number[] {
  return (argv) => {
    const numkeys = Number.parseInt((argv[numkeysIndex] ?? Buffer.alloc(0)).toString('latin1'), 10);
    const firstKey = numkeysIndex + 1;
    if (!Number.isInteger(numkeys) || numkeys < 1 || numkeys > argv.length - firstKey) return [];
    return Array.from({ length: numkeys }, (_, index) => firstKey + index);
  };
}
