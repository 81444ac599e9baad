import type { LuaCallContext, LuaValue } from './api.js';
import { luaRuntimeError } from './lib-string-arguments.js';
import { classEnd, matchBracketClass, singleMatch } from './lib-string-pattern-class.js';

/**
 * Lua 5.1's pattern matcher (lstrlib.c match and friends), ported step for
 * step so that results and error messages agree with Redis's Lua. Subjects
 * and patterns are byte strings; the pattern carries C's terminating NUL
 * (a pattern ends at its first NUL, as in C).
 */

/** LUA_MAXCAPTURES. */
export const capturesMax = 32;
const captureUnfinished = -1;
const capturePosition = -2;
/**
 * Lua 5.1 recurses on the C stack without a bound; we stop at Lua 5.2's
 * MAXCCALLS with its message instead of overflowing the JS stack (which the
 * interpreter's own calls share). The depth grows with the pattern's
 * quantified items and captures, not with the subject's length.
 */
const matchDepthMax = 200;

const percent = 37;

export class MatchState {
  level = 0;
  depth = 0;
  nextSubject = 0;
  nextPattern = 0;
  readonly captureStart: number[] = [];
  readonly captureLength: number[] = [];
  /** The pattern cut at its first NUL, plus the NUL. */
  readonly pattern: string;

  constructor(
    readonly subject: string,
    pattern: string,
    readonly context: LuaCallContext,
  ) {
    const nulAt = pattern.indexOf('\0');
    this.pattern = `${nulAt < 0 ? pattern : pattern.slice(0, nulAt)}\0`;
  }

  error(message: string): never {
    throw luaRuntimeError(this.context, message);
  }

  /** The subject byte at `index`, or C's terminating NUL at the end. */
  subjectCode(index: number): number {
    return index < this.subject.length ? this.subject.charCodeAt(index) : 0;
  }

  classEndOrError(start: number): number {
    const end = classEnd(this.pattern, start);
    if (end === 'ends with %') this.error("malformed pattern (ends with '%')");
    if (end === 'missing ]') this.error("malformed pattern (missing ']')");
    return end;
  }
}

function checkCapture(state: MatchState, letter: number): number {
  const index = letter - 49; // '1'
  if (index < 0 || index >= state.level || state.captureLength[index] === captureUnfinished) {
    state.error('invalid capture index');
  }
  return index;
}

function captureToClose(state: MatchState): number {
  for (let level = state.level - 1; level >= 0; level--) {
    if (state.captureLength[level] === captureUnfinished) return level;
  }
  return state.error('invalid pattern capture');
}

function matchBalance(state: MatchState, s: number, p: number): number | undefined {
  const open = state.pattern.charCodeAt(p);
  const close = state.pattern.charCodeAt(p + 1);
  if (open === 0 || close === 0) state.error('unbalanced pattern');
  if (state.subjectCode(s) !== open) return undefined;
  let depth = 1;
  while (++s < state.subject.length) {
    const code = state.subject.charCodeAt(s);
    if (code === close) {
      if (--depth === 0) return s + 1;
    } else if (code === open) {
      depth++;
    }
  }
  return undefined;
}

function maxExpand(state: MatchState, s: number, p: number, ep: number): number | undefined {
  let count = 0;
  while (s + count < state.subject.length && singleMatch(state.subject.charCodeAt(s + count), state.pattern, p, ep)) count++;
  while (count >= 0) {
    const result = match(state, s + count, ep + 1);
    if (result !== undefined) return result;
    count--;
  }
  return undefined;
}

function minExpand(state: MatchState, s: number, p: number, ep: number): number | undefined {
  for (;;) {
    const result = match(state, s, ep + 1);
    if (result !== undefined) return result;
    if (s < state.subject.length && singleMatch(state.subject.charCodeAt(s), state.pattern, p, ep)) s++;
    else return undefined;
  }
}

function startCapture(state: MatchState, s: number, p: number, what: number): number | undefined {
  const level = state.level;
  if (level >= capturesMax) state.error('too many captures');
  state.captureStart[level] = s;
  state.captureLength[level] = what;
  state.level = level + 1;
  const result = match(state, s, p);
  if (result === undefined) state.level--;
  return result;
}

function endCapture(state: MatchState, s: number, p: number): number | undefined {
  const level = captureToClose(state);
  state.captureLength[level] = s - (state.captureStart[level] ?? 0);
  const result = match(state, s, p);
  if (result === undefined) state.captureLength[level] = captureUnfinished;
  return result;
}

