import { WRONG_TYPE, type CommandContext } from '../command.js';
import { arityError, errors } from '../errors.js';
import { getLongLongOrReply } from '../../types/number-parsing.js';
import { parseStreamId, STREAM_ID_MIN, UINT64_MAX, type StreamId } from '../../types/stream-id.js';
import { StreamValue, type StreamTrimRequest } from '../../types/stream.js';
import { idBuffer, invalidStreamId, lookupStreamWrite, streamNodeLimits } from './streams-shared.js';

/** streamAddTrimArgs as parsed from XADD / XTRIM. */
interface AddTrimArguments {
  trim: StreamTrimRequest | undefined;
  /** Index of the trim value argument (for the propagated rewrite). */
  trimArgumentIndex: number;
  noMakeStream: boolean;
  id: StreamId | undefined;
  seqGiven: boolean;
  /** Index of the ID argument (XADD). */
  idIndex: number;
}

const bothStrategies = 'ERR syntax error, MAXLEN and MINID options at the same time are not compatible';

interface TrimDraft {
  strategy: 'maxlen' | 'minid' | undefined;
  maxLength: number;
  minId: StreamId;
  approximate: boolean;
  limit: number;
  limitGiven: boolean;
}

function isWord(argument: Buffer, word: string): boolean {
  return argument.toString('latin1').toLowerCase() === word;
}

/** MAXLEN|MINID [=|~] value at index `at`; returns the index of the value, or undefined after a reply. */
function parseStrategy(ctx: CommandContext, at: number, draft: TrimDraft): number | undefined {
  const strategy = isWord(ctx.argv[at] as Buffer, 'maxlen') ? 'maxlen' : 'minid';
  if (draft.strategy !== undefined) {
    ctx.reply.error(bothStrategies);
    return undefined;
  }
  let index = at + 1;
  const more = ctx.argv.length - 1 - at;
  const next = (ctx.argv[index] as Buffer).toString('latin1');
  draft.approximate = false;
  if (more >= 2 && (next === '~' || next === '=')) {
    draft.approximate = next === '~';
    index++;
  }
  const valueArgument = ctx.argv[index] as Buffer;
  if (strategy === 'maxlen') {
    const maxLength = getLongLongOrReply(ctx.reply, valueArgument);
    if (maxLength === undefined) return undefined;
    if (maxLength < 0n) {
      ctx.reply.error('ERR The MAXLEN argument must be >= 0.');
      return undefined;
    }
    draft.maxLength = Number(maxLength);
  } else {
    const parsed = parseStreamId(valueArgument, 0n, { strict: true });
    if (parsed === undefined) {
      ctx.reply.error(invalidStreamId);
      return undefined;
    }
    draft.minId = parsed.id;
  }
  draft.strategy = strategy;
  return index;
}

