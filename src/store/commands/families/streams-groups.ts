import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { argIs, replyHelp, replySubcommandSyntaxError } from '../../server/commands/spec.js';
import { getLongLongOrReply } from '../../types/number-parsing.js';
import { compareStreamIds, isZeroStreamId, STREAM_ID_MIN, type StreamId } from '../../types/stream-id.js';
import type { ConsumerGroup } from '../../types/stream-group.js';
import { StreamValue } from '../../types/stream.js';
import { cText, lookupStreamWrite, parseStreamIdOrReply } from './streams-shared.js';

const XGROUP_HELP = [
  'CREATE <key> <groupname> <id|$> [option]',
  '    Create a new consumer group. Options are:',
  '    * MKSTREAM',
  '      Create the empty stream if it does not exist.',
  '    * ENTRIESREAD entries_read',
  "      Set the group's entries_read counter (internal use).",
  'CREATECONSUMER <key> <groupname> <consumer>',
  '    Create a new consumer in the specified group.',
  'DELCONSUMER <key> <groupname> <consumer>',
  '    Remove the specified consumer.',
  'DESTROY <key> <groupname>',
  '    Remove the specified group.',
  'SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]',
  '    Set the current group ID and entries_read counter.',
];

interface GroupOptions {
  makeStream: boolean;
  entriesRead: number;
}

/** The option loop of xgroupCommand (from argv[5]). */
function parseGroupOptions(ctx: CommandContext, create: boolean): GroupOptions | undefined {
  const options: GroupOptions = { makeStream: false, entriesRead: -1 };
  for (let index = 5; index < ctx.argv.length; ) {
    if (create && argIs(ctx, index, 'mkstream')) {
      options.makeStream = true;
      index++;
    } else if (argIs(ctx, index, 'entriesread') && index + 1 < ctx.argv.length) {
      const value = getLongLongOrReply(ctx.reply, ctx.argv[index + 1] as Buffer);
      if (value === undefined) return undefined;
      if (value < 0n && value !== -1n) {
        ctx.reply.error('ERR value for ENTRIESREAD must be positive or -1');
        return undefined;
      }
      options.entriesRead = Number(value);
      index += 2;
    } else {
      replySubcommandSyntaxError(ctx);
      return undefined;
    }
  }
  return options;
}

/** The stream and group the subcommand works on, with the errors xgroupCommand gives. */
function lookupTarget(ctx: CommandContext, options: GroupOptions, groupRequired: boolean): { stream: StreamValue | undefined; group: ConsumerGroup | undefined } | undefined {
  const key = ctx.argv[2] as Buffer;
  const found = lookupStreamWrite(ctx, key);
  if (found === WRONG_TYPE) return undefined;
  if (options.makeStream) return { stream: found, group: found?.group(ctx.argv[3] as Buffer) };
  if (found === undefined) {
    ctx.reply.error('ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.');
    return undefined;
  }
  const group = found.group(ctx.argv[3] as Buffer);
  if (group === undefined && groupRequired) {
    ctx.reply.error(`NOGROUP No such consumer group '${cText(ctx.argv[3] as Buffer)}' for key name '${cText(key)}'`);
    return undefined;
  }
  return { stream: found, group };
}

function groupIdOrReply(ctx: CommandContext, stream: StreamValue | undefined, strict: boolean): StreamId | undefined {
  const argument = ctx.argv[4] as Buffer;
  if (argument.toString('latin1') === '$') return stream?.lastId ?? STREAM_ID_MIN;
  return parseStreamIdOrReply(ctx, argument, 0n, strict);
}

/** XGROUP CREATE key group id|$ [MKSTREAM] [ENTRIESREAD n] */
export function xgroupCreateCommand(ctx: CommandContext): void {
  const options = parseGroupOptions(ctx, true);
  if (options === undefined) return;
  const target = lookupTarget(ctx, options, false);
  if (target === undefined) return;
  if (ctx.argv.length > 8) return replySubcommandSyntaxError(ctx);
  const id = groupIdOrReply(ctx, target.stream, true);
  if (id === undefined) return;
  const key = ctx.argv[2] as Buffer;
  let stream = target.stream;
  if (stream === undefined) {
    stream = new StreamValue();
    ctx.db.add(key, stream);
    ctx.keyModified(key);
  }
  if (stream.createGroup(ctx.argv[3] as Buffer, id, options.entriesRead) === undefined) return ctx.reply.error('BUSYGROUP Consumer Group name already exists');
  ctx.reply.ok();
  ctx.dirty();
  ctx.notifyKeyspaceEvent('stream', 'xgroup-create', key);
}

/** XGROUP SETID key group id|$ [ENTRIESREAD n] */
export function xgroupSetidCommand(ctx: CommandContext): void {
  const options = parseGroupOptions(ctx, false);
  if (options === undefined) return;
  const target = lookupTarget(ctx, options, true);
  if (target === undefined || target.group === undefined) return;
  if (ctx.argv.length !== 5 && ctx.argv.length !== 7) return replySubcommandSyntaxError(ctx);
  const id = groupIdOrReply(ctx, target.stream, false);
  if (id === undefined) return;
  target.group.lastId = id;
  target.group.entriesRead = options.entriesRead;
  ctx.reply.ok();
  ctx.dirty();
  ctx.notifyKeyspaceEvent('stream', 'xgroup-setid', ctx.argv[2] as Buffer);
}

