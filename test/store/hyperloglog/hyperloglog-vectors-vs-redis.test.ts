import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HyperLogLog } from '../../../src/store/types/hyperloglog.js';
import { denseBytes, headerBytes, setDenseRegister, valueOpcode, writeLongZero, zeroOpcode } from '../../../src/store/types/hyperloglog-layout.js';
import { startServerPair, type ServerPair } from './pair.js';

/**
 * The HLL types on vectors the real server makes: the bytes PFADD writes
 * for given elements, and the cardinality PFCOUNT gives for register
 * contents built here (dense with any 6-bit values, sparse opcode streams).
 */
let pair: ServerPair;

beforeAll(async () => {
  pair = await startServerPair();
});

afterAll(async () => {
  await pair?.stop();
});

const header = (encoding: number): Buffer => Buffer.from([0x48, 0x59, 0x4c, 0x4c, encoding, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80]);

/** A valid sparse opcode stream covering exactly 16384 registers. */
const sparseBody = fc.array(fc.record({ zeros: fc.integer({ min: 0, max: 3000 }), value: fc.integer({ min: 1, max: 32 }), run: fc.integer({ min: 1, max: 4 }) }), { maxLength: 60 }).map((runs) => {
  const parts: number[] = [];
  let covered = 0;
  const pushZeros = (count: number): void => {
    let left = count;
    while (left > 0) {
      const piece = Math.min(left, 16384);
      if (piece <= 64) parts.push(zeroOpcode(piece));
      else {
        const pair2 = Buffer.alloc(2);
        writeLongZero(pair2, 0, piece);
        parts.push(pair2[0] as number, pair2[1] as number);
      }
      left -= piece;
    }
  };
  for (const { zeros, value, run } of runs) {
    if (covered + zeros + run > 16384) break;
    pushZeros(zeros);
    parts.push(valueOpcode(value, run));
    covered += zeros + run;
  }
  pushZeros(16384 - covered);
  return Buffer.from(parts);
});

describe('HyperLogLog vectors from redis-server 7.0.15', () => {
  it('PFADD of the same elements writes the bytes our sketch computes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 12 }).map((bytes) => Buffer.from(bytes)), { minLength: 1, maxLength: 300 }), async (elements) => {
        await pair.reset();
        await pair.run(['PFADD', 'h', ...elements]);
        const { real } = await pair.run(['GET', 'h']);
        const sketch = HyperLogLog.empty();
        for (const element of elements) sketch.add(element, 3000);
        sketch.invalidateCache();
        const bytes = sketch.bytes();
        expect(real.toString('latin1')).toBe(`$${bytes.length}\r\n${bytes.toString('latin1')}\r\n`);
      }),
      { numRuns: 60 },
    );
  });

  it('PFCOUNT of dense registers with any values equals our estimate', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 16383 }), fc.integer({ min: 0, max: 63 })), { maxLength: 3000 }), fc.integer({ min: 0, max: 63 }), async (writes, base) => {
        const data = Buffer.alloc(denseBytes);
        header(0).copy(data);
        for (let index = 0; index < 16384; index += 97) setDenseRegister(data, headerBytes, index, base);
        for (const [index, value] of writes) setDenseRegister(data, headerBytes, index, value);
        await pair.reset();
        await pair.run(['SET', 'h', data]);
        const { real } = await pair.run(['PFCOUNT', 'h']);
        expect(real.toString('latin1')).toBe(`:${HyperLogLog.fromBytes(data).estimate()}\r\n`);
      }),
      { numRuns: 60 },
    );
  });

  it('PFCOUNT of sparse opcode streams equals our estimate', async () => {
    await fc.assert(
      fc.asyncProperty(sparseBody, async (body) => {
        const data = Buffer.concat([header(1), body]);
        await pair.reset();
        await pair.run(['SET', 'h', data]);
        const { real } = await pair.run(['PFCOUNT', 'h']);
        expect(real.toString('latin1')).toBe(`:${HyperLogLog.fromBytes(data).estimate()}\r\n`);
      }),
      { numRuns: 60 },
    );
  });
});
