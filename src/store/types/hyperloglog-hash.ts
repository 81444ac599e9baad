/**
 * The hash HyperLogLog uses (hyperloglog.c): MurmurHash2, 64-bit version
 * (MurmurHash64A) in Redis's endian-neutral form, seed 0xadc83b19, computed
 * on 32-bit halves so no bigint is made per element; and hllPatLen, which
 * turns a hash into a register index and a run length.
 */

/** The 64-bit multiplier of MurmurHash64A, 0xc6a4a7935bd1e995, as halves. */
const MULTIPLIER_HIGH = 0xc6a4a793;
const MULTIPLIER_LOW = 0x5bd1e995;
/** The seed hllPatLen hashes with. */
export const hyperLogLogHashSeed = 0xadc83b19;
/** HLL_P: bits of the hash that select the register. */
export const registerIndexBits = 14;
/** HLL_Q + 1: the longest run hllPatLen returns (64 - P zero bits, then the forced 1). */
export const patternLengthMax = 64 - registerIndexBits + 1;

/** A 64-bit value as two unsigned 32-bit halves. */
interface Word64 {
  high: number;
  low: number;
}

/** (a * b) mod 2^64 of halves, written into `out`. */
function multiply64(aHigh: number, aLow: number, bHigh: number, bLow: number, out: Word64): void {
  const a0 = aLow & 0xffff;
  const a1 = aLow >>> 16;
  const b0 = bLow & 0xffff;
  const b1 = bLow >>> 16;
  let partial = a0 * b0;
  const word0 = partial & 0xffff;
  partial = a1 * b0 + (partial >>> 16);
  let word1 = partial & 0xffff;
  const word2 = partial >>> 16;
  partial = a0 * b1 + word1;
  word1 = partial & 0xffff;
  const lowCarry = partial >>> 16;
  const highFromLows = a1 * b1 + word2 + lowCarry;
  out.low = ((word1 << 16) | word0) >>> 0;
  out.high = (highFromLows + Math.imul(aHigh, bLow) + Math.imul(aLow, bHigh)) >>> 0;
}

/** x ^= x >> 47; x *= m (one mixing round of MurmurHash64A). */
function mixRound(value: Word64): void {
  value.low = (value.low ^ (value.high >>> 15)) >>> 0;
  multiply64(value.high, value.low, MULTIPLIER_HIGH, MULTIPLIER_LOW, value);
}

/** MurmurHash64A(key, len, seed) as Redis computes it (little-endian 8-byte blocks). */
export function murmurHash64A(data: Uint8Array, seed: number): Word64 {
  const length = data.length;
  const hash: Word64 = { high: 0, low: 0 };
  multiply64(0, length >>> 0, MULTIPLIER_HIGH, MULTIPLIER_LOW, hash);
  hash.low = (hash.low ^ seed) >>> 0;
  const block: Word64 = { high: 0, low: 0 };
  const blocksEnd = length - (length & 7);
  for (let offset = 0; offset < blocksEnd; offset += 8) {
    block.low = ((data[offset] as number) | ((data[offset + 1] as number) << 8) | ((data[offset + 2] as number) << 16) | ((data[offset + 3] as number) << 24)) >>> 0;
    block.high = ((data[offset + 4] as number) | ((data[offset + 5] as number) << 8) | ((data[offset + 6] as number) << 16) | ((data[offset + 7] as number) << 24)) >>> 0;
    multiply64(block.high, block.low, MULTIPLIER_HIGH, MULTIPLIER_LOW, block);
    mixRound(block);
    hash.high = (hash.high ^ block.high) >>> 0;
    hash.low = (hash.low ^ block.low) >>> 0;
    multiply64(hash.high, hash.low, MULTIPLIER_HIGH, MULTIPLIER_LOW, hash);
  }
  const tail = length & 7;
  if (tail > 0) {
    for (let index = tail - 1; index >= 0; index--) {
      const byte = data[blocksEnd + index] as number;
      if (index >= 4) hash.high = (hash.high ^ (byte << ((index - 4) * 8))) >>> 0;
      else hash.low = (hash.low ^ (byte << (index * 8))) >>> 0;
    }
    multiply64(hash.high, hash.low, MULTIPLIER_HIGH, MULTIPLIER_LOW, hash);
  }
  mixRound(hash);
  hash.low = (hash.low ^ (hash.high >>> 15)) >>> 0;
  return hash;
}

/** What hllPatLen gives for one element: the register it selects and the run length (1..51) to store there. */
export interface RegisterUpdate {
  readonly index: number;
  readonly count: number;
}

function trailingZeros32(value: number): number {
  return 31 - Math.clz32(value & -value);
}

/** hllPatLen: the low 14 bits select the register; the count is 1 + the zeros above them (at most 51). */
export function patternOf(element: Uint8Array): RegisterUpdate {
  const hash = murmurHash64A(element, hyperLogLogHashSeed);
  const registerMask = (1 << registerIndexBits) - 1;
  const index = hash.low & registerMask;
  const lowAbove = (hash.low & ~registerMask) >>> 0;
  let count: number;
  if (lowAbove !== 0) count = trailingZeros32(lowAbove) - registerIndexBits + 1;
  else if (hash.high !== 0) count = 32 + trailingZeros32(hash.high) - registerIndexBits + 1;
  else count = patternLengthMax;
  return { index, count };
}
