import type { RespReply } from './resp-reply.js';

/** Bytes that are not RESP2: the server (or our store) broke the protocol. */
export class RespProtocolError extends Error {
  override readonly name = 'RespProtocolError';
}

interface Parsed {
  readonly reply: RespReply;
  readonly end: number;
}

/**
 * Parses one complete reply starting at `start`; undefined if the buffer
 * ends before the reply does. Every node keeps its own raw bytes.
 */
export function parseReply(buffer: Buffer, start: number): Parsed | undefined {
  const lineEnd = buffer.indexOf('\r\n', start, 'latin1');
  if (lineEnd === -1) return undefined;
  const marker = buffer[start];
  const line = buffer.subarray(start + 1, lineEnd).toString('latin1');
  const afterLine = lineEnd + 2;
  const raw = (end: number): Buffer => Buffer.from(buffer.subarray(start, end));
  switch (marker) {
    case 0x2b:
      return { reply: { kind: 'status', text: line, raw: raw(afterLine) }, end: afterLine };
    case 0x2d:
      return { reply: { kind: 'error', text: line, raw: raw(afterLine) }, end: afterLine };
    case 0x3a:
      return { reply: { kind: 'integer', value: parseNumber(line), raw: raw(afterLine) }, end: afterLine };
    case 0x24:
      return parseBulk(buffer, start, afterLine, parseNumber(line));
    case 0x2a:
      return parseArray(buffer, start, afterLine, parseNumber(line));
    default:
      return parseResp3(buffer, start, marker, line, afterLine);
  }
}

/**
 * RESP3 (after HELLO 3), read into the RESP2 kinds so that rules written for
 * RESP2 apply; `raw` keeps the RESP3 bytes, so byte comparisons still see the
 * type. Map (`%n`) → an array of its 2n items, set (`~`) and push (`>`) →
 * arrays, null (`_`) → a null bulk, double (`,`) and verbatim (`=`) → a bulk
 * of their text, boolean (`#`) and big number (`(`) → integers, blob error
 * (`!`) → an error.
 */
function parseResp3(buffer: Buffer, start: number, marker: number | undefined, line: string, afterLine: number): Parsed | undefined {
  const raw = (end: number): Buffer => Buffer.from(buffer.subarray(start, end));
  switch (marker) {
    case 0x25: {
      const parsed = parseArray(buffer, start, afterLine, parseNumber(line) * 2n);
      return parsed;
    }
    case 0x7e:
    case 0x3e:
      return parseArray(buffer, start, afterLine, parseNumber(line));
    case 0x5f:
      return { reply: { kind: 'bulk', value: null, raw: raw(afterLine) }, end: afterLine };
    case 0x2c:
      return { reply: { kind: 'bulk', value: Buffer.from(line, 'latin1'), raw: raw(afterLine) }, end: afterLine };
    case 0x23:
      if (line !== 't' && line !== 'f') throw new RespProtocolError(`bad boolean ${JSON.stringify(line)}`);
      return { reply: { kind: 'integer', value: line === 't' ? 1n : 0n, raw: raw(afterLine) }, end: afterLine };
    case 0x28:
      return { reply: { kind: 'integer', value: parseNumber(line), raw: raw(afterLine) }, end: afterLine };
    case 0x3d:
      return parseBulk(buffer, start, afterLine, parseNumber(line));
    case 0x21: {
      const parsed = parseBulk(buffer, start, afterLine, parseNumber(line));
      if (parsed === undefined || parsed.reply.kind !== 'bulk') return parsed;
      return { reply: { kind: 'error', text: parsed.reply.value?.toString('latin1') ?? '', raw: parsed.reply.raw }, end: parsed.end };
    }
    default:
      throw new RespProtocolError(`unexpected reply marker 0x${(marker ?? 0).toString(16)} at byte ${start}`);
  }
}

function parseNumber(line: string): bigint {
  if (!/^-?\d+$/.test(line)) throw new RespProtocolError(`not a number in reply header: ${JSON.stringify(line)}`);
  return BigInt(line);
}

function parseBulk(buffer: Buffer, start: number, bodyStart: number, length: bigint): Parsed | undefined {
  if (length === -1n) return { reply: { kind: 'bulk', value: null, raw: Buffer.from(buffer.subarray(start, bodyStart)) }, end: bodyStart };
  if (length < 0n) throw new RespProtocolError(`negative bulk length ${length}`);
  const end = bodyStart + Number(length) + 2;
  if (buffer.length < end) return undefined;
  if (buffer[end - 2] !== 0x0d || buffer[end - 1] !== 0x0a) throw new RespProtocolError('bulk string not followed by CRLF');
  const value = Buffer.from(buffer.subarray(bodyStart, end - 2));
  return { reply: { kind: 'bulk', value, raw: Buffer.from(buffer.subarray(start, end)) }, end };
}

function parseArray(buffer: Buffer, start: number, itemsStart: number, length: bigint): Parsed | undefined {
  if (length === -1n) return { reply: { kind: 'array', items: null, raw: Buffer.from(buffer.subarray(start, itemsStart)) }, end: itemsStart };
  if (length < 0n) throw new RespProtocolError(`negative array length ${length}`);
  const items: RespReply[] = [];
  let position = itemsStart;
  for (let index = 0n; index < length; index++) {
    const parsed = parseReply(buffer, position);
    if (parsed === undefined) return undefined;
    items.push(parsed.reply);
    position = parsed.end;
  }
  return { reply: { kind: 'array', items, raw: Buffer.from(buffer.subarray(start, position)) }, end: position };
}

/** Incremental decoder for a reply stream: feed chunks, take whole replies. */
export class RespStreamDecoder {
  private pending: Buffer = Buffer.alloc(0);

  /** Adds bytes and returns every reply they completed, in order. */
  feed(chunk: Buffer): RespReply[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const replies: RespReply[] = [];
    let position = 0;
    for (;;) {
      if (position >= this.pending.length) break;
      const parsed = parseReply(this.pending, position);
      if (parsed === undefined) break;
      replies.push(parsed.reply);
      position = parsed.end;
    }
    this.pending = this.pending.subarray(position);
    return replies;
  }

  hasPartialReply(): boolean {
    return this.pending.length > 0;
  }
}

/** Decodes a buffer that must hold whole replies only (e.g. an in-process store's output). */
export function decodeAllReplies(data: Buffer): RespReply[] {
  const decoder = new RespStreamDecoder();
  const replies = decoder.feed(data);
  if (decoder.hasPartialReply()) throw new RespProtocolError(`incomplete reply: ${data.length} bytes, ${replies.length} whole replies`);
  return replies;
}
