/**
 * LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN]: the longest
 * common subsequence by the textbook dynamic programme, walked back from
 * the end exactly as t_string.c does, so ties and match ranges come out in
 * Redis's order.
 */
import type { CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getLongLongOrReply } from '../../types/number-parsing.js';
import { protoMaxBulkLength } from './keyspace-settings.js';
import { argument, isOption } from './strings-shared.js';

interface LcsOptions {
  readonly length: boolean;
  readonly indexes: boolean;
  readonly withMatchLength: boolean;
  readonly minMatchLength: number;
}

interface MatchRange {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/** String values of the two keys (missing = empty); undefined after the type error. */
function lcsInputs(ctx: CommandContext): [Buffer, Buffer] | undefined {
  const first = ctx.db.lookupRead(argument(ctx, 1));
  const second = ctx.db.lookupRead(argument(ctx, 2));
  if ((first !== undefined && first.type !== 'string') || (second !== undefined && second.type !== 'string')) {
    ctx.reply.error('ERR The specified keys must contain string values');
    return undefined;
  }
  return [first?.bytes() ?? Buffer.alloc(0), second?.bytes() ?? Buffer.alloc(0)];
}

function parseLcsOptions(ctx: CommandContext): LcsOptions | undefined {
  let length = false;
  let indexes = false;
  let withMatchLength = false;
  let minMatchLength = 0n;
  for (let index = 3; index < ctx.argv.length; index++) {
    const option = ctx.argv[index];
    const moreArguments = ctx.argv.length - 1 - index;
    if (isOption(option, 'IDX')) indexes = true;
    else if (isOption(option, 'LEN')) length = true;
    else if (isOption(option, 'WITHMATCHLEN')) withMatchLength = true;
    else if (isOption(option, 'MINMATCHLEN') && moreArguments > 0) {
      const parsed = getLongLongOrReply(ctx.reply, argument(ctx, index + 1));
      if (parsed === undefined) return undefined;
      minMatchLength = parsed < 0n ? 0n : parsed;
      index++;
    } else {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
  }
  if (length && indexes) {
    ctx.reply.error('ERR If you want both the length and indexes, please just use IDX.');
    return undefined;
  }
  // Any longer minimum than a string can hold behaves the same.
  const cappedMinimum = minMatchLength > 2n ** 40n ? 2 ** 40 : Number(minMatchLength);
  return { length, indexes, withMatchLength, minMatchLength: cappedMinimum };
}

/** LCS(i, j) for all prefixes, as one flat table indexed j + (blen + 1) * i. */
function lcsTable(a: Buffer, b: Buffer): Uint32Array {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) table[j + width * i] = (table[j - 1 + width * (i - 1)] as number) + 1;
      else table[j + width * i] = Math.max(table[j + width * (i - 1)] as number, table[j - 1 + width * i] as number);
    }
  }
  return table;
}

/** LCS ... */
export function lcsCommand(ctx: CommandContext): void {
  const inputs = lcsInputs(ctx);
  if (inputs === undefined) return;
  const options = parseLcsOptions(ctx);
  if (options === undefined) return;
  const [a, b] = inputs;
  const cells = (a.length + 1) * (b.length + 1);
  if (cells * 4 > protoMaxBulkLength(ctx)) {
    ctx.reply.error('ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len');
    return;
  }
  ctx.step(cells);
  const table = lcsTable(a, b);
  const total = table[table.length - 1] as number;
  if (options.length && !options.indexes) {
    ctx.reply.integer(total);
    return;
  }
  const { sequence, ranges } = walkBack(a, b, table, total);
  if (!options.indexes) {
    ctx.reply.bulk(sequence);
    return;
  }
  replyMatches(ctx, ranges, options, total);
}

function replyMatches(ctx: CommandContext, ranges: readonly MatchRange[], options: LcsOptions, total: number): void {
  ctx.reply.mapHeader(2);
  ctx.reply.bulk('matches');
  const shown = ranges.filter((range) => options.minMatchLength === 0 || range.aEnd - range.aStart + 1 >= options.minMatchLength);
  ctx.reply.arrayHeader(shown.length);
  for (const range of shown) {
    ctx.reply.arrayHeader(options.withMatchLength ? 3 : 2);
    ctx.reply.arrayHeader(2);
    ctx.reply.integer(range.aStart);
    ctx.reply.integer(range.aEnd);
    ctx.reply.arrayHeader(2);
    ctx.reply.integer(range.bStart);
    ctx.reply.integer(range.bEnd);
    if (options.withMatchLength) ctx.reply.integer(range.aEnd - range.aStart + 1);
  }
  ctx.reply.bulk('len');
  ctx.reply.integer(total);
}

/** The LCS string and its contiguous match ranges, from the end backwards (Redis's walk). */
function walkBack(a: Buffer, b: Buffer, table: Uint32Array, total: number): { sequence: Buffer; ranges: MatchRange[] } {
  const width = b.length + 1;
  const cell = (i: number, j: number): number => table[j + width * i] as number;
  const sequence = Buffer.alloc(total);
  const ranges: MatchRange[] = [];
  let current: { aStart: number; aEnd: number; bStart: number; bEnd: number } | undefined;
  let i = a.length;
  let j = b.length;
  let index = total;
  while (i > 0 && j > 0) {
    let emit = false;
    if (a[i - 1] === b[j - 1]) {
      sequence[index - 1] = a[i - 1] as number;
      if (current === undefined) current = { aStart: i - 1, aEnd: i - 1, bStart: j - 1, bEnd: j - 1 };
      else if (current.aStart === i && current.bStart === j) {
        current.aStart--;
        current.bStart--;
      } else emit = true;
      if (current.aStart === 0 || current.bStart === 0) emit = true;
      index--;
      i--;
      j--;
    } else {
      if (cell(i - 1, j) > cell(i, j - 1)) i--;
      else j--;
      if (current !== undefined) emit = true;
    }
    if (emit && current !== undefined) {
      ranges.push({ ...current });
      current = undefined;
    }
  }
  return { sequence, ranges };
}
