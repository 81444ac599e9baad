import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatch, globMatchText } from '../../../src/store/server/glob.js';

/**
 * A straight recursive transcription of util.c stringmatchlen without the
 * skipLongerMatches shortcut (which only prunes; it never changes answers).
 */
function reference(pattern: string, subject: string, noCase: boolean): boolean {
  const lower = (text: string): string => (noCase && text >= 'A' && text <= 'Z' ? text.toLowerCase() : text);
  let p = 0;
  let s = 0;
  while (p < pattern.length && s < subject.length) {
    const token = pattern[p] as string;
    if (token === '*') {
      while (p + 1 < pattern.length && pattern[p + 1] === '*') p++;
      if (p + 1 === pattern.length) return true;
      for (let start = s; start < subject.length; start++) if (reference(pattern.slice(p + 1), subject.slice(start), noCase)) return true;
      return false;
    } else if (token === '?') {
      s++;
    } else if (token === '[') {
      p++;
      const negate = pattern[p] === '^';
      if (negate) p++;
      let matched = false;
      for (;;) {
        if (pattern[p] === '\\' && pattern.length - p >= 2) {
          p++;
          if (pattern[p] === subject[s]) matched = true;
        } else if (pattern[p] === ']') {
          break;
        } else if (p >= pattern.length) {
          p--;
          break;
        } else if (pattern.length - p >= 3 && pattern[p + 1] === '-') {
          let low = pattern[p] as string;
          let high = pattern[p + 2] as string;
          if (low > high) [low, high] = [high, low];
          const candidate = lower(subject[s] as string);
          if (lower(candidate) >= lower(low) && candidate <= lower(high)) matched = true;
          p += 2;
        } else if (lower(pattern[p] as string) === lower(subject[s] as string)) {
          matched = true;
        }
        p++;
      }
      if (negate) matched = !matched;
      if (!matched) return false;
      s++;
    } else {
      let literal = token;
      if (token === '\\' && pattern.length - p >= 2) literal = pattern[++p] as string;
      if (lower(literal) !== lower(subject[s] as string)) return false;
      s++;
    }
    p++;
    if (s === subject.length) {
      while (pattern[p] === '*') p++;
      break;
    }
  }
  return p === pattern.length && s === subject.length;
}

describe('globMatch', () => {
  it('matches the usual Redis patterns', () => {
    expect(globMatchText('h?llo', 'hello')).toBe(true);
    expect(globMatchText('h*llo', 'heeeello')).toBe(true);
    expect(globMatchText('h[ae]llo', 'hallo')).toBe(true);
    expect(globMatchText('h[^e]llo', 'hello')).toBe(false);
    expect(globMatchText('h[a-b]llo', 'hbllo')).toBe(true);
    expect(globMatchText('h[b-a]llo', 'hbllo')).toBe(true);
    expect(globMatchText('h\\*llo', 'h*llo')).toBe(true);
    expect(globMatchText('h\\*llo', 'hello')).toBe(false);
    // util.c never enters its loop for an empty subject, so even `*` does not match it (KEYS * special-cases it).
    expect(globMatchText('*', '')).toBe(false);
    expect(globMatchText('a*', '')).toBe(false);
    expect(globMatchText('HELLO', 'hello', true)).toBe(true);
    expect(globMatchText('[abc', 'a')).toBe(true);
  });

  it('agrees with the recursive util.c algorithm on random patterns', () => {
    const patternChar = fc.constantFrom('a', 'b', 'A', '*', '?', '[', ']', '^', '-', '\\');
    const subjectChar = fc.constantFrom('a', 'b', 'B', '-', ']', '[', '*', '\\');
    fc.assert(
      fc.property(fc.array(patternChar, { maxLength: 8 }), fc.array(subjectChar, { maxLength: 8 }), fc.boolean(), (patternChars, subjectChars, noCase) => {
        const pattern = patternChars.join('');
        const subject = subjectChars.join('');
        expect(globMatchText(pattern, subject, noCase)).toBe(reference(pattern, subject, noCase));
      }),
      { numRuns: 3000 },
    );
  });

  it('is binary safe', () => {
    expect(globMatch(Buffer.from([0x2a, 0x00]), Buffer.from([0xff, 0x00]))).toBe(true);
    expect(globMatch(Buffer.from([0x3f]), Buffer.from([0x00]))).toBe(true);
  });

  it('stays fast on patterns that backtrack pathologically', () => {
    expect(globMatchText('a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(60))).toBe(false);
  });
});
