import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ArgumentConverter } from '../../src/store/embedded-arguments.js';
import { rememberedArgumentText } from '../../src/store/keyspace/argument-text.js';
import { encodeRequest } from '../../src/store/protocol/request-encoder.js';

describe('ArgumentConverter', () => {
  it('gives the bytes and the request size the RESP encoding gives, for any strings and Buffers', () => {
    const converter = new ArgumentConverter();
    const argument = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes)));
    fc.assert(
      fc.property(fc.array(argument, { minLength: 1, maxLength: 12 }), (argv) => {
        const converted = converter.convert(argv);
        const expected = argv.map((item) => (typeof item === 'string' ? Buffer.from(item, 'utf8') : item));
        expect(converted.map((bytes) => bytes.toString('hex'))).toEqual(expected.map((bytes) => bytes.toString('hex')));
        expect(converter.requestBytes).toBe(encodeRequest(argv).length);
        expect(converter.argumentBytes).toBe(expected.reduce((sum, bytes) => sum + bytes.length, 0));
      }),
    );
  });

  it('remembers the text of ASCII strings only', () => {
    const converter = new ArgumentConverter();
    const [name, key, unicode] = converter.convert(['SET', 'key:1', 'clé']) as Buffer[];
    expect(rememberedArgumentText(name as Buffer)).toBe('SET');
    expect(rememberedArgumentText(key as Buffer)).toBe('key:1');
    expect(rememberedArgumentText(unicode as Buffer)).toBeUndefined();
  });

  it('never rewrites an argument it handed out', () => {
    const converter = new ArgumentConverter();
    const kept = converter.convert(['RPUSH', 'list', 'first'])[2] as Buffer;
    for (let index = 0; index < 20_000; index++) converter.convert(['RPUSH', 'list', `element-${index}`]);
    expect(kept.toString()).toBe('first');
  });
});
