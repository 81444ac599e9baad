import { describe, expect, it } from 'vitest';
import { SlabCopier, slabView } from '../../../src/store/types/slab-bytes.js';

describe('slab bytes', () => {
  it('hands out real Buffers over the slab region', () => {
    const slab = new ArrayBuffer(16);
    new Uint8Array(slab).set([0x61, 0x62, 0x63], 4);
    const view = slabView(slab, 4, 3);
    expect(Buffer.isBuffer(view)).toBe(true);
    expect(view.toString('latin1')).toBe('abc');
    expect(view.equals(Buffer.from('abc'))).toBe(true);
    expect(Buffer.concat([view, Buffer.from('d')]).toString()).toBe('abcd');
    expect(view.subarray(1).toString()).toBe('bc');
  });

  it('copies are independent of the source and of every later copy, across slab boundaries', () => {
    const copier = new SlabCopier(64);
    const copies: { readonly copy: Buffer; readonly text: string }[] = [];
    for (let index = 0; index < 100; index++) {
      const source = Buffer.from(`v${index}`);
      const copy = copier.copy(source);
      source.fill(0);
      copies.push({ copy, text: `v${index}` });
    }
    expect(copies.every(({ copy, text }) => copy.toString() === text)).toBe(true);
  });

  it('gives a large value its own allocation', () => {
    const copier = new SlabCopier(64);
    const large = Buffer.alloc(9, 7);
    const copy = copier.copy(large);
    expect(copy.equals(large)).toBe(true);
    expect(copy.buffer.byteLength).not.toBe(64);
  });
});
