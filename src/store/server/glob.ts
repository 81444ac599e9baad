/**
 * Redis's glob matcher, `stringmatchlen` of util.c (7.0.15), over bytes:
 * `*`, `?`, `[abc]`, `[^abc]`, `[a-z]` (reversed ranges allowed), `\x`
 * escapes, and an optional case-insensitive mode (ASCII tolower). KEYS, SCAN
 * MATCH, PSUBSCRIBE, PUBSUB CHANNELS and CONFIG GET all use it.
 *
 * Implemented iteratively (the C code recurses on `*`): each `*` records a
 * backtracking point, which gives the same answers as the recursive form.
 */
export function globMatch(pattern: Uint8Array, subject: Uint8Array, noCase = false): boolean {
  return matchFrom(pattern, 0, subject, 0, noCase, 0) === 'match';
}

/** Convenience for string patterns and subjects (latin1: one char per byte). */
export function globMatchText(pattern: string, subject: string, noCase = false): boolean {
  return globMatch(Buffer.from(pattern, 'latin1'), Buffer.from(subject, 'latin1'), noCase);
}

type MatchResult = 'match' | 'nomatch' | 'skipLonger';

const MAX_NESTING = 1000;

function lower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 32 : byte;
}

/**
 * The C recursion with its `skipLongerMatches` early exit, which keeps the
 * worst case polynomial. Nesting is bounded by the number of `*` groups;
 * beyond MAX_NESTING the pattern is refused as a non-match (Redis 7.0 has no
 * limit but would be pathological there too).
 */
function matchFrom(pattern: Uint8Array, patternStart: number, subject: Uint8Array, subjectStart: number, noCase: boolean, nesting: number): MatchResult {
  if (nesting > MAX_NESTING) return 'skipLonger';
  let p = patternStart;
  let s = subjectStart;
  while (p < pattern.length && s < subject.length) {
    const token = pattern[p] as number;
    if (token === 0x2a) {
      while (p + 1 < pattern.length && pattern[p + 1] === 0x2a) p++;
      if (p + 1 === pattern.length) return 'match';
      while (s < subject.length) {
        const result = matchFrom(pattern, p + 1, subject, s, noCase, nesting + 1);
        if (result === 'match') return 'match';
        if (result === 'skipLonger') return 'skipLonger';
        s++;
      }
      return 'skipLonger';
    }
    const step = matchOne(pattern, p, subject[s] as number, noCase);
    if (!step.matched) return 'nomatch';
    p = step.next;
    s++;
    if (s === subject.length) {
      while (p < pattern.length && pattern[p] === 0x2a) p++;
      break;
    }
  }
  return p === pattern.length && s === subject.length ? 'match' : 'nomatch';
}

/** Matches one non-`*` pattern element at `p` against `byte`; returns where the pattern goes on. */
function matchOne(pattern: Uint8Array, p: number, byte: number, noCase: boolean): { matched: boolean; next: number } {
  const token = pattern[p] as number;
  if (token === 0x3f) return { matched: true, next: p + 1 };
  if (token === 0x5b) return matchClass(pattern, p + 1, byte, noCase);
  let literal = token;
  let next = p + 1;
  if (token === 0x5c && pattern.length - p >= 2) {
    literal = pattern[p + 1] as number;
    next = p + 2;
  }
  const matched = noCase ? lower(literal) === lower(byte) : literal === byte;
  return { matched, next };
}

/** `[...]` as util.c parses it: `^` negates, `\` escapes, `a-z` ranges; an unclosed class runs to the end. */
function matchClass(pattern: Uint8Array, start: number, byte: number, noCase: boolean): { matched: boolean; next: number } {
  let p = start;
  const negate = pattern[p] === 0x5e;
  if (negate) p++;
  let matched = false;
  for (;;) {
    const token = pattern[p];
    if (token === 0x5c && pattern.length - p >= 2) {
      p++;
      // util.c compares an escaped class member exactly, even in nocase mode.
      if (pattern[p] === byte) matched = true;
    } else if (token === 0x5d) {
      break;
    } else if (token === undefined) {
      p--;
      break;
    } else if (pattern.length - p >= 3 && pattern[p + 1] === 0x2d) {
      let low = token;
      let high = pattern[p + 2] as number;
      let candidate = byte;
      if (low > high) [low, high] = [high, low];
      if (noCase) {
        low = lower(low);
        high = lower(high);
        candidate = lower(candidate);
      }
      p += 2;
      if (candidate >= low && candidate <= high) matched = true;
    } else if (equalBytes(token, byte, noCase)) {
      matched = true;
    }
    p++;
  }
  if (negate) matched = !matched;
  return { matched, next: p + 1 };
}

function equalBytes(left: number, right: number, noCase: boolean): boolean {
  return noCase ? lower(left) === lower(right) : left === right;
}
