import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/core/prng.js';
import { defaultEncodingConfig, type EncodingConfig } from '../../../src/store/keyspace/encoding-config.js';
import { copyElement } from '../../../src/store/types/element-copy.js';
import { HashValue } from '../../../src/store/types/hash.js';
import { SetValue } from '../../../src/store/types/set.js';
import { ZsetValue } from '../../../src/store/types/zset.js';

/** Argument buffers are reused by their owner once the command is done: overwrite them as it would. */
function scribble(...buffers: Buffer[]): void {
  for (const buffer of buffers) buffer.fill(0x3f);
}

const tinyListpack: EncodingConfig = { ...defaultEncodingConfig, hashMaxListpackEntries: 1 };

describe('collections keep their own copies of command arguments', () => {
  it('copyElement gives equal bytes that a later copy or a change to the source does not touch', () => {
    const source = Buffer.from('member');
    const first = copyElement(source);
    const second = copyElement(Buffer.from('other!'));
    scribble(source);
    expect(first.toString()).toBe('member');
    expect(second.toString()).toBe('other!');
  });

  it('HashValue.setCopying copies new fields and values, in both encodings, and an update keeps the field', () => {
    for (const config of [defaultEncodingConfig, tinyListpack]) {
      const hash = new HashValue();
      const [field, value, otherField, otherValue] = ['f', 'v', 'g', 'w'].map((text) => Buffer.from(text)) as [Buffer, Buffer, Buffer, Buffer];
      expect(hash.setCopying(field, value, config)).toBe(true);
      expect(hash.setCopying(otherField, otherValue, config)).toBe(true);
      const update = Buffer.from('v2');
      expect(hash.setCopying(Buffer.from('f'), update, config)).toBe(false);
      scribble(field, value, otherField, otherValue, update);
      expect(hash.encoding()).toBe(config === tinyListpack ? 'hashtable' : 'listpack');
      expect(Array.from(hash.entries(), ([f, v]) => `${f.toString()}=${v.toString()}`).sort()).toEqual(['f=v2', 'g=w']);
    }
  });

  it('SetValue.add copies a new member and leaves an existing one alone', () => {
    const set = new SetValue();
    const member = Buffer.from('not-an-integer');
    expect(set.add(member, defaultEncodingConfig)).toBe(true);
    expect(set.add(Buffer.from('not-an-integer'), defaultEncodingConfig)).toBe(false);
    scribble(member);
    expect(Array.from(set.members(), String)).toEqual(['not-an-integer']);
  });

  it('ZsetValue.add copies a new member', () => {
    const zset = new ZsetValue(Prng.root(1));
    const member = Buffer.from('m');
    expect(zset.add(member, 1, {}, defaultEncodingConfig).kind).toBe('added');
    scribble(member);
    expect(Array.from(zset.entries(), ([m, score]) => `${m.toString()}:${score}`)).toEqual(['m:1']);
  });
});
