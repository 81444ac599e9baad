import { cStrtod } from './zset-strtod.js';

/** zrangespec: a score interval, each end inclusive or exclusive (`(`). */
export interface ScoreRange {
  readonly min: number;
  readonly max: number;
  readonly minExclusive: boolean;
  readonly maxExclusive: boolean;
}

/** One end of a lex range: `-` (below everything), `+` (above everything), or a member. */
export type LexBound = { readonly kind: 'minimum' } | { readonly kind: 'maximum' } | { readonly kind: 'member'; readonly member: Buffer };

/** zlexrangespec */
export interface LexRange {
  readonly min: LexBound;
  readonly max: LexBound;
  readonly minExclusive: boolean;
  readonly maxExclusive: boolean;
}

const OPEN = 0x28; // '('
const CLOSED = 0x5b; // '['
const PLUS = 0x2b;
const MINUS = 0x2d;

/** The C string view of an argument: strtod stops at the first NUL byte. */
function cString(data: Buffer, from: number): string {
  const nul = data.indexOf(0, from);
  return data.toString('latin1', from, nul === -1 ? data.length : nul);
}

/** One end of zslParseRange: strtod must consume the whole C string and not give NaN. */
function parseScoreBound(data: Buffer): { value: number; exclusive: boolean } | undefined {
  const exclusive = data[0] === OPEN;
  const text = cString(data, exclusive ? 1 : 0);
  const parsed = cStrtod(text);
  if (parsed.consumed !== text.length || Number.isNaN(parsed.value)) return undefined;
  return { value: parsed.value, exclusive };
}

/** zslParseRange; undefined means `ERR min or max is not a float`. */
export function parseScoreRange(minArgument: Buffer, maxArgument: Buffer): ScoreRange | undefined {
  const min = parseScoreBound(minArgument);
  const max = parseScoreBound(maxArgument);
  if (min === undefined || max === undefined) return undefined;
  return { min: min.value, max: max.value, minExclusive: min.exclusive, maxExclusive: max.exclusive };
}

function parseLexBound(data: Buffer): { bound: LexBound; exclusive: boolean } | undefined {
  const first = data[0];
  const aloneInCString = data.length === 1 || data[1] === 0;
  if (first === PLUS) return aloneInCString ? { bound: { kind: 'maximum' }, exclusive: true } : undefined;
  if (first === MINUS) return aloneInCString ? { bound: { kind: 'minimum' }, exclusive: true } : undefined;
  if (first === OPEN) return { bound: { kind: 'member', member: data.subarray(1) }, exclusive: true };
  if (first === CLOSED) return { bound: { kind: 'member', member: data.subarray(1) }, exclusive: false };
  return undefined;
}

/** zslParseLexRange; undefined means `ERR min or max not valid string range item`. */
export function parseLexRange(minArgument: Buffer, maxArgument: Buffer): LexRange | undefined {
  const min = parseLexBound(minArgument);
  const max = parseLexBound(maxArgument);
  if (min === undefined || max === undefined) return undefined;
  return { min: min.bound, max: max.bound, minExclusive: min.exclusive, maxExclusive: max.exclusive };
}

export function scoreGteMin(score: number, range: ScoreRange): boolean {
  return range.minExclusive ? score > range.min : score >= range.min;
}

export function scoreLteMax(score: number, range: ScoreRange): boolean {
  return range.maxExclusive ? score < range.max : score <= range.max;
}

/** True when no score can be in the range (the first test of zslIsInRange). */
export function scoreRangeIsEmpty(range: ScoreRange): boolean {
  return range.min > range.max || (range.min === range.max && (range.minExclusive || range.maxExclusive));
}

/** sdscmplex of a member against a bound. */
function compareMemberToBound(member: Buffer, bound: LexBound): number {
  if (bound.kind === 'minimum') return 1;
  if (bound.kind === 'maximum') return -1;
  return Buffer.compare(member, bound.member);
}

/** sdscmplex of two bounds; equal special bounds compare equal (shared objects). */
function compareBounds(left: LexBound, right: LexBound): number {
  if (left.kind !== 'member' && left.kind === right.kind) return 0;
  if (left.kind === 'minimum' || right.kind === 'maximum') return -1;
  if (left.kind === 'maximum' || right.kind === 'minimum') return 1;
  return Buffer.compare(left.member, right.member);
}

export function lexGteMin(member: Buffer, range: LexRange): boolean {
  const compared = compareMemberToBound(member, range.min);
  return range.minExclusive ? compared > 0 : compared >= 0;
}

export function lexLteMax(member: Buffer, range: LexRange): boolean {
  const compared = compareMemberToBound(member, range.max);
  return range.maxExclusive ? compared < 0 : compared <= 0;
}

/** True when no member can be in the range (the first test of zslIsInLexRange). */
export function lexRangeIsEmpty(range: LexRange): boolean {
  const compared = compareBounds(range.min, range.max);
  return compared > 0 || (compared === 0 && (range.minExclusive || range.maxExclusive));
}
