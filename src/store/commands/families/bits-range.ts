/** BITCOUNT and BITPOS with BYTE (default) or BIT ranges (bitops.c). */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getLongLongOrReply, getLongOrReply } from '../../types/number-parsing.js';
import { clampRange, firstBit, popcountBits } from './bits-shared.js';
import { argument, isOption, lookupStringRead } from './strings-shared.js';

type Unit = 'byte' | 'bit';

/** BIT or BYTE (any case); undefined after a syntax error. */
function parseUnit(ctx: CommandContext, data: Buffer | undefined): Unit | undefined {
  if (data === undefined || isOption(data, 'BYTE')) return 'byte';
  if (isOption(data, 'BIT')) return 'bit';
  ctx.reply.error(errors.syntax);
  return undefined;
}

/** A byte or bit range turned into an inclusive bit range; undefined when empty. */
function bitRange(start: bigint, end: bigint, unit: Unit): { startBit: number; endBit: number } | undefined {
  if (start > end) return undefined;
  if (unit === 'bit') return { startBit: Number(start), endBit: Number(end) };
  return { startBit: Number(start) * 8, endBit: Number(end) * 8 + 7 };
}

/** BITCOUNT key [start end [BYTE|BIT]] */
export function bitcountCommand(ctx: CommandContext): void {
  const value = lookupStringRead(ctx, argument(ctx, 1));
  if (value === WRONG_TYPE) return;
  if (value === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const data = value.bytes();
  let range: { startBit: number; endBit: number } | undefined;
  if (ctx.argv.length === 2) {
    range = bitRange(0n, BigInt(data.length) - 1n, 'byte');
  } else if (ctx.argv.length === 4 || ctx.argv.length === 5) {
    const start = getLongLongOrReply(ctx.reply, argument(ctx, 2));
    if (start === undefined) return;
    const end = getLongLongOrReply(ctx.reply, argument(ctx, 3));
    if (end === undefined) return;
    if (start < 0n && end < 0n && start > end) {
      ctx.reply.integer(0);
      return;
    }
    const unit = parseUnit(ctx, ctx.argv[4]);
    if (unit === undefined) return;
    const total = BigInt(data.length) * (unit === 'bit' ? 8n : 1n);
    const clamped = clampRange(start, end, total);
    range = bitRange(clamped.start, clamped.end, unit);
  } else {
    ctx.reply.error(errors.syntax);
    return;
  }
  if (range === undefined) {
    ctx.reply.integer(0);
    return;
  }
  ctx.step(1 + ((range.endBit - range.startBit + 1) >> 3));
  ctx.reply.integer(popcountBits(data, range.startBit, range.endBit));
}

interface BitposRange {
  readonly startBit: number;
  readonly endBit: number;
  readonly endGiven: boolean;
}

/** BITPOS's range arguments (argv[3..5]); undefined after an error reply. 'empty' for start > end. */
function parseBitposRange(ctx: CommandContext, length: number): BitposRange | 'empty' | undefined {
  const lastByte = BigInt(length) - 1n;
  if (ctx.argv.length === 3) return length === 0 ? 'empty' : { startBit: 0, endBit: length * 8 - 1, endGiven: false };
  if (ctx.argv.length > 6) {
    ctx.reply.error(errors.syntax);
    return undefined;
  }
  const start = getLongLongOrReply(ctx.reply, argument(ctx, 3));
  if (start === undefined) return undefined;
  const unit = ctx.argv.length === 6 ? parseUnit(ctx, ctx.argv[5]) : 'byte';
  if (unit === undefined) return undefined;
  let end: bigint;
  if (ctx.argv.length >= 5) {
    const parsed = getLongLongOrReply(ctx.reply, argument(ctx, 4));
    if (parsed === undefined) return undefined;
    end = parsed;
  } else {
    end = unit === 'bit' ? BigInt(length) * 8n + 7n : lastByte;
  }
  const total = BigInt(length) * (unit === 'bit' ? 8n : 1n);
  const clamped = clampRange(start, end, total);
  const range = bitRange(clamped.start, clamped.end, unit);
  if (range === undefined) return 'empty';
  return { ...range, endGiven: ctx.argv.length >= 5 };
}

/** BITPOS key 0|1 [start [end [BYTE|BIT]]] */
export function bitposCommand(ctx: CommandContext): void {
  const bit = getLongOrReply(ctx.reply, argument(ctx, 2));
  if (bit === undefined) return;
  if (bit !== 0 && bit !== 1) {
    ctx.reply.error('ERR The bit argument must be 1 or 0.');
    return;
  }
  const value = lookupStringRead(ctx, argument(ctx, 1));
  if (value === WRONG_TYPE) return;
  if (value === undefined) {
    ctx.reply.integer(bit === 1 ? -1 : 0);
    return;
  }
  const data = value.bytes();
  const range = parseBitposRange(ctx, data.length);
  if (range === undefined) return;
  if (range === 'empty') {
    ctx.reply.integer(-1);
    return;
  }
  ctx.step(1 + ((range.endBit - range.startBit + 1) >> 3));
  const found = firstBit(data, range.startBit, range.endBit, bit);
  if (found !== -1) ctx.reply.integer(found);
  else if (bit === 1 || range.endGiven) ctx.reply.integer(-1);
  // Looking for a clear bit with no explicit end: the string is zero-padded on the right.
  else ctx.reply.integer((Math.floor(range.endBit / 8) + 1) * 8);
}
