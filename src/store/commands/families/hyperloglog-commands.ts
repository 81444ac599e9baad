/** PFADD, PFCOUNT and PFMERGE (hyperloglog.c). */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { registerCount } from '../../types/hyperloglog-layout.js';
import { estimateCardinality, rawHistogram } from '../../types/hyperloglog-estimator.js';
import { addEmptyHyperLogLog, holdHyperLogLog, invalidHyperLogLogError, readHyperLogLog, sparseBytesMax, writeBack, type HeldHyperLogLog } from './hyperloglog-shared.js';

/** PFADD key [element ...]: 1 when the key was created or a register grew. */
export function pfaddCommand(ctx: CommandContext): void {
  const key = ctx.argv[1] as Buffer;
  let held: HeldHyperLogLog;
  let updated = 0;
  const found = holdHyperLogLog(ctx, key);
  if (found === WRONG_TYPE) return;
  if (found === undefined) {
    held = addEmptyHyperLogLog(ctx, key);
    updated++;
  } else held = found;
  const bytesMax = sparseBytesMax(ctx);
  for (let index = 2; index < ctx.argv.length; index++) {
    ctx.step(1);
    const change = held.sketch.add(ctx.argv[index] as Buffer, bytesMax);
    if (change === -1) {
      writeBack(ctx, key, held);
      ctx.reply.error(invalidHyperLogLogError);
      return;
    }
    updated += change;
  }
  if (updated > 0) held.sketch.invalidateCache();
  writeBack(ctx, key, held);
  if (updated > 0) {
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('string', 'pfadd', key);
    ctx.dirty(updated);
  }
  ctx.reply.integer(updated > 0 ? 1 : 0);
}

/**
 * hllMerge of every key into one register array (missing keys are empty);
 * undefined once an error was replied. `dense` tells whether one of them was dense.
 */
function mergeKeys(ctx: CommandContext, keys: readonly Buffer[]): { readonly registers: Uint8Array; readonly dense: boolean } | undefined {
  const registers = new Uint8Array(registerCount);
  let dense = false;
  for (const key of keys) {
    ctx.step(1);
    const sketch = readHyperLogLog(ctx, key);
    if (sketch === WRONG_TYPE) return undefined;
    if (sketch === undefined) continue;
    if (sketch.isDense()) dense = true;
    ctx.step(registerCount / 64);
    if (!sketch.mergeInto(registers)) {
      ctx.reply.error(invalidHyperLogLogError);
      return undefined;
    }
  }
  return { registers, dense };
}

/** PFCOUNT key [key ...]: one key uses (and refreshes) the cached cardinality; several count their union. */
export function pfcountCommand(ctx: CommandContext): void {
  if (ctx.argv.length > 2) {
    const merged = mergeKeys(ctx, ctx.argv.slice(1));
    if (merged === undefined) return;
    ctx.reply.integer(estimateCardinality(rawHistogram(merged.registers)));
    return;
  }
  const key = ctx.argv[1] as Buffer;
  ctx.step(1);
  const held = holdHyperLogLog(ctx, key, true);
  if (held === WRONG_TYPE) return;
  if (held === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const cached = held.sketch.cachedCardinality();
  if (cached !== undefined) {
    ctx.reply.integer(cached <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(cached) : cached);
    return;
  }
  ctx.step(registerCount / 64);
  const cardinality = held.sketch.estimate();
  if (cardinality === undefined) {
    ctx.reply.error(invalidHyperLogLogError);
    return;
  }
  held.sketch.storeCardinality(cardinality);
  writeBack(ctx, key, held);
  ctx.keyModified(key);
  ctx.dirty();
  ctx.reply.integer(cardinality);
}

/** PFMERGE destkey [sourcekey ...]: the destination (also a source) gets the register-wise maximum. */
export function pfmergeCommand(ctx: CommandContext): void {
  const key = ctx.argv[1] as Buffer;
  const merged = mergeKeys(ctx, ctx.argv.slice(1));
  if (merged === undefined) return;
  const found = holdHyperLogLog(ctx, key);
  if (found === WRONG_TYPE) return;
  const held = found ?? addEmptyHyperLogLog(ctx, key);
  if (merged.dense && !held.sketch.toDense()) {
    writeBack(ctx, key, held);
    ctx.reply.error(invalidHyperLogLogError);
    return;
  }
  const bytesMax = sparseBytesMax(ctx);
  for (let index = 0; index < registerCount; index++) {
    const value = merged.registers[index] as number;
    if (value !== 0) held.sketch.raiseRegister(index, value, bytesMax);
  }
  ctx.step(registerCount / 64);
  held.sketch.invalidateCache();
  writeBack(ctx, key, held);
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('string', 'pfadd', key);
  ctx.dirty();
  ctx.reply.ok();
}
