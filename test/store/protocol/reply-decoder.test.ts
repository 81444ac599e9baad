import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReplies, ReplyDecoder, RespError } from '../../../src/store/protocol/reply-decoder.js';

describe('ReplyDecoder', () => {
  it('decodes every RESP2 shape', () => {
    const replies = decodeReplies(Buffer.from('+OK\r\n-ERR no\r\n:5\r\n:9223372036854775807\r\n$3\r\nabc\r\n$-1\r\n*-1\r\n*2\r\n*1\r\n:1\r\n$0\r\n\r\n*0\r\n'));
    expect(replies).toEqual(['OK', new RespError('ERR no'), 5, 9223372036854775807n, Buffer.from('abc'), null, null, [[1], Buffer.alloc(0)], []]);
    expect((replies[1] as RespError).code).toBe('ERR');
  });

  it('gives the same replies however the stream is split', () => {
    const wire = Buffer.from('*3\r\n$1\r\na\r\n*2\r\n:1\r\n+x\r\n-ERR y\r\n$5\r\nhello\r\n');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: wire.length }), { maxLength: 10 }), (cuts) => {
        const decoder = new ReplyDecoder();
        const points = [0, ...cuts.sort((left, right) => left - right), wire.length];
        for (let index = 1; index < points.length; index++) decoder.feed(wire.subarray(points[index - 1], points[index]));
        expect([decoder.next(), decoder.next()]).toEqual([[Buffer.from('a'), [1, 'x'], new RespError('ERR y')], Buffer.from('hello')]);
        expect(decoder.isIdle()).toBe(true);
      }),
    );
  });
});