/** XGROUP DESTROY key group */
export function xgroupDestroyCommand(ctx: CommandContext): void {
  const target = lookupTarget(ctx, { makeStream: false, entriesRead: -1 }, false);
  if (target === undefined || target.stream === undefined) return;
  if (target.group === undefined) return ctx.reply.integer(0);
  const key = ctx.argv[2] as Buffer;
  target.stream.destroyGroup(target.group.name);
  ctx.reply.integer(1);
  ctx.dirty();
  ctx.notifyKeyspaceEvent('stream', 'xgroup-destroy', key);
  ctx.keyReady(key);
}

/** XGROUP CREATECONSUMER key group consumer */
export function xgroupCreateconsumerCommand(ctx: CommandContext): void {
  const target = lookupTarget(ctx, { makeStream: false, entriesRead: -1 }, true);
  if (target === undefined || target.group === undefined) return;
  const created = target.group.createConsumer(ctx.argv[4] as Buffer, ctx.nowMs);
  if (created !== undefined) {
    ctx.dirty();
    ctx.notifyKeyspaceEvent('stream', 'xgroup-createconsumer', ctx.argv[2] as Buffer);
  }
  ctx.reply.integer(created === undefined ? 0 : 1);
}

/** XGROUP DELCONSUMER key group consumer: the number of pending entries it had. */
export function xgroupDelconsumerCommand(ctx: CommandContext): void {
  const target = lookupTarget(ctx, { makeStream: false, entriesRead: -1 }, true);
  if (target === undefined || target.group === undefined) return;
  const consumer = target.group.consumer(ctx.argv[4] as Buffer);
  let pending = 0;
  if (consumer !== undefined) {
    pending = target.group.deleteConsumer(consumer);
    ctx.dirty();
    ctx.notifyKeyspaceEvent('stream', 'xgroup-delconsumer', ctx.argv[2] as Buffer);
  }
  ctx.reply.integer(pending);
}

export function xgroupHelpCommand(ctx: CommandContext): void {
  replyHelp(ctx, 'XGROUP', XGROUP_HELP);
}

interface SetIdOptions {
  entriesAdded: number;
  maxDeletedId: StreamId;
}

function parseSetIdOptions(ctx: CommandContext, id: StreamId): SetIdOptions | undefined {
  const options: SetIdOptions = { entriesAdded: -1, maxDeletedId: STREAM_ID_MIN };
  for (let index = 3; index < ctx.argv.length; index += 2) {
    const more = ctx.argv.length - 1 - index;
    if (argIs(ctx, index, 'entriesadded') && more > 0) {
      const value = getLongLongOrReply(ctx.reply, ctx.argv[index + 1] as Buffer);
      if (value === undefined) return undefined;
      if (value < 0n) return void ctx.reply.error('ERR entries_added must be positive');
      options.entriesAdded = Number(value);
    } else if (argIs(ctx, index, 'maxdeletedid') && more > 0) {
      const maxDeletedId = parseStreamIdOrReply(ctx, ctx.argv[index + 1] as Buffer, 0n, true);
      if (maxDeletedId === undefined) return undefined;
      if (compareStreamIds(id, maxDeletedId) < 0) return void ctx.reply.error('ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id');
      options.maxDeletedId = maxDeletedId;
    } else return void ctx.reply.error(errors.syntax);
  }
  return options;
}

/** XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id] */
export function xsetidCommand(ctx: CommandContext): void {
  const id = parseStreamIdOrReply(ctx, ctx.argv[2] as Buffer, 0n, true);
  if (id === undefined) return;
  const options = parseSetIdOptions(ctx, id);
  if (options === undefined) return;
  const key = ctx.argv[1] as Buffer;
  const stream = lookupStreamWrite(ctx, key);
  if (stream === WRONG_TYPE) return;
  if (stream === undefined) return ctx.reply.error(errors.noKey);
  const lastValid = stream.entries.last();
  if (lastValid !== undefined) {
    if (compareStreamIds(id, lastValid) < 0) return ctx.reply.error('ERR The ID specified in XSETID is smaller than the target stream top item');
    if (options.entriesAdded !== -1 && stream.length() > options.entriesAdded) return ctx.reply.error('ERR The entries_added specified in XSETID is smaller than the target stream length');
  }
  stream.lastId = id;
  if (options.entriesAdded !== -1) stream.entriesAdded = options.entriesAdded;
  if (!isZeroStreamId(options.maxDeletedId)) stream.maxDeletedEntryId = options.maxDeletedId;
  ctx.reply.ok();
  ctx.dirty();
  ctx.notifyKeyspaceEvent('stream', 'xsetid', key);
}
