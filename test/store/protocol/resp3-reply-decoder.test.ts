import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReplies, ReplyDecoder, RespError, RespMap, RespPush, RespSet } from '../../../src/store/protocol/reply-decoder.js';

describe('ReplyDecoder reads RESP3', () => {
  it('decodes the RESP3 simple types to their JS values', () => {
    const replies = decodeReplies(Buffer.from('_\r\n#t\r\n#f\r\n,1.5\r\n,inf\r\n,-inf\r\n(12345678901234567890\r\n!7\r\nERR bad\r\n=7\r\ntxt:a\nb\r\n'));
    expect(replies.slice(0, 8)).toEqual([null, true, false, 1.5, Infinity, -Infinity, 12345678901234567890n, new RespError('ERR bad')]);
    expect(replies[8]).toEqual(Buffer.from('a\nb'));
    expect(Number.isNaN(decodeReplies(Buffer.from(',nan\r\n'))[0])).toBe(true);
  });

  it('decodes maps, sets and pushes as RespMap, RespSet and RespPush', () => {
    const [map, set, push, empty] = decodeReplies(Buffer.from('%2\r\n$1\r\na\r\n:1\r\n+b\r\n*1\r\n,2\r\n~2\r\n$1\r\nx\r\n_\r\n>3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n%0\r\n'));
    expect(map).toBeInstanceOf(RespMap);
    expect((map as RespMap).entries).toEqual([[Buffer.from('a'), 1], ['b', [2]]]);
    expect((map as RespMap).get('a')).toBe(1);
    expect((map as RespMap).get('b')).toEqual([2]);
    expect((map as RespMap).get('c')).toBeUndefined();
    expect(set).toEqual(new RespSet([Buffer.from('x'), null]));
    expect(push).toEqual(new RespPush([Buffer.from('message'), Buffer.from('ch'), Buffer.from('hi')]));
    expect(empty).toEqual(new RespMap([]));
  });

  it('reads attributes and drops them, delivering the reply they annotate', () => {
    expect(decodeReplies(Buffer.from('|1\r\n+key-popularity\r\n%0\r\n:7\r\n|0\r\n+x\r\n'))).toEqual([7, 'x']);
  });

  it('refuses a boolean that is neither t nor f, and a verbatim string without its format', () => {
    expect(() => decodeReplies(Buffer.from('#x\r\n'))).toThrow(/boolean/);
    expect(() => decodeReplies(Buffer.from('=2\r\nab\r\n'))).toThrow(/verbatim/);
  });

  it('gives the same RESP3 replies however the stream is split', () => {
    const wire = Buffer.from('%1\r\n$1\r\nk\r\n~2\r\n,1.5\r\n#t\r\n>2\r\n$1\r\na\r\n_\r\n=5\r\ntxt:x\r\n');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: wire.length }), { maxLength: 10 }), (cuts) => {
        const decoder = new ReplyDecoder();
        const points = [0, ...cuts.sort((left, right) => left - right), wire.length];
        for (let index = 1; index < points.length; index++) decoder.feed(wire.subarray(points[index - 1], points[index]));
        expect([decoder.next(), decoder.next(), decoder.next()]).toEqual([
          new RespMap([[Buffer.from('k'), new RespSet([1.5, true])]]),
          new RespPush([Buffer.from('a'), null]),
          Buffer.from('x'),
        ]);
        expect(decoder.isIdle()).toBe(true);
      }),
    );
  });
});
