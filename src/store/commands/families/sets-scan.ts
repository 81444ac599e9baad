import type { CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { globMatch } from '../../server/glob.js';
import { getLongOrReply } from '../../types/number-parsing.js';

const ULONG_RANGE = 2n ** 64n;
const DEFAULT_COUNT = 10;

/**
 * parseScanCursorOrReply: strtoul over the argument (a sign is accepted and a
 * negative value wraps, as in C); leading space, junk or overflow give
 * `ERR invalid cursor`. redsim's hash tables use the low 32 bits (their
 * cursors never exceed them).
 */
export function parseScanCursorOrReply(ctx: CommandContext, argument: Buffer): number | undefined {
  const nul = argument.indexOf(0);
  const text = argument.toString('latin1', 0, nul === -1 ? argument.length : nul);
  const match = /^([+-]?)(\d*)$/.exec(text);
  const digits = match?.[2] ?? '';
  const valid = match !== null && (digits.length > 0 || text.length === 0);
  const magnitude = digits.length > 0 ? BigInt(digits) : 0n;
  if (!valid || magnitude >= ULONG_RANGE) {
    ctx.reply.error('ERR invalid cursor');
    return undefined;
  }
  const value = match?.[1] === '-' ? (ULONG_RANGE - magnitude) % ULONG_RANGE : magnitude;
  return Number(BigInt.asUintN(32, value));
}

/** `*2 $1 0 *0`: Redis's shared.emptyscan for a missing key. */
export function replyEmptyScan(ctx: CommandContext): void {
  ctx.reply.arrayHeader(2);
  ctx.reply.bulk('0');
  ctx.reply.arrayHeader(0);
}

interface ScanOptions {
  readonly count: number;
  readonly pattern: Buffer | undefined;
}

function parseScanOptions(ctx: CommandContext, firstOption: number): ScanOptions | undefined {
  let count = DEFAULT_COUNT;
  let pattern: Buffer | undefined;
  for (let index = firstOption; index < ctx.argv.length; index += 2) {
    const option = (ctx.argv[index] as Buffer).toString('latin1').toLowerCase();
    const argumentsLeft = ctx.argv.length - index;
    if (option === 'count' && argumentsLeft >= 2) {
      const parsed = getLongOrReply(ctx.reply, ctx.argv[index + 1] as Buffer);
      if (parsed === undefined) return undefined;
      if (parsed < 1) {
        ctx.reply.error(errors.syntax);
        return undefined;
      }
      count = parsed;
    } else if (option === 'match' && argumentsLeft >= 2) {
      const given = ctx.argv[index + 1] as Buffer;
      pattern = given.length === 1 && given[0] === 0x2a ? undefined : given;
    } else {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
  }
  return { count, pattern };
}

/** One element of a scanned collection: a set member, or a zset member with its score text. */
export interface ScannedElement {
  readonly key: Buffer;
  readonly value?: Buffer;
}

/**
 * scanGenericCommand for a set or zset: parses COUNT/MATCH from argv[3],
 * calls `scanStep` until the cursor ends, COUNT elements were gathered
 * or COUNT*10 steps were spent, then filters by MATCH and replies.
 * `elementWidth` is 2 when each element is a (member, score) pair.
 */
export function scanCollection(ctx: CommandContext, cursor: number, elementWidth: 1 | 2, scanStep: (cursor: number, found: ScannedElement[]) => number): void {
  const options = parseScanOptions(ctx, 3);
  if (options === undefined) return;
  const found: ScannedElement[] = [];
  let next = cursor;
  // Redis doubles COUNT for key/value collections before deriving the iteration cap from it.
  let iterationsLeft = options.count * elementWidth * 10;
  do {
    next = scanStep(next, found);
    ctx.step(1);
  } while (next !== 0 && iterationsLeft-- > 0 && found.length < options.count);
  const pattern = options.pattern;
  const kept = pattern === undefined ? found : found.filter((element) => globMatch(pattern, element.key));
  ctx.step(found.length);
  ctx.reply.arrayHeader(2);
  ctx.reply.bulk(String(next));
  ctx.reply.arrayHeader(kept.length * elementWidth);
  for (const element of kept) {
    ctx.reply.bulk(element.key);
    if (element.value !== undefined) ctx.reply.bulk(element.value);
  }
}
