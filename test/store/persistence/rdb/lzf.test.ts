import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lzfCompress, lzfDecompress } from '../../../../src/store/persistence/rdb/lzf.js';

describe('lzf', () => {
  it('decompresses what it compresses, for any input it manages to shrink', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.string({ maxLength: 500 }).map((text) => Buffer.from(text.repeat(3)))), (data) => {
        const compressed = lzfCompress(data, data.length + 64);
        if (data.length === 0) {
          expect(compressed).toBeUndefined();
          return;
        }
        expect(compressed).toBeDefined();
        const restored = lzfDecompress(compressed as Uint8Array, data.length);
        expect(restored === undefined ? undefined : Buffer.from(restored)).toEqual(Buffer.from(data));
      }),
    );
  });

  it('shrinks repetitive data and gives up when the output bound is too small', () => {
    const data = Buffer.from('abcabcabc'.repeat(50));
    const compressed = lzfCompress(data, data.length - 4);
    expect(compressed).toBeDefined();
    expect((compressed as Uint8Array).length).toBeLessThan(40);
    expect(lzfCompress(Buffer.from('abcdefghijklmnopqrstuvwxyz'), 20)).toBeUndefined();
  });

  it('rejects corrupt input instead of reading outside it', () => {
    expect(lzfDecompress(Buffer.from([0xe0, 0x00]), 10)).toBeUndefined();
    expect(lzfDecompress(Buffer.from([0x05, 0x61]), 6)).toBeUndefined();
    expect(lzfDecompress(Buffer.from([0x00, 0x61, 0x20, 0x05]), 10)).toBeUndefined();
  });
});
