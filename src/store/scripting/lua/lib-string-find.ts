import { LuaHostFunction, LuaFunction, type LuaCallContext, type LuaValue } from './api.js';
import {
  argumentError,
  checkString,
  luaRuntimeError,
  luaTypeName,
  optionalInt,
  optionalInteger,
  toLuaString,
  type ArgumentReader,
} from './lib-string-arguments.js';
import { allCaptures, captureValue, match, MatchState } from './lib-string-pattern.js';
import { indexWithMetatable } from './lib-string-table-index.js';

/** string.find, string.match, string.gmatch and string.gsub (lstrlib.c str_find_aux, gmatch, str_gsub). */

const patternSpecials = '^$*+?.([%-';

/** posrelat: a negative position counts from the end; below the start becomes 0. */
export function relativePosition(position: number, length: number): number {
  const absolute = position < 0 ? position + length + 1 : position;
  return absolute >= 0 ? absolute : 0;
}

function hasSpecials(pattern: string): boolean {
  for (const character of pattern) {
    if (character === '\0') return false;
    if (patternSpecials.includes(character)) return true;
  }
  return false;
}

function findAux(args: readonly LuaValue[], context: LuaCallContext, find: boolean): LuaValue[] {
  const reader: ArgumentReader = { args, context, functionName: find ? 'find' : 'match' };
  const subject = checkString(reader, 1);
  const pattern = checkString(reader, 2);
  let init = relativePosition(optionalInteger(reader, 3, 1), subject.length) - 1;
  if (init < 0) init = 0;
  else if (init > subject.length) init = subject.length;
  const plain = args[3] !== undefined && args[3] !== false;
  if (find && (plain || !hasSpecials(pattern))) {
    const at = subject.indexOf(pattern, init);
    return at < 0 ? [undefined] : [at + 1, at + pattern.length];
  }
  const anchored = pattern.startsWith('^');
  const state = new MatchState(subject, anchored ? pattern.slice(1) : pattern, context);
  let start = init;
  do {
    state.level = 0;
    const end = match(state, start, 0);
    if (end !== undefined) {
      if (find) return [start + 1, end, ...allCaptures(state, undefined, 0)];
      return allCaptures(state, start, end);
    }
  } while (start++ < subject.length && !anchored);
  return [undefined];
}

function gmatch(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const reader: ArgumentReader = { args, context, functionName: 'gmatch' };
  const subject = checkString(reader, 1);
  const pattern = checkString(reader, 2);
  let nextStart = 0;
  const iterator = new LuaHostFunction('gmatch_aux', (_iteratorArgs, iteratorContext) => {
    const state = new MatchState(subject, pattern, iteratorContext);
    for (let start = nextStart; start <= subject.length; start++) {
      state.level = 0;
      const end = match(state, start, 0);
      if (end !== undefined) {
        nextStart = end === start ? end + 1 : end;
        return allCaptures(state, start, end);
      }
    }
    return [];
  });
  return [iterator];
}

/** add_s: the replacement string with %0-%9 and %x escapes expanded. */
function expandReplacement(state: MatchState, replacement: string, s: number, e: number): string {
  let expanded = '';
  for (let index = 0; index < replacement.length; index++) {
    const character = replacement.charAt(index);
    if (character !== '%') {
      expanded += character;
      continue;
    }
    index++;
    // At the very end C reads the string's terminating NUL and copies it.
    const escaped = index < replacement.length ? replacement.charAt(index) : '\0';
    if (escaped < '0' || escaped > '9') expanded += escaped;
    else if (escaped === '0') expanded += state.subject.slice(s, e);
    else expanded += toLuaString(captureValue(state, escaped.charCodeAt(0) - 49, s, e)) ?? '';
  }
  return expanded;
}

function replacementValue(state: MatchState, replacement: LuaValue, s: number, e: number): string {
  let value: LuaValue;
  if (typeof replacement === 'string' || typeof replacement === 'number') {
    return expandReplacement(state, toLuaString(replacement) ?? '', s, e);
  } else if (replacement instanceof LuaFunction) {
    value = state.context.call(replacement, allCaptures(state, s, e))[0];
  } else if (typeof replacement === 'object') {
    value = indexWithMetatable(state.context, replacement, captureValue(state, 0, s, e));
  }
  if (value === undefined || value === false) return state.subject.slice(s, e);
  const text = toLuaString(value);
  if (text === undefined) throw luaRuntimeError(state.context, `invalid replacement value (a ${luaTypeName(value)})`);
  return text;
}

function gsub(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const reader: ArgumentReader = { args, context, functionName: 'gsub' };
  const subject = checkString(reader, 1);
  const pattern = checkString(reader, 2);
  const replacement = args[2];
  const replacementsMax = optionalInt(reader, 4, subject.length + 1);
  const anchored = pattern.startsWith('^');
  const type = luaTypeName(replacement);
  if (type !== 'number' && type !== 'string' && type !== 'function' && type !== 'table') {
    throw argumentError(context, 3, 'gsub', 'string/function/table expected');
  }
  const state = new MatchState(subject, anchored ? pattern.slice(1) : pattern, context);
  const pieces: string[] = [];
  let source = 0;
  let count = 0;
  while (count < replacementsMax) {
    state.level = 0;
    const end = match(state, source, 0);
    if (end !== undefined) {
      count++;
      pieces.push(replacementValue(state, replacement, source, end));
    }
    if (end !== undefined && end > source) source = end;
    else if (source < subject.length) pieces.push(subject.charAt(source++));
    else break;
    if (anchored) break;
  }
  pieces.push(subject.slice(source));
  return [pieces.join(''), count];
}

export const stringFindFunction = new LuaHostFunction('find', (args, context) => findAux(args, context, true));
export const stringMatchFunction = new LuaHostFunction('match', (args, context) => findAux(args, context, false));
export const stringGmatchFunction = new LuaHostFunction('gmatch', gmatch);
export const stringGsubFunction = new LuaHostFunction('gsub', gsub);
