/** KEYS, SCAN and RANDOMKEY (db.c). */
import type { CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { globMatch } from '../../server/glob.js';
import { getLongOrReply } from '../../types/number-parsing.js';
import { firstIndexAtOrAfter, parseScanCursor, scanSnapshot, takeScanBatch } from './keys-scan-order.js';
import { expireIfNeeded, keyPresent } from './keyspace-settings.js';
import { argument, isOption } from './strings-shared.js';

/** KEYS pattern: expired keys are skipped without being deleted (keyIsExpired). */
export function keysCommand(ctx: CommandContext): void {
  const pattern = argument(ctx, 1);
  const allKeys = pattern.length === 1 && pattern[0] === 0x2a;
  const matched: Buffer[] = [];
  for (const key of ctx.db.keys()) {
    ctx.step(1);
    if (!allKeys && !globMatch(pattern, key)) continue;
    if (!ctx.db.isExpired(key)) matched.push(key);
  }
  ctx.reply.bulkArray(matched);
}

/** RANDOMKEY */
export function randomkeyCommand(ctx: CommandContext): void {
  ctx.step(1);
  const key = ctx.db.randomKey();
  if (key === undefined) ctx.reply.nullBulk();
  else ctx.reply.bulk(key);
}

interface ScanOptions {
  readonly count: number;
  readonly pattern: Buffer | undefined;
  readonly typeName: Buffer | undefined;
}

function parseScanOptions(ctx: CommandContext): ScanOptions | undefined {
  let count = 10;
  let pattern: Buffer | undefined;
  let typeName: Buffer | undefined;
  for (let index = 2; index < ctx.argv.length; index += 2) {
    const option = ctx.argv[index];
    const value = ctx.argv[index + 1];
    if (isOption(option, 'COUNT') && value !== undefined) {
      const parsed = getLongOrReply(ctx.reply, value);
      if (parsed === undefined) return undefined;
      if (parsed < 1) {
        ctx.reply.error(errors.syntax);
        return undefined;
      }
      count = parsed;
    } else if (isOption(option, 'MATCH') && value !== undefined) {
      pattern = value.length === 1 && value[0] === 0x2a ? undefined : value;
    } else if (isOption(option, 'TYPE') && value !== undefined) {
      typeName = value;
    } else {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
  }
  return { count, pattern, typeName };
}

/** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] */
export function scanCommand(ctx: CommandContext): void {
  const cursor = parseScanCursor(argument(ctx, 1));
  if (cursor === undefined) {
    ctx.reply.error('ERR invalid cursor');
    return;
  }
  const options = parseScanOptions(ctx);
  if (options === undefined) return;
  const entries = scanSnapshot(ctx.db, cursor, (keys) => ctx.step(keys));
  const start = cursor === 0n ? 0 : firstIndexAtOrAfter(entries, cursor);
  const { batch, nextCursor } = takeScanBatch(entries, start, options.count);
  ctx.step(1 + batch.length);
  const keys = batch.map((entry) => entry.key).filter((key) => keyPresent(ctx, key) && keepScannedKey(ctx, key, options));
  ctx.reply.arrayHeader(2);
  ctx.reply.bulk(nextCursor.toString());
  ctx.reply.bulkArray(keys);
}

/** SCAN's filters in Redis's order: pattern, type (a read lookup), expiry. */
function keepScannedKey(ctx: CommandContext, key: Buffer, options: ScanOptions): boolean {
  if (options.pattern !== undefined && !globMatch(options.pattern, key)) return false;
  if (options.typeName !== undefined) {
    const value = ctx.db.lookupRead(key, { noTouch: true });
    const name = value === undefined ? 'none' : value.type;
    if (!isOption(options.typeName, name)) return false;
  }
  return !expireIfNeeded(ctx, key);
}