function matchCapture(state: MatchState, s: number, letter: number): number | undefined {
  const index = checkCapture(state, letter);
  const start = state.captureStart[index] ?? 0;
  const length = state.captureLength[index] ?? 0;
  // A position capture has a negative length: C compares it as a huge size_t, which never fits.
  if (length < 0 || state.subject.length - s < length) return undefined;
  return state.subject.startsWith(state.subject.slice(start, start + length), s) ? s + length : undefined;
}

/** A helper's answer "go on matching at (state.nextSubject, state.nextPattern)": C's `goto init`, without growing the stack. */
const continueMatch = -1;

function continueAt(state: MatchState, s: number, p: number): number {
  state.nextSubject = s;
  state.nextPattern = p;
  return continueMatch;
}

function matchFrontier(state: MatchState, s: number, p: number): number | undefined {
  if (state.pattern.charCodeAt(p) !== 91 /* [ */) state.error("missing '[' after '%f' in pattern");
  const ep = state.classEndOrError(p);
  const previous = s === 0 ? 0 : state.subject.charCodeAt(s - 1);
  if (matchBracketClass(previous, state.pattern, p, ep - 1)) return undefined;
  if (!matchBracketClass(state.subjectCode(s), state.pattern, p, ep - 1)) return undefined;
  return continueAt(state, s, ep);
}

/** match(ms, s, p): the end of the match of pattern[p..] at subject[s..], or undefined. */
export function match(state: MatchState, s: number, p: number): number | undefined {
  if (++state.depth > matchDepthMax) state.error('pattern too complex');
  try {
    let result = matchItem(state, s, p);
    while (result === continueMatch) result = matchItem(state, state.nextSubject, state.nextPattern);
    return result;
  } finally {
    state.depth--;
  }
}

function matchItem(state: MatchState, s: number, p: number): number | undefined {
  const pattern = state.pattern;
  switch (pattern.charCodeAt(p)) {
    case 40: // '('
      if (pattern.charCodeAt(p + 1) === 41) return startCapture(state, s, p + 2, capturePosition);
      return startCapture(state, s, p + 1, captureUnfinished);
    case 41: // ')'
      return endCapture(state, s, p + 1);
    case percent: {
      const next = pattern.charCodeAt(p + 1);
      if (next === 98 /* b */) {
        const end = matchBalance(state, s, p + 2);
        return end === undefined ? undefined : continueAt(state, end, p + 4);
      }
      if (next === 102 /* f */) return matchFrontier(state, s, p + 2);
      if (next >= 48 && next <= 57) {
        const end = matchCapture(state, s, next);
        return end === undefined ? undefined : continueAt(state, end, p + 2);
      }
      return matchSingleItem(state, s, p);
    }
    case 0:
      return s;
    case 36: // '$'
      if (pattern.charCodeAt(p + 1) === 0) return s === state.subject.length ? s : undefined;
      return matchSingleItem(state, s, p);
    default:
      return matchSingleItem(state, s, p);
  }
}

function matchSingleItem(state: MatchState, s: number, p: number): number | undefined {
  const ep = state.classEndOrError(p);
  const matched = s < state.subject.length && singleMatch(state.subject.charCodeAt(s), state.pattern, p, ep);
  switch (state.pattern.charCodeAt(ep)) {
    case 63: { // '?'
      if (matched) {
        const result = match(state, s + 1, ep + 1);
        if (result !== undefined) return result;
      }
      return continueAt(state, s, ep + 1);
    }
    case 42: // '*'
      return maxExpand(state, s, p, ep);
    case 43: // '+'
      return matched ? maxExpand(state, s + 1, p, ep) : undefined;
    case 45: // '-'
      return minExpand(state, s, p, ep);
    default:
      return matched ? continueAt(state, s + 1, ep) : undefined;
  }
}

/** push_onecapture: capture `index` (0 with no captures: the whole match s..e). */
export function captureValue(state: MatchState, index: number, s: number, e: number): LuaValue {
  if (index >= state.level) {
    if (index === 0) return state.subject.slice(s, e);
    return state.error('invalid capture index');
  }
  const length = state.captureLength[index] ?? 0;
  const start = state.captureStart[index] ?? 0;
  if (length === captureUnfinished) state.error('unfinished capture');
  if (length === capturePosition) return start + 1;
  return state.subject.slice(start, start + length);
}

/** push_captures: all captures, or the whole match when there are none (and `s` is given). */
export function allCaptures(state: MatchState, s: number | undefined, e: number): LuaValue[] {
  const count = state.level === 0 && s !== undefined ? 1 : state.level;
  const values: LuaValue[] = [];
  for (let index = 0; index < count; index++) values.push(captureValue(state, index, s ?? 0, e));
  return values;
}
