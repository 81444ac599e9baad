import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Crc64, crc64 } from '../../../../src/store/persistence/rdb/crc64.js';

describe('crc64 (Jones, as crc64.c)', () => {
  it('gives the check value of "123456789"', () => {
    expect(crc64(Buffer.from('123456789'))).toBe(0xe9c6d914c4b8d9can);
  });

  it('is the same fed in pieces or at once', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (data, cut) => {
        const at = Math.min(cut, data.length);
        expect(new Crc64().update(data, 0, at).update(data, at).value()).toBe(crc64(data));
      }),
    );
  });

  it('changes when one bit flips', () => {
    const data = Buffer.from('some rdb content');
    const flipped = Buffer.from(data);
    flipped[3] = (flipped[3] as number) ^ 1;
    expect(crc64(flipped)).not.toBe(crc64(data));
  });
});
