import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmurHash64A, patternOf, hyperLogLogHashSeed } from '../../../src/store/types/hyperloglog-hash.js';

/** MurmurHash64A written the obvious way, on 64-bit BigInts, as hyperloglog.c states it. */
function referenceMurmur(data: Uint8Array, seed: number): bigint {
  const mask = (1n << 64n) - 1n;
  const m = 0xc6a4a7935bd1e995n;
  let h = (BigInt(seed) ^ (BigInt(data.length) * m)) & mask;
  const blocksEnd = data.length - (data.length & 7);
  for (let offset = 0; offset < blocksEnd; offset += 8) {
    let k = 0n;
    for (let byte = 7; byte >= 0; byte--) k = (k << 8n) | BigInt(data[offset + byte] as number);
    k = (k * m) & mask;
    k ^= k >> 47n;
    k = (k * m) & mask;
    h ^= k;
    h = (h * m) & mask;
  }
  const tail = data.length & 7;
  if (tail > 0) {
    for (let index = tail - 1; index >= 0; index--) h ^= BigInt(data[blocksEnd + index] as number) << BigInt(8 * index);
    h = (h * m) & mask;
  }
  h ^= h >> 47n;
  h = (h * m) & mask;
  h ^= h >> 47n;
  return h;
}

describe('the HyperLogLog hash', () => {
  it('MurmurHash64A on 32-bit halves equals the 64-bit definition for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (data) => {
        const { high, low } = murmurHash64A(data, hyperLogLogHashSeed);
        expect((BigInt(high) << 32n) | BigInt(low)).toBe(referenceMurmur(data, hyperLogLogHashSeed));
      }),
      { numRuns: 500 },
    );
  });

  it('hllPatLen: the register is the low 14 bits and the count is 1 + the zeros above them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20 }), (data) => {
        const hash = referenceMurmur(data, hyperLogLogHashSeed);
        const { index, count } = patternOf(data);
        expect(index).toBe(Number(hash & 0x3fffn));
        let rest = (hash >> 14n) | (1n << 50n);
        let expected = 1;
        while ((rest & 1n) === 0n) {
          rest >>= 1n;
          expected++;
        }
        expect(count).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
