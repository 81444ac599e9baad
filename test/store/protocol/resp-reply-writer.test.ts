import { describe, expect, it } from 'vitest';
import { normalizeError, RespReplyWriter } from '../../../src/store/protocol/resp-reply-writer.js';

function written(write: (writer: RespReplyWriter) => void): string {
  const writer = new RespReplyWriter();
  write(writer);
  return writer.takeBytes().toString('latin1');
}

describe('RespReplyWriter', () => {
  it('writes each RESP2 shape', () => {
    expect(written((writer) => writer.status('OK'))).toBe('+OK\r\n');
    expect(written((writer) => writer.ok())).toBe('+OK\r\n');
    expect(written((writer) => writer.integer(-42))).toBe(':-42\r\n');
    expect(written((writer) => writer.integer(2n ** 63n - 1n))).toBe(':9223372036854775807\r\n');
    expect(written((writer) => writer.bulk(Buffer.from([0, 255])))).toBe('$2\r\n\u0000\u00ff\r\n');
    expect(written((writer) => writer.bulk(null))).toBe('$-1\r\n');
    expect(written((writer) => writer.nullArray())).toBe('*-1\r\n');
    expect(written((writer) => writer.bulkArray(['a', null]))).toBe('*2\r\n$1\r\na\r\n$-1\r\n');
    expect(written((writer) => writer.double(1.5))).toBe('$3\r\n1.5\r\n');
  });

  it('prefixes ERR unless the message carries a known error code', () => {
    expect(written((writer) => writer.error('syntax error'))).toBe('-ERR syntax error\r\n');
    expect(written((writer) => writer.error('WRONGTYPE Operation against a key holding the wrong kind of value'))).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
    expect(written((writer) => writer.error('DB index is out of range'))).toBe('-ERR DB index is out of range\r\n');
    expect(written((writer) => writer.error('-NOPROTO unsupported protocol version'))).toBe('-NOPROTO unsupported protocol version\r\n');
    expect(written((writer) => writer.error('ERR bad\r\nline'))).toBe('-ERR bad  line\r\n');
  });

  it('names the error code for errorstats', () => {
    expect(normalizeError('WRONGTYPE x').code).toBe('WRONGTYPE');
    expect(normalizeError('whatever').code).toBe('ERR');
    expect(normalizeError('-EXECABORT Transaction discarded').code).toBe('EXECABORT');
  });

  it('fills a deferred array length in place', () => {
    expect(
      written((writer) => {
        const length = writer.deferredArray();
        writer.integer(1);
        writer.integer(2);
        length.set(2);
      }),
    ).toBe('*2\r\n:1\r\n:2\r\n');
  });

  it('refuses to send a reply whose deferred length was never set', () => {
    const writer = new RespReplyWriter();
    writer.deferredArray();
    expect(() => writer.takeBytes()).toThrow(/deferred length/);
  });
});

describe('RespReplyWriter buffers', () => {
  it('never rewrites bytes it already handed out', () => {
    const writer = new RespReplyWriter();
    writer.bulk('first');
    const taken = writer.takeBytes();
    const snapshot = Buffer.from(taken);
    for (let index = 0; index < 2000; index++) writer.bulk(`reply-${index}`);
    writer.takeBytes();
    expect(taken).toEqual(snapshot);
  });

  it('keeps order across slabs, deferred lengths and values larger than a slab', () => {
    const writer = new RespReplyWriter();
    const large = Buffer.alloc(40_000, 0x61);
    writer.integer(1);
    const length = writer.deferredArray();
    writer.bulk(large);
    writer.status('OK');
    length.set(2);
    writer.integer(-7);
    const text = writer.takeBytes().toString('latin1');
    expect(text).toBe(`:1\r\n*2\r\n$40000\r\n${'a'.repeat(40_000)}\r\n+OK\r\n:-7\r\n`);
    expect(writer.hasPendingBytes()).toBe(false);
  });

  it('drops everything while muted', () => {
    const writer = new RespReplyWriter();
    writer.muted = true;
    writer.bulk(Buffer.from('x'));
    writer.integer(3);
    writer.raw('+RAW\r\n');
    expect(writer.hasPendingBytes()).toBe(false);
  });
});
