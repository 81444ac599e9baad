/** HGET, HMGET, HEXISTS, HLEN, HSTRLEN, HGETALL, HKEYS, HVALS and HSCAN (t_hash.c). */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { parseScanCursorOrReply, replyEmptyScan, scanCollection } from './sets-scan.js';
import { argumentAt, lookupHashRead, stepsOf } from './hashes-shared.js';

/** HGET key field */
export function hgetCommand(ctx: CommandContext): void {
  const hash = lookupHashRead(ctx, argumentAt(ctx, 1));
  if (hash === WRONG_TYPE) return;
  if (hash === undefined) {
    ctx.reply.nullBulk();
    return;
  }
  ctx.reply.bulk(hash.get(argumentAt(ctx, 2), stepsOf(ctx)) ?? null);
}

/** HMGET key field [field ...]: a missing key is an empty hash (all nils). */
export function hmgetCommand(ctx: CommandContext): void {
  const hash = lookupHashRead(ctx, argumentAt(ctx, 1));
  if (hash === WRONG_TYPE) return;
  const values = ctx.argv.slice(2).map((field) => (hash === undefined ? null : (hash.get(field, stepsOf(ctx)) ?? null)));
  ctx.reply.bulkArray(values);
}

/** HEXISTS key field */
export function hexistsCommand(ctx: CommandContext): void {
  const hash = lookupHashRead(ctx, argumentAt(ctx, 1));
  if (hash === WRONG_TYPE) return;
  ctx.reply.integer(hash !== undefined && hash.has(argumentAt(ctx, 2), stepsOf(ctx)) ? 1 : 0);
}

/** HLEN key */
export function hlenCommand(ctx: CommandContext): void {
  const hash = lookupHashRead(ctx, argumentAt(ctx, 1));
  if (hash === WRONG_TYPE) return;
  ctx.step(1);
  ctx.reply.integer(hash === undefined ? 0 : hash.size());
}

/** HSTRLEN key field: 0 for a missing key or field. */
export function hstrlenCommand(ctx: CommandContext): void {
  const hash = lookupHashRead(ctx, argumentAt(ctx, 1));
  if (hash === WRONG_TYPE) return;
  ctx.reply.integer(hash?.get(argumentAt(ctx, 2), stepsOf(ctx))?.length ?? 0);
}

type HashPart = 'fields' | 'values' | 'both';

/** genericHgetallCommand: listpack order, or bucket order for a hashtable. */
function hgetallGeneric(ctx: CommandContext, part: HashPart): void {
  const hash = lookupHashRead(ctx, argumentAt(ctx, 1));
  if (hash === WRONG_TYPE) return;
  if (hash === undefined) {
    // shared.emptymap for HGETALL, shared.emptyarray for HKEYS / HVALS
    if (part === 'both') ctx.reply.mapHeader(0);
    else ctx.reply.arrayHeader(0);
    return;
  }
  const items: Buffer[] = [];
  for (const entry of hash.entryList()) {
    if (part !== 'values') items.push(entry.field);
    if (part !== 'fields') items.push(entry.value);
  }
  ctx.step(hash.size());
  if (part === 'both') {
    ctx.reply.mapHeader(items.length / 2);
    for (const item of items) ctx.reply.bulk(item);
  } else {
    ctx.reply.bulkArray(items);
  }
}

/** HGETALL key */
export function hgetallCommand(ctx: CommandContext): void {
  hgetallGeneric(ctx, 'both');
}

/** HKEYS key */
export function hkeysCommand(ctx: CommandContext): void {
  hgetallGeneric(ctx, 'fields');
}

/** HVALS key */
export function hvalsCommand(ctx: CommandContext): void {
  hgetallGeneric(ctx, 'values');
}

/**
 * HSCAN key cursor [MATCH pattern] [COUNT count]: the cursor is parsed
 * before the key is looked up, the options after (a missing key ignores
 * bad options, as in Redis). A listpack answers everything with cursor 0.
 */
export function hscanCommand(ctx: CommandContext): void {
  const cursor = parseScanCursorOrReply(ctx, argumentAt(ctx, 2));
  if (cursor === undefined) return;
  const hash = lookupHashRead(ctx, argumentAt(ctx, 1));
  if (hash === WRONG_TYPE) return;
  if (hash === undefined) {
    replyEmptyScan(ctx);
    return;
  }
  scanCollection(ctx, cursor, 2, (from, found) => hash.scanStep(from, (entry) => found.push({ key: entry.field, value: entry.value })));
}
