/**
 * Redis's rand.c: a 48-bit linear congruential generator (x' = a*x + c mod
 * 2^48, a = 0x5DEECE66D, c = 0xB) that Redis uses for math.random so every
 * platform gives the same sequence. The state is three 16-bit words, as in C.
 */
const mask16 = 0xffff;
const initialX: readonly [number, number, number] = [0x330e, 0xabcd, 0x1234];
const multiplier: readonly [number, number, number] = [0xe66d, 0xdeec, 0x5];
const increment = 0xb;

export class RedisRand48 {
  private x: [number, number, number] = [...initialX];

  /** redisSrand48: x = (0x330E, low 16 bits of seed, high 16 bits of seed). */
  seed(seedValue: number): void {
    const seed = seedValue | 0;
    this.x = [0x330e, seed & mask16, (seed >>> 16) & mask16];
  }

  /** redisLrand48: the next value in 0 .. 2^31-1. */
  next(): number {
    this.advance();
    const [, x1, x2] = this.x;
    return ((x2 << 15) + (x1 >>> 1)) | 0;
  }

  private advance(): void {
    const [x0, x1, x2] = this.x;
    const [a0, a1, a2] = multiplier;
    // The 48-bit product a*x + c, computed in 16-bit limbs (all partial products stay below 2^53).
    const low = a0 * x0 + increment;
    const middle = a0 * x1 + a1 * x0 + Math.floor(low / 0x10000);
    const high = a0 * x2 + a1 * x1 + a2 * x0 + Math.floor(middle / 0x10000);
    this.x = [low & mask16, middle % 0x10000, high % 0x10000];
  }
}

/** REDIS_LRAND48_MAX (INT32_MAX). */
export const redisRand48Max = 0x7fffffff;
