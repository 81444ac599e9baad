import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RedisString, sharedRefcount } from '../../../src/store/types/string.js';

const text = (value: string): Buffer => Buffer.from(value, 'latin1');

describe('RedisString encodings (object.c tryObjectEncoding / createStringObject)', () => {
  it.each([
    ['123', 'int'],
    ['-5', 'int'],
    ['9223372036854775807', 'int'],
    ['-9223372036854775808', 'int'],
    ['9223372036854775808', 'embstr'],
    ['007', 'embstr'],
    ['+1', 'embstr'],
    ['', 'embstr'],
    ['x'.repeat(44), 'embstr'],
    ['x'.repeat(45), 'raw'],
  ] as const)('encodes %j as %s', (value, encoding) => {
    const encoded = RedisString.encoded(text(value));
    expect(encoded.encoding()).toBe(encoding);
    expect(encoded.bytes().toString('latin1')).toBe(value);
    expect(encoded.byteLength()).toBe(value.length);
  });

  it('shares 0..9999 unless sharing is off', () => {
    expect(RedisString.encoded(text('0')).refcount()).toBe(sharedRefcount);
    expect(RedisString.encoded(text('9999')).refcount()).toBe(sharedRefcount);
    expect(RedisString.encoded(text('10000')).refcount()).toBe(1);
    expect(RedisString.encoded(text('-1')).refcount()).toBe(1);
    expect(RedisString.encoded(text('5'), { sharedIntegers: false }).refcount()).toBe(1);
  });

  it('clones keep the encoding but are never shared (dupStringObject)', () => {
    const shared = RedisString.fromLongLong(5n);
    const copy = shared.clone();
    expect(copy.encoding()).toBe('int');
    expect(copy.refcount()).toBe(1);
    expect(RedisString.rawFromBytes(text('ab')).clone().encoding()).toBe('raw');
    expect(RedisString.fromBytes(text('ab')).clone().encoding()).toBe('embstr');
  });

  it('only an unshared raw string changes in place', () => {
    expect(RedisString.fromBytes(text('ab')).isMutableInPlace()).toBe(false);
    expect(RedisString.fromLongLong(12345n).isMutableInPlace()).toBe(false);
    expect(() => RedisString.fromBytes(text('ab')).append(text('c'))).toThrow(/raw/);
    const raw = RedisString.rawFromBytes(text('ab'));
    raw.append(text('cd'));
    raw.writeAt(6, text('z'));
    expect(raw.bytes()).toEqual(Buffer.from([0x61, 0x62, 0x63, 0x64, 0, 0, 0x7a]));
  });

  it('never changes bytes it already handed out (copy on write)', () => {
    const raw = RedisString.rawFromBytes(text('hello'));
    const before = raw.bytes();
    raw.writeAt(0, text('J'));
    raw.append(text('!'));
    raw.editableBytes()[1] = 0x41;
    expect(before.toString('latin1')).toBe('hello');
    expect(raw.bytes().toString('latin1')).toBe('JAllo!');
  });

  it('behaves like a Buffer under random appends and range writes', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), data: fc.uint8Array({ maxLength: 40 }) }),
      fc.record({ kind: fc.constant('write' as const), offset: fc.nat(200), data: fc.uint8Array({ maxLength: 40 }) }),
      fc.record({ kind: fc.constant('look' as const) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        const value = RedisString.rawFromBytes(Buffer.alloc(0));
        let model = Buffer.alloc(0);
        const views: [Buffer, Buffer][] = [];
        for (const step of edits) {
          if (step.kind === 'append') {
            value.append(step.data);
            model = Buffer.concat([model, step.data]);
          } else if (step.kind === 'write') {
            value.writeAt(step.offset, step.data);
            const grown = Buffer.alloc(Math.max(model.length, step.offset + step.data.length));
            model.copy(grown);
            Buffer.from(step.data).copy(grown, step.offset);
            model = grown;
          } else {
            views.push([value.bytes(), Buffer.from(model)]);
          }
        }
        expect(value.bytes()).toEqual(model);
        for (const [view, snapshot] of views) expect(view).toEqual(snapshot);
      }),
    );
  });
});

describe('RedisString.encodedArgument (a SET argument kept as the value)', () => {
  it('encodes any argument exactly as encoded does', () => {
    const argument = fc.oneof(
      fc.uint8Array({ maxLength: 60 }),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((value) => new TextEncoder().encode(value.toString())),
      fc.string({ unit: fc.constantFrom('0', '1', '9', '-', 'x'), maxLength: 22 }).map((value) => new TextEncoder().encode(value)),
    );
    fc.assert(
      fc.property(argument, fc.boolean(), (data, sharedIntegers) => {
        const policy = { sharedIntegers };
        const kept = RedisString.encodedArgument(Buffer.from(data), policy);
        const copied = RedisString.encoded(data, policy);
        expect(kept.encoding()).toBe(copied.encoding());
        expect(kept.refcount()).toBe(copied.refcount());
        expect(kept.integerValue()).toBe(copied.integerValue());
        expect(kept.bytes().equals(copied.bytes())).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a fresh argument as its bytes, without a copy', () => {
    const argument = Buffer.from('hello world');
    expect(RedisString.encodedArgument(argument).bytes()).toBe(argument);
  });

  it('never writes into the argument when changed in place', () => {
    const argument = Buffer.from('y'.repeat(50));
    const value = RedisString.encodedArgument(argument);
    expect(value.encoding()).toBe('raw');
    value.writeAt(0, text('zz'));
    value.setByte(2, 0x21);
    value.editableBytes()[3] = 0x22;
    expect(argument.toString('latin1')).toBe('y'.repeat(50));
    expect(value.bytes().toString('latin1')).toBe('zz!"' + 'y'.repeat(46));
  });

  it('copies an argument that is a small view of a large buffer', () => {
    const large = Buffer.alloc(1024 * 1024, 0x61);
    const argument = large.subarray(10, 20);
    const value = RedisString.encodedArgument(argument);
    expect(value.bytes().buffer).not.toBe(large.buffer);
    large.fill(0x62);
    expect(value.bytes().toString('latin1')).toBe('a'.repeat(10));
  });
});
