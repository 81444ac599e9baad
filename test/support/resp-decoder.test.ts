import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAllReplies, RespProtocolError, RespStreamDecoder } from './resp-decoder.js';
import { encodeArray, encodeBulk, encodeError, encodeInteger, encodeStatus } from './resp-encoder.js';
import { escapeBytes, formatReply } from './resp-format.js';

/** Arbitrary RESP2 reply bytes, nested up to three levels. */
const replyBytes: fc.Arbitrary<Buffer> = fc.letrec((tie) => ({
  reply: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('OK', 'QUEUED', 'PONG').map(encodeStatus),
    fc.constantFrom('ERR syntax error', 'WRONGTYPE Operation').map(encodeError),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(encodeInteger),
    fc.option(fc.uint8Array({ maxLength: 20 }).map((bytes) => Buffer.from(bytes))).map(encodeBulk),
    fc.option(fc.array(tie('reply') as fc.Arbitrary<Buffer>, { maxLength: 4 })).map(encodeArray),
  ),
})).reply;

describe('RESP2 test decoder', () => {
  it('keeps each reply\'s exact bytes, however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(replyBytes, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 6 }), (replies, cuts) => {
        const stream = Buffer.concat(replies);
        const points = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort((a, b) => a - b);
        const decoder = new RespStreamDecoder();
        const decoded = [0, ...points].flatMap((start, index) => decoder.feed(stream.subarray(start, points[index] ?? stream.length)));
        expect(decoded.map((reply) => reply.raw.toString('hex'))).toEqual(replies.map((reply) => reply.toString('hex')));
        expect(decoder.hasPartialReply()).toBe(false);
      }),
    );
  });

  it('decodes nested arrays, nulls and binary bulk strings', () => {
    const bytes = Buffer.from('*3\r\n$3\r\na\x00\xff\r\n*-1\r\n*2\r\n:-5\r\n$-1\r\n', 'latin1');
    const [reply] = decodeAllReplies(bytes);
    expect(reply === undefined ? '' : formatReply(reply)).toBe('["a\\x00\\xff", (nil array), [:-5, (nil bulk)]]');
    expect(reply?.raw.equals(bytes)).toBe(true);
  });

  it('refuses bytes that are not RESP2, and an incomplete reply', () => {
    expect(() => decodeAllReplies(Buffer.from('?x\r\n'))).toThrow(RespProtocolError);
    expect(() => decodeAllReplies(Buffer.from('$5\r\nab\r\n'))).toThrow(RespProtocolError);
    expect(() => decodeAllReplies(Buffer.from('$2\r\nabcd\r\n'))).toThrow(RespProtocolError);
  });

  it('escapes bytes for humans: quotes, CR LF, control and high bytes', () => {
    expect(escapeBytes(Buffer.from('a"\\\r\n\t\x00\xff', 'latin1'))).toBe('"a\\"\\\\\\r\\n\\t\\x00\\xff"');
  });
});
