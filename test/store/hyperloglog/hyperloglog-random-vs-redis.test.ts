import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDifference, startServerPair, type ServerPair } from './pair.js';

/**
 * Generated PF* sequences (PFADD of small and large batches, PFCOUNT of one
 * or several keys, PFMERGE, GET, corruption by SETRANGE/APPEND/SET, PFDEBUG,
 * a small hll-sparse-max-bytes, DUMP) must answer byte for byte like
 * redis-server 7.0.15, GET of the HLL bytes included.
 */
let pair: ServerPair;

beforeAll(async () => {
  pair = await startServerPair();
});

afterAll(async () => {
  await pair?.stop();
});

type Command = readonly (string | Buffer)[];

const key = fc.constantFrom('h1', 'h2', 'h3');
const element = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 5000 }).map(String), fc.uint8Array({ maxLength: 9 }).map((bytes) => Buffer.from(bytes)));
const batch = fc.tuple(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 900 })).map(([prefix, start, length]) => Array.from({ length }, (_, index) => `${prefix}${start + index}`));

const hllCommand: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(key, fc.array(element, { maxLength: 8 })).map(([name, items]) => ['PFADD', name, ...items]) },
  { weight: 3, arbitrary: fc.tuple(key, batch).map(([name, items]) => ['PFADD', name, ...items]) },
  { weight: 4, arbitrary: fc.array(key, { minLength: 1, maxLength: 3 }).map((names) => ['PFCOUNT', ...names]) },
  { weight: 2, arbitrary: fc.array(key, { minLength: 1, maxLength: 3 }).map((names) => ['PFMERGE', ...names]) },
  { weight: 3, arbitrary: key.map((name) => ['GET', name]) },
  { weight: 1, arbitrary: fc.tuple(key, fc.integer({ min: 0, max: 40 }), fc.uint8Array({ minLength: 1, maxLength: 3 })).map(([name, offset, bytes]) => ['SETRANGE', name, String(offset), Buffer.from(bytes)]) },
  { weight: 1, arbitrary: fc.tuple(key, fc.uint8Array({ minLength: 1, maxLength: 3 })).map(([name, bytes]) => ['APPEND', name, Buffer.from(bytes)]) },
  { weight: 1, arbitrary: fc.tuple(key, fc.constantFrom('HYLL', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff', 'x', '123')).map(([name, value]) => ['SET', name, Buffer.from(value, 'latin1')]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('ENCODING', 'DECODE', 'TODENSE', 'GETREG', 'BOGUS'), key).map(([sub, name]) => ['PFDEBUG', sub, name]) },
  { weight: 1, arbitrary: key.map((name) => ['OBJECT', 'ENCODING', name]) },
  { weight: 1, arbitrary: key.map((name) => ['DUMP', name]) },
);

const sequence = fc.tuple(fc.constantFrom(undefined, '40', '200', '3000'), fc.array(hllCommand, { minLength: 1, maxLength: 25 })).map(([sparseMax, commands]) =>
  sparseMax === undefined ? commands : [['CONFIG', 'SET', 'hll-sparse-max-bytes', sparseMax], ...commands],
);

describe('generated HyperLogLog sequences answer byte for byte like redis-server 7.0.15', () => {
  it('every reply, GET bytes included, is identical', async () => {
    await fc.assert(
      fc.asyncProperty(sequence, async (commands) => {
        await pair.reset();
        const difference = await firstDifference(pair, commands);
        expect(difference).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
