import { describe, expect, it } from 'vitest';
import { RespReplyWriter } from '../../../src/store/protocol/resp-reply-writer.js';

function written(protocol: 2 | 3, write: (writer: RespReplyWriter) => void): string {
  const writer = new RespReplyWriter();
  writer.protocolVersion = protocol;
  write(writer);
  return writer.takeBytes().toString('latin1');
}

/** Each writer member in RESP2 and RESP3, as networking.c's addReply* functions write it. */
const cases: readonly { readonly name: string; readonly write: (writer: RespReplyWriter) => void; readonly resp2: string; readonly resp3: string }[] = [
  { name: 'nullBulk (addReplyNull)', write: (w) => w.nullBulk(), resp2: '$-1\r\n', resp3: '_\r\n' },
  { name: 'bulk(null)', write: (w) => w.bulk(null), resp2: '$-1\r\n', resp3: '_\r\n' },
  { name: 'nullArray (addReplyNullArray)', write: (w) => w.nullArray(), resp2: '*-1\r\n', resp3: '_\r\n' },
  { name: 'double', write: (w) => w.double(1.5), resp2: '$3\r\n1.5\r\n', resp3: ',1.5\r\n' },
  { name: 'double 0.1 (%.17g)', write: (w) => w.double(0.1), resp2: '$19\r\n0.10000000000000001\r\n', resp3: ',0.10000000000000001\r\n' },
  { name: 'double inf', write: (w) => w.double(Infinity), resp2: '$3\r\ninf\r\n', resp3: ',inf\r\n' },
  { name: 'double -inf', write: (w) => w.double(-Infinity), resp2: '$4\r\n-inf\r\n', resp3: ',-inf\r\n' },
  { name: 'double nan', write: (w) => w.double(NaN), resp2: '$3\r\nnan\r\n', resp3: ',nan\r\n' },
  { name: 'mapHeader', write: (w) => w.mapHeader(2), resp2: '*4\r\n', resp3: '%2\r\n' },
  { name: 'setHeader', write: (w) => w.setHeader(3), resp2: '*3\r\n', resp3: '~3\r\n' },
  { name: 'pushHeader', write: (w) => w.pushHeader(3), resp2: '*3\r\n', resp3: '>3\r\n' },
  { name: 'boolean true', write: (w) => w.boolean(true), resp2: ':1\r\n', resp3: '#t\r\n' },
  { name: 'boolean false', write: (w) => w.boolean(false), resp2: ':0\r\n', resp3: '#f\r\n' },
  { name: 'verbatim', write: (w) => w.verbatim('a\nb', 'txt'), resp2: '$3\r\na\nb\r\n', resp3: '=7\r\ntxt:a\nb\r\n' },
  { name: 'verbatim with a short format', write: (w) => w.verbatim('x', 'md'), resp2: '$1\r\nx\r\n', resp3: '=5\r\nmd :x\r\n' },
  { name: 'bigNumber', write: (w) => w.bigNumber('1234567999999999999999999999999999999'), resp2: '$37\r\n1234567999999999999999999999999999999\r\n', resp3: '(1234567999999999999999999999999999999\r\n' },
  { name: 'arrayHeader is the same in both', write: (w) => w.arrayHeader(2), resp2: '*2\r\n', resp3: '*2\r\n' },
  { name: 'integer is the same in both', write: (w) => w.integer(7), resp2: ':7\r\n', resp3: ':7\r\n' },
  {
    name: 'deferredMap counts pairs',
    write: (w) => {
      const length = w.deferredMap();
      w.bulk('k');
      w.integer(1);
      length.set(1);
    },
    resp2: '*2\r\n$1\r\nk\r\n:1\r\n',
    resp3: '%1\r\n$1\r\nk\r\n:1\r\n',
  },
  {
    name: 'deferredSet',
    write: (w) => {
      const length = w.deferredSet();
      w.bulk('a');
      w.bulk('b');
      length.set(2);
    },
    resp2: '*2\r\n$1\r\na\r\n$1\r\nb\r\n',
    resp3: '~2\r\n$1\r\na\r\n$1\r\nb\r\n',
  },
  {
    name: 'deferredArray stays an array',
    write: (w) => {
      const length = w.deferredArray();
      length.set(0);
    },
    resp2: '*0\r\n',
    resp3: '*0\r\n',
  },
];

describe('RespReplyWriter speaks the client protocol as Redis 7.0 does', () => {
  it.each(cases)('$name', ({ write, resp2, resp3 }) => {
    expect(written(2, write)).toBe(resp2);
    expect(written(3, write)).toBe(resp3);
  });

  it('starts in RESP2', () => {
    expect(new RespReplyWriter().protocolVersion).toBe(2);
  });

  it('a muted writer writes nothing in RESP3 either', () => {
    const writer = new RespReplyWriter();
    writer.protocolVersion = 3;
    writer.muted = true;
    writer.mapHeader(1);
    writer.verbatim('x');
    writer.deferredSet().set(3);
    writer.boolean(true);
    expect(writer.hasPendingBytes()).toBe(false);
  });
});