/** streamParseAddOrTrimArgsOrReply */
function parseAddOrTrim(ctx: CommandContext, xadd: boolean): AddTrimArguments | undefined {
  const draft: TrimDraft = { strategy: undefined, maxLength: 0, minId: STREAM_ID_MIN, approximate: false, limit: 0, limitGiven: false };
  const result: AddTrimArguments = { trim: undefined, trimArgumentIndex: 0, noMakeStream: false, id: undefined, seqGiven: true, idIndex: ctx.argv.length };
  let index = 2;
  for (; index < ctx.argv.length; index++) {
    const argument = ctx.argv[index] as Buffer;
    const more = ctx.argv.length - 1 - index;
    if (xadd && argument.length === 1 && argument[0] === 0x2a) break;
    if ((isWord(argument, 'maxlen') || isWord(argument, 'minid')) && more > 0) {
      const valueIndex = parseStrategy(ctx, index, draft);
      if (valueIndex === undefined) return undefined;
      result.trimArgumentIndex = valueIndex;
      index = valueIndex;
    } else if (isWord(argument, 'limit') && more > 0) {
      const limit = getLongLongOrReply(ctx.reply, ctx.argv[index + 1] as Buffer);
      if (limit === undefined) return undefined;
      if (limit < 0n) {
        ctx.reply.error('ERR The LIMIT argument must be >= 0.');
        return undefined;
      }
      draft.limit = Number(limit);
      draft.limitGiven = true;
      index++;
    } else if (xadd && isWord(argument, 'nomkstream')) {
      result.noMakeStream = true;
    } else if (xadd) {
      const parsed = parseStreamId(argument, 0n, { strict: true, allowSeqStar: true });
      if (parsed === undefined) {
        ctx.reply.error(invalidStreamId);
        return undefined;
      }
      result.id = parsed.id;
      result.seqGiven = parsed.seqGiven;
      break;
    } else {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
  }
  result.idIndex = index;
  return finishTrim(ctx, xadd, draft, result);
}

function finishTrim(ctx: CommandContext, xadd: boolean, draft: TrimDraft, result: AddTrimArguments): AddTrimArguments | undefined {
  if (draft.limit > 0 && draft.strategy === undefined) {
    ctx.reply.error('ERR syntax error, LIMIT cannot be used without specifying a trimming strategy');
    return undefined;
  }
  if (!xadd && draft.strategy === undefined) {
    ctx.reply.error('ERR syntax error, XTRIM must be called with a trimming strategy');
    return undefined;
  }
  let limit = 0;
  if (!ctx.client.isMasterOrLoader) {
    if (draft.limitGiven && !draft.approximate) {
      ctx.reply.error('ERR syntax error, LIMIT cannot be used without the special ~ option');
      return undefined;
    }
    if (draft.limitGiven) limit = draft.limit;
    else if (draft.approximate) {
      const nodeMaxEntries = streamNodeLimits(ctx).maxEntries;
      limit = Math.min(1_000_000, nodeMaxEntries <= 0 ? 10_000 : 100 * nodeMaxEntries);
    }
  }
  if (draft.strategy !== undefined) result.trim = { strategy: draft.strategy, maxLength: draft.maxLength, minId: draft.minId, approximate: draft.approximate, limit };
  return result;
}

/** streamRewriteApproxSpecifier + streamRewriteTrimArgument: `~ n` propagates as `= <resulting length or first ID>`. */
function rewriteApproximateTrim(argv: (Buffer | string)[], stream: StreamValue, parsed: AddTrimArguments): void {
  if (parsed.trim === undefined || !parsed.trim.approximate) return;
  argv[parsed.trimArgumentIndex - 1] = '=';
  argv[parsed.trimArgumentIndex] = parsed.trim.strategy === 'maxlen' ? String(stream.length()) : idBuffer(stream.firstId);
}

/** XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value [field value ...] */
export function xaddCommand(ctx: CommandContext): void {
  const parsed = parseAddOrTrim(ctx, true);
  if (parsed === undefined) return;
  const fieldsIndex = parsed.idIndex + 1;
  const fieldArguments = ctx.argv.length - fieldsIndex;
  if (fieldArguments < 2 || fieldArguments % 2 === 1) {
    ctx.reply.error(arityError('xadd'));
    return;
  }
  if (parsed.id !== undefined && parsed.seqGiven && parsed.id.ms === 0n && parsed.id.seq === 0n) {
    ctx.reply.error('ERR The ID specified in XADD must be greater than 0-0');
    return;
  }
  const key = ctx.argv[1] as Buffer;
  const found = lookupStreamWrite(ctx, key);
  if (found === WRONG_TYPE) return;
  if (found === undefined && parsed.noMakeStream) {
    ctx.reply.nullBulk();
    return;
  }
  const stream = found ?? new StreamValue();
  if (stream.lastId.ms === UINT64_MAX && stream.lastId.seq === UINT64_MAX) {
    ctx.reply.error('ERR The stream has exhausted the last possible ID, unable to add more items');
    return;
  }
  const id = stream.nextId(ctx.nowMs, parsed.id, parsed.seqGiven);
  if (id === undefined) {
    ctx.reply.error('ERR The ID specified in XADD is equal or smaller than the target stream top item');
    return;
  }
  if (found === undefined) ctx.db.add(key, stream);
  stream.append(id, ctx.argv.slice(fieldsIndex).map((field) => Buffer.from(field)), streamNodeLimits(ctx));
  ctx.step(fieldArguments);
  ctx.reply.bulk(idBuffer(id));
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('stream', 'xadd', key);
  ctx.dirty();
  const propagated: (Buffer | string)[] = ctx.argv.slice();
  if (parsed.trim !== undefined) {
    if (stream.trim(parsed.trim) > 0) ctx.notifyKeyspaceEvent('stream', 'xtrim', key);
    rewriteApproximateTrim(propagated, stream, parsed);
  }
  if (parsed.id === undefined || !parsed.seqGiven) propagated[parsed.idIndex] = idBuffer(id);
  ctx.propagateAs(propagated);
  ctx.keyReady(key);
}

/** XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count] */
export function xtrimCommand(ctx: CommandContext): void {
  const key = ctx.argv[1] as Buffer;
  const parsed = parseAddOrTrim(ctx, false);
  if (parsed === undefined) return;
  const found = lookupStreamWrite(ctx, key);
  if (found === WRONG_TYPE) return;
  if (found === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const trim = parsed.trim;
  if (trim === undefined) return;
  const deleted = found.trim(trim);
  ctx.step(deleted);
  if (deleted > 0) {
    ctx.notifyKeyspaceEvent('stream', 'xtrim', key);
    ctx.keyModified(key);
    ctx.dirty(deleted);
    const propagated: (Buffer | string)[] = ctx.argv.slice();
    rewriteApproximateTrim(propagated, found, parsed);
    ctx.propagateAs(propagated);
  }
  ctx.reply.integer(deleted);
}
