import { describe, expect, it } from 'vitest';
import { rememberArgumentText, rememberedArgumentText } from '../../../src/store/keyspace/argument-text.js';
import { binaryKey } from '../../../src/store/keyspace/object.js';

describe('argument texts', () => {
  it('gives the remembered text for the very Buffer it was remembered with, and nothing for an equal copy', () => {
    const key = Buffer.from('user:1');
    rememberArgumentText(1, key, 'user:1');
    expect(rememberedArgumentText(key)).toBe('user:1');
    expect(rememberedArgumentText(Buffer.from('user:1'))).toBeUndefined();
  });

  it('keeps only the first four arguments and lets a later command replace a slot', () => {
    const fifth = Buffer.from('e');
    rememberArgumentText(4, fifth, 'e');
    expect(rememberedArgumentText(fifth)).toBeUndefined();
    const first = Buffer.from('a');
    const replacement = Buffer.from('b');
    rememberArgumentText(0, first, 'a');
    rememberArgumentText(0, replacement, 'b');
    expect(rememberedArgumentText(first)).toBeUndefined();
    expect(rememberedArgumentText(replacement)).toBe('b');
  });

  it('names keys by the same text whether remembered or decoded (binaryKey)', () => {
    const bytes = Buffer.from([0x6b, 0xe9, 0x00, 0xff]);
    const decoded = binaryKey(bytes);
    rememberArgumentText(2, bytes, bytes.toString('latin1'));
    expect(binaryKey(bytes)).toBe(decoded);
    expect(decoded).toBe('k\u00e9\u0000\u00ff');
  });
});
