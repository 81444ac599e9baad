import type { CommandContext } from '../command.js';
import { lookupReadOfType, lookupWriteOfType, WRONG_TYPE, type WrongType } from '../command.js';
import type { ReplyWriter } from '../../protocol/reply-writer.js';
import { parseStreamId, streamIdText, type StreamId } from '../../types/stream-id.js';
import { StreamValue, type StreamNodeLimits } from '../../types/stream.js';

export const invalidStreamId = 'ERR Invalid stream ID specified as stream command argument';

/** streamParseIDOrReply (strict: streamParseStrictIDOrReply). */
export function parseStreamIdOrReply(ctx: CommandContext, argument: Buffer, missingSeq: bigint, strict = false): StreamId | undefined {
  const parsed = parseStreamId(argument, missingSeq, { strict });
  if (parsed === undefined) {
    ctx.reply.error(invalidStreamId);
    return undefined;
  }
  return parsed.id;
}

export function lookupStreamRead(ctx: CommandContext, key: Buffer): StreamValue | undefined | WrongType {
  const found = lookupReadOfType(ctx, key, 'stream');
  return found === WRONG_TYPE || found === undefined ? found : (found as StreamValue);
}

export function lookupStreamWrite(ctx: CommandContext, key: Buffer): StreamValue | undefined | WrongType {
  const found = lookupWriteOfType(ctx, key, 'stream');
  return found === WRONG_TYPE || found === undefined ? found : (found as StreamValue);
}

export function streamNodeLimits(ctx: CommandContext): StreamNodeLimits {
  return { maxEntries: ctx.encodingConfig.streamNodeMaxEntries ?? 100, maxBytes: ctx.encodingConfig.streamNodeMaxBytes ?? 4096 };
}

export function idBuffer(id: StreamId): Buffer {
  return Buffer.from(streamIdText(id), 'latin1');
}

/** One entry as `[id, [field, value, ...]]` (RESP3 too: Redis keeps arrays here). */
export function replyEntry(reply: ReplyWriter, id: StreamId, fields: readonly Buffer[]): void {
  reply.arrayHeader(2);
  reply.bulk(streamIdText(id));
  reply.bulkArray(fields);
}

/** A missing `ID` in the PEL: the entry was deleted, so `[id, nil]`. */
export function replyDeletedEntry(reply: ReplyWriter, id: StreamId): void {
  reply.arrayHeader(2);
  reply.bulk(streamIdText(id));
  reply.nullArray();
}

/** An argument as `%s` prints it in addReplyErrorFormat: up to its first NUL byte. */
export function cText(argument: Buffer): string {
  const end = argument.indexOf(0);
  return (end === -1 ? argument : argument.subarray(0, end)).toString('latin1');
}

/** NOGROUP error for a missing key or group, as XPENDING/XCLAIM/XAUTOCLAIM word it. */
export function noGroupError(key: Buffer, group: Buffer): string {
  return `NOGROUP No such key '${cText(key)}' or consumer group '${cText(group)}'`;
}
