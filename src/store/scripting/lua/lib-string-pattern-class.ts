/**
 * Lua 5.1 pattern character classes (lstrlib.c match_class,
 * matchbracketclass, singlematch, classend) over byte codes, with the C
 * locale's ctype (Redis never calls setlocale(LC_CTYPE)): only ASCII letters
 * are letters.
 */

const percent = 37; // '%'

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isControl(c: number): boolean {
  return c < 32 || c === 127;
}
function isPunctuation(c: number): boolean {
  return c > 32 && c < 127 && !isAlpha(c) && !isDigit(c);
}
function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function toLowerAscii(c: number): number {
  return isUpper(c) ? c + 32 : c;
}

/** %a %c %d %l %p %s %u %w %x %z (upper case: the complement); any other character matches itself. */
export function matchClass(c: number, classLetter: number): boolean {
  let result: boolean;
  switch (String.fromCharCode(toLowerAscii(classLetter))) {
    case 'a': result = isAlpha(c); break;
    case 'c': result = isControl(c); break;
    case 'd': result = isDigit(c); break;
    case 'l': result = isLower(c); break;
    case 'p': result = isPunctuation(c); break;
    case 's': result = isSpace(c); break;
    case 'u': result = isUpper(c); break;
    case 'w': result = isAlpha(c) || isDigit(c); break;
    case 'x': result = isHexDigit(c); break;
    case 'z': result = c === 0; break;
    default: return classLetter === c;
  }
  return isLower(classLetter) ? result : !result;
}

/**
 * A set `[...]`: `start` is the index of '[' in the pattern, `endBracket`
 * the index of its closing ']'.
 */
export function matchBracketClass(c: number, pattern: string, start: number, endBracket: number): boolean {
  let matches = true;
  let at = start;
  if (pattern.charCodeAt(at + 1) === 94 /* ^ */) {
    matches = false;
    at++;
  }
  while (++at < endBracket) {
    const code = pattern.charCodeAt(at);
    if (code === percent) {
      at++;
      if (matchClass(c, pattern.charCodeAt(at))) return matches;
    } else if (pattern.charCodeAt(at + 1) === 45 /* - */ && at + 2 < endBracket) {
      at += 2;
      if (code <= c && c <= pattern.charCodeAt(at)) return matches;
    } else if (code === c) {
      return matches;
    }
  }
  return !matches;
}

/** Does byte `c` match the single-character class at `start` (which ends just before `classEnd`)? */
export function singleMatch(c: number, pattern: string, start: number, classEnd: number): boolean {
  switch (pattern.charCodeAt(start)) {
    case 46: // '.'
      return true;
    case percent:
      return matchClass(c, pattern.charCodeAt(start + 1));
    case 91: // '['
      return matchBracketClass(c, pattern, start, classEnd - 1);
    default:
      return pattern.charCodeAt(start) === c;
  }
}

/** Where a malformed class was found: the caller raises Lua's message. */
export type ClassEndResult = number | 'ends with %' | 'missing ]';

/** classend: the index just past the single-character class at `start`. The pattern ends with a NUL, as in C. */
export function classEnd(pattern: string, start: number): ClassEndResult {
  let at = start;
  const first = pattern.charCodeAt(at++);
  if (first === percent) {
    if (pattern.charCodeAt(at) === 0) return 'ends with %';
    return at + 1;
  }
  if (first === 91 /* [ */) {
    if (pattern.charCodeAt(at) === 94 /* ^ */) at++;
    do {
      if (pattern.charCodeAt(at) === 0) return 'missing ]';
      const code = pattern.charCodeAt(at++);
      if (code === percent && pattern.charCodeAt(at) !== 0) at++;
    } while (pattern.charCodeAt(at) !== 93 /* ] */);
    return at + 1;
  }
  return at;
}
