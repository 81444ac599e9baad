import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTERNED_TEXT_BYTES_MAX, InternedTexts } from '../../../src/store/protocol/interned-text.js';

describe('InternedTexts', () => {
  it("always answers the bytes' latin1 text, whatever was looked up before (collisions included)", () => {
    const bytes = fc.uint8Array({ minLength: 1, maxLength: INTERNED_TEXT_BYTES_MAX }).map((array) => Buffer.from(array));
    fc.assert(
      fc.property(fc.array(bytes, { minLength: 1, maxLength: 600 }), (lookups) => {
        const texts = new InternedTexts();
        for (const data of lookups) {
          const framed = Buffer.concat([Buffer.from('<<'), data, Buffer.from('>>')]);
          expect(texts.textOf(framed, 2, 2 + data.length)).toBe(data.toString('latin1'));
        }
      }),
    );
  });

  it('answers the right text from textOfHashed whatever hash the caller passes, and a table of any power-of-two size', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uint8Array({ minLength: 1, maxLength: INTERNED_TEXT_BYTES_MAX }), fc.integer()), { minLength: 1, maxLength: 200 }), fc.constantFrom(1, 2, 1024), (lookups, slots) => {
        const texts = new InternedTexts(slots);
        for (const [array, hash] of lookups) {
          const data = Buffer.from(array);
          expect(texts.textOfHashed(data, 0, data.length, hash)).toBe(data.toString('latin1'));
          expect(texts.textOf(data, 0, data.length)).toBe(data.toString('latin1'));
        }
      }),
    );
  });

  it('gives the same string back for the same bytes, and nothing for empty or long ones', () => {
    const texts = new InternedTexts();
    const first = texts.textOf(Buffer.from('hset'), 0, 4);
    expect(first).toBe('hset');
    expect(texts.textOf(Buffer.from('xhset'), 1, 5)).toBe(first);
    expect(texts.textOf(Buffer.from('HSET'), 0, 4)).toBe('HSET');
    expect(texts.textOf(Buffer.from('abc'), 1, 1)).toBeUndefined();
    const long = Buffer.alloc(INTERNED_TEXT_BYTES_MAX + 1, 0x61);
    expect(texts.textOf(long, 0, long.length)).toBeUndefined();
  });

  it('gives the bytes of the text last answered as one shared Buffer per text, replaced when its slot is', () => {
    const texts = new InternedTexts(1);
    texts.textOf(Buffer.from('xSET'), 1, 4);
    const first = texts.lastSharedBytes();
    expect(first).toEqual(Buffer.from('SET'));
    texts.textOf(Buffer.from('SET'), 0, 3);
    expect(texts.lastSharedBytes()).toBe(first);
    // One slot: GET takes it over, and SET then gets fresh bytes.
    texts.textOf(Buffer.from('GET'), 0, 3);
    expect(texts.lastSharedBytes()).toEqual(Buffer.from('GET'));
    texts.textOf(Buffer.from('SET'), 0, 3);
    const again = texts.lastSharedBytes();
    expect(again).toEqual(Buffer.from('SET'));
    expect(again).not.toBe(first);
  });
});
