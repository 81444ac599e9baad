/** LMOVE and RPOPLPUSH (t_list.c lmoveGenericCommand), plus the move BLMOVE shares. */
import { assert } from '../../../core/assert.js';
import { WRONG_TYPE, type CommandContext } from '../command.js';
import type { ListEnd, ListValue } from '../../types/list.js';
import { argumentAt, listForPush, listPushed, lookupListWrite, notifyListPopped, parseListEndOrReply } from './lists-shared.js';

/** Where an element goes: from one end of the source to one end of the destination. */
export interface MoveRequest {
  readonly source: Buffer;
  readonly destination: Buffer;
  readonly from: ListEnd;
  readonly to: ListEnd;
}

/**
 * Pops from `sourceList` and pushes onto the destination (created when
 * missing; `destinationList` was looked up and type-checked before the pop,
 * as Redis does), replies the element and deletes an emptied source. WATCH
 * on the destination is signalled; the source is the caller's business.
 */
export function moveElementAndReply(ctx: CommandContext, request: MoveRequest, sourceList: ListValue, destinationList: ListValue | undefined): void {
  const element = sourceList.pop(request.from);
  assert(element !== undefined, 'a move needs a non-empty source');
  const target = listForPush(ctx, request.destination, destinationList);
  listPushed(ctx, request.destination);
  target.push(element, request.to);
  ctx.notifyKeyspaceEvent('list', request.to === 'head' ? 'lpush' : 'rpush', request.destination);
  ctx.step(2);
  ctx.reply.bulk(element);
  const emptied = sourceList.length() === 0;
  if (emptied) ctx.db.delete(request.source);
  notifyListPopped(ctx, request.source, request.from, emptied);
}

/**
 * lmoveGenericCommand: nil for a missing source, WRONGTYPE for a source or
 * destination of another type. Returns true when an element moved.
 */
export function lmoveGeneric(ctx: CommandContext, request: MoveRequest): boolean {
  const sourceList = lookupListWrite(ctx, request.source);
  if (sourceList === WRONG_TYPE) return false;
  if (sourceList === undefined || sourceList.length() === 0) {
    ctx.reply.nullBulk();
    return false;
  }
  const destinationList = lookupListWrite(ctx, request.destination);
  if (destinationList === WRONG_TYPE) return false;
  moveElementAndReply(ctx, request, sourceList, destinationList);
  ctx.keyModified(request.source);
  ctx.dirty();
  return true;
}

/** The LEFT|RIGHT arguments at argv[3] and argv[4]. */
export function parseMoveEndsOrReply(ctx: CommandContext): MoveRequest | undefined {
  const from = parseListEndOrReply(ctx, argumentAt(ctx, 3));
  if (from === undefined) return undefined;
  const to = parseListEndOrReply(ctx, argumentAt(ctx, 4));
  if (to === undefined) return undefined;
  return { source: argumentAt(ctx, 1), destination: argumentAt(ctx, 2), from, to };
}

/** LMOVE source destination LEFT|RIGHT LEFT|RIGHT */
export function lmoveCommand(ctx: CommandContext): void {
  const request = parseMoveEndsOrReply(ctx);
  if (request === undefined) return;
  lmoveGeneric(ctx, request);
}

/** RPOPLPUSH source destination */
export function rpoplpushCommand(ctx: CommandContext): void {
  lmoveGeneric(ctx, { source: argumentAt(ctx, 1), destination: argumentAt(ctx, 2), from: 'tail', to: 'head' });
}
