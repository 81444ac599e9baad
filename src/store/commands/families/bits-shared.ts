/** Helpers of the bitmap commands (bitops.c): offsets, bit ranges, popcount, and the write lookup. */
import { WRONG_TYPE, type CommandContext, type WrongType } from '../command.js';
import { errors } from '../errors.js';
import { string2ll } from '../../types/number-parsing.js';
import { RedisString } from '../../types/string.js';
import { protoMaxBulkLength } from './keyspace-settings.js';
import { lookupStringWrite, unshareStringValue } from './strings-shared.js';

const HASH = 0x23;

/**
 * getBitOffsetFromArgument: a non-negative bit offset whose byte fits
 * proto-max-bulk-len (not checked for the master link and the AOF). With
 * `fieldBits`, BITFIELD's `#n` form means n * fieldBits (64-bit wrapping, as C).
 */
export function bitOffsetOrReply(ctx: CommandContext, data: Buffer, fieldBits = 0): bigint | undefined {
  const usesHash = fieldBits > 0 && data[0] === HASH;
  const parsed = string2ll(usesHash ? data.subarray(1) : data);
  if (parsed === undefined) {
    ctx.reply.error(errors.bitOffset);
    return undefined;
  }
  const offset = usesHash ? BigInt.asIntN(64, parsed * BigInt(fieldBits)) : parsed;
  if (offset < 0n || (!ctx.client.isMasterOrLoader && offset >> 3n >= BigInt(protoMaxBulkLength(ctx)))) {
    ctx.reply.error(errors.bitOffset);
    return undefined;
  }
  return offset;
}

/**
 * lookupStringForBitCommand: the string at argv[1], created or zero-padded
 * so bit `highestBit` exists, and unshared (raw) for writing. `grew` tells
 * whether it was created or lengthened.
 */
export function stringForBitWrite(ctx: CommandContext, highestBit: bigint): { value: RedisString; grew: boolean } | WrongType {
  const key = ctx.argv[1] as Buffer;
  const byteCount = Number(highestBit >> 3n) + 1;
  const found = lookupStringWrite(ctx, key);
  if (found === WRONG_TYPE) return WRONG_TYPE;
  if (found === undefined) {
    const created = RedisString.zeroed(byteCount);
    ctx.db.add(key, created);
    return { value: created, grew: true };
  }
  const value = unshareStringValue(ctx, key, found);
  const oldLength = value.byteLength();
  value.growZeroed(byteCount);
  return { value, grew: value.byteLength() !== oldLength };
}

/**
 * BITCOUNT/BITPOS range normalisation over `total` units (bytes or bits):
 * negative indexes count from the end, then both ends are clamped.
 */
export function clampRange(startGiven: bigint, endGiven: bigint, total: bigint): { start: bigint; end: bigint } {
  let start = startGiven < 0n ? total + startGiven : startGiven;
  let end = endGiven < 0n ? total + endGiven : endGiven;
  if (start < 0n) start = 0n;
  if (end < 0n) end = 0n;
  if (end >= total) end = total - 1n;
  return { start, end };
}

const bitsInByte = Uint8Array.from({ length: 256 }, (_, byte) => {
  let count = 0;
  for (let value = byte; value > 0; value >>= 1) count += value & 1;
  return count;
});

/** Set bits among bits [startBit, endBit] of `data` (inclusive, bit 0 = MSB of byte 0). */
export function popcountBits(data: Buffer, startBit: number, endBit: number): number {
  let count = 0;
  let bit = startBit;
  while (bit <= endBit && (bit & 7) !== 0) count += bitAt(data, bit++);
  while (bit + 7 <= endBit) {
    count += bitsInByte[data[bit >> 3] as number] as number;
    bit += 8;
  }
  while (bit <= endBit) count += bitAt(data, bit++);
  return count;
}

/** The first bit equal to `wanted` in [startBit, endBit], or -1. */
export function firstBit(data: Buffer, startBit: number, endBit: number, wanted: 0 | 1): number {
  const skipByte = wanted === 1 ? 0x00 : 0xff;
  let bit = startBit;
  while (bit <= endBit && (bit & 7) !== 0) {
    if (bitAt(data, bit) === wanted) return bit;
    bit++;
  }
  while (bit + 7 <= endBit && data[bit >> 3] === skipByte) bit += 8;
  for (; bit <= endBit; bit++) {
    if (bitAt(data, bit) === wanted) return bit;
  }
  return -1;
}

export function bitAt(data: Buffer, bit: number): 0 | 1 {
  const byte = data[bit >> 3] ?? 0;
  return ((byte >> (7 - (bit & 7))) & 1) as 0 | 1;
}
