/** A stream entry ID (streamID of stream.h): two unsigned 64-bit parts. */
export interface StreamId {
  readonly ms: bigint;
  readonly seq: bigint;
}

export const UINT64_MAX = 0xffffffffffffffffn;
export const STREAM_ID_MIN: StreamId = { ms: 0n, seq: 0n };
export const STREAM_ID_MAX: StreamId = { ms: UINT64_MAX, seq: UINT64_MAX };

/** streamCompareID: -1, 0 or 1. */
export function compareStreamIds(a: StreamId, b: StreamId): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.seq !== b.seq) return a.seq < b.seq ? -1 : 1;
  return 0;
}

export function streamIdText(id: StreamId): string {
  return `${id.ms}-${id.seq}`;
}

export function isZeroStreamId(id: StreamId): boolean {
  return id.ms === 0n && id.seq === 0n;
}

/** streamIncrID: undefined when the ID is already the maximum. */
export function nextStreamId(id: StreamId): StreamId | undefined {
  if (id.seq !== UINT64_MAX) return { ms: id.ms, seq: id.seq + 1n };
  if (id.ms !== UINT64_MAX) return { ms: id.ms + 1n, seq: 0n };
  return undefined;
}

/** streamDecrID: undefined when the ID is already 0-0. */
export function previousStreamId(id: StreamId): StreamId | undefined {
  if (id.seq !== 0n) return { ms: id.ms, seq: id.seq - 1n };
  if (id.ms !== 0n) return { ms: id.ms - 1n, seq: UINT64_MAX };
  return undefined;
}

/** string2ull: an unsigned 64-bit decimal without sign or leading junk. */
function parseUnsigned64(text: string): bigint | undefined {
  // string2ll, then strtoull (which also takes leading blanks and a `+`).
  const match = /^[ \t\n\v\f\r]*\+?([0-9]+)$/.exec(text);
  if (match === null) return undefined;
  const value = BigInt(match[1] as string);
  return value > UINT64_MAX ? undefined : value;
}

/** What an ID argument may omit or mark (streamGenericParseIDOrReply). */
export interface ParsedStreamId {
  readonly id: StreamId;
  /** The sequence part was `*` (XADD only). */
  readonly seqGiven: boolean;
}

/**
 * streamGenericParseIDOrReply without the reply: `-` / `+` as the minimum /
 * maximum (not when `strict`), `ms` alone as ms-`missingSeq`, `ms-seq`, and
 * with `allowSeqStar` `ms-*`. Undefined when the text is not a valid ID.
 */
export function parseStreamId(data: Buffer, missingSeq: bigint, options: { readonly strict?: boolean; readonly allowSeqStar?: boolean } = {}): ParsedStreamId | undefined {
  if (data.length > 127) return undefined;
  const text = data.toString('latin1');
  if (options.strict === true && (text === '-' || text === '+')) return undefined;
  if (text === '-') return { id: { ms: 0n, seq: 0n }, seqGiven: true };
  if (text === '+') return { id: { ms: UINT64_MAX, seq: UINT64_MAX }, seqGiven: true };
  const dash = text.indexOf('-');
  if (dash === -1) {
    const ms = parseUnsigned64(text);
    return ms === undefined ? undefined : { id: { ms, seq: missingSeq }, seqGiven: true };
  }
  const ms = parseUnsigned64(text.slice(0, dash));
  if (ms === undefined) return undefined;
  const seqText = text.slice(dash + 1);
  if (options.allowSeqStar === true && seqText === '*') return { id: { ms, seq: 0n }, seqGiven: false };
  const seq = parseUnsigned64(seqText);
  return seq === undefined ? undefined : { id: { ms, seq }, seqGiven: true };
}
