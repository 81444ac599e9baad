import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKeyword } from '../../../../src/store/commands/families/zsets-shared.js';

/** strcasecmp(argument as a C string, keyword) == 0, written the obvious way. */
function cKeywordEquals(argument: Buffer, keyword: string): boolean {
  const nul = argument.indexOf(0);
  return argument.toString('latin1', 0, nul === -1 ? argument.length : nul).toLowerCase() === keyword;
}

describe('isKeyword (strcasecmp on the argument as a C string)', () => {
  it('matches any case and stops at a NUL byte', () => {
    expect(isKeyword(Buffer.from('WithScores'), 'withscores')).toBe(true);
    expect(isKeyword(Buffer.from('nx\u0000junk', 'latin1'), 'nx')).toBe(true);
    expect(isKeyword(Buffer.from('nxx'), 'nx')).toBe(false);
    expect(isKeyword(Buffer.from('n'), 'nx')).toBe(false);
    expect(isKeyword(Buffer.from('n\u00d8', 'latin1'), 'nx')).toBe(false);
    expect(isKeyword(undefined, 'nx')).toBe(false);
  });

  it('agrees with decoding and lowercasing for every byte string over letters, their neighbours and NUL', () => {
    const byte = fc.constantFrom(0x00, 0x4e, 0x58, 0x6e, 0x78, 0x0e, 0x2e, 0xce, 0xee, 0x7e, 0x5e);
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 4 }), fc.constantFrom('nx', 'xx', 'x'), (bytes, keyword) => {
        const argument = Buffer.from(bytes);
        expect(isKeyword(argument, keyword)).toBe(cKeywordEquals(argument, keyword));
      }),
      { numRuns: 2000 },
    );
  });
});
