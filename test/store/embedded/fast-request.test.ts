import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastCommandOf, keyNameOf, requestBytesOf } from '../../../src/store/embedded-fast-request.js';
import { encodeRequest } from '../../../src/store/protocol/request-encoder.js';

/** Every spelling of a name: each letter upper or lower. */
function spellings(name: string): string[] {
  let all = [''];
  for (const char of name) all = all.flatMap((prefix) => [prefix + char.toLowerCase(), prefix + char.toUpperCase()]);
  return all;
}

describe('embedded fast request', () => {
  it('names SET/GET/INCR/DECR in any letter case, only with the argument count the fast path takes', () => {
    const shapes: [string, number, string][] = [
      ['set', 3, 'set'],
      ['get', 2, 'get'],
      ['incr', 2, 'incr'],
      ['decr', 2, 'decr'],
    ];
    for (const [name, count, command] of shapes) {
      for (const spelling of spellings(name)) {
        expect(fastCommandOf([spelling, ...Array.from({ length: count - 1 }, () => 'x')])).toBe(command);
        expect(fastCommandOf([spelling, ...Array.from({ length: count }, () => 'x')])).toBeUndefined();
        expect(fastCommandOf([spelling])).toBeUndefined();
      }
      expect(fastCommandOf([Buffer.from(name), 'k', 'v'].slice(0, count))).toBeUndefined();
    }
  });

  it('names no other command, whatever its chars', () => {
    const known = new Set(['set', 'get', 'incr', 'decr']);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('sex', 'gat', 'inct', 'decx', 'imcr', 'dncr', 'sEt\u0000', 's\u0045t', '\u0073et', 'S%T', 'i\u004eCR')), (name) => {
        const command = fastCommandOf([name, 'k', 'v']) ?? fastCommandOf([name, 'k']);
        expect(command === undefined ? undefined : command).toBe(known.has(name.toLowerCase()) ? name.toLowerCase() : undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('names keys by their latin1 text, and refuses strings whose UTF-8 bytes are not their chars', () => {
    expect(keyNameOf('key:1')).toBe('key:1');
    expect(keyNameOf(Buffer.from([0x6b, 0xe9, 0xff]))).toBe('k\u00e9\u00ff');
    expect(keyNameOf('cl\u00e9')).toBeUndefined();
    expect(keyNameOf('\u{1F600}')).toBeUndefined();
    expect(keyNameOf('\u007f')).toBe('\u007f');
  });

  it('counts the bytes the RESP encoding of the request takes', () => {
    fc.assert(
      fc.property(fc.constantFrom('SET', 'GET', 'INCR'), fc.nat(20_000), fc.option(fc.nat(20_000), { nil: undefined }), (name, keyLength, valueLength) => {
        const argv = valueLength === undefined ? [name, 'k'.repeat(keyLength)] : [name, 'k'.repeat(keyLength), 'v'.repeat(valueLength)];
        expect(requestBytesOf(name.length, keyLength, valueLength)).toBe(encodeRequest(argv).length);
      }),
      { numRuns: 500 },
    );
  });
});
