import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitCount, FastReplies } from '../../../src/store/embedded-fast-replies.js';

describe('embedded fast replies', () => {
  it('write integers exactly as RESP prints them, across the int32 and safe-integer ranges', () => {
    const replies = new FastReplies();
    const integer = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, -1, 9, 10, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER));
    fc.assert(
      fc.property(integer, (value) => {
        expect(replies.integer(value).toString('latin1')).toBe(`:${value}\r\n`);
        expect(replies.bigInteger(BigInt(value)).toString('latin1')).toBe(`:${value}\r\n`);
        expect(replies.bulkInteger(value).toString('latin1')).toBe(`$${String(value).length}\r\n${value}\r\n`);
        expect(digitCount(Math.abs(value))).toBe(String(Math.abs(value)).length);
      }),
      { numRuns: 3000 },
    );
    expect(replies.bigInteger(-(2n ** 63n)).toString('latin1')).toBe(`:${-(2n ** 63n)}\r\n`);
  });

  it('frame bulk strings, small and past the slab', () => {
    const replies = new FastReplies();
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 5000 }), (text) => {
        const expected = `$${text.length}\r\n${text}\r\n`;
        expect(replies.bulk(Buffer.from(text, 'latin1')).toString('latin1')).toBe(expected);
      }),
      { numRuns: 300 },
    );
    expect(replies.nullBulk(2).toString('latin1')).toBe('$-1\r\n');
    expect(replies.nullBulk(3).toString('latin1')).toBe('_\r\n');
    expect(replies.ok().toString('latin1')).toBe('+OK\r\n');
  });

  it('hands out replies no later reply overwrites', () => {
    const replies = new FastReplies();
    const kept = Array.from({ length: 5000 }, (_, index) => [index, replies.integer(index)] as const);
    for (const [index, reply] of kept) expect(reply.toString('latin1')).toBe(`:${index}\r\n`);
  });
});
