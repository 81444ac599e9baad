import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/core/errors.js';
import { createStore } from '../../../../src/store/embedded.js';
import { loadRdb } from '../../../../src/store/persistence/rdb/rdb-loader.js';
import { decodeListpack, encodeListpack } from '../../../../src/store/persistence/rdb/listpack.js';
import { rdbBytesOf } from '../support/rdb-helpers.js';

const store = createStore();
for (let index = 0; index < 20; index++) store.call('RPUSH', 'list', `element-${index}`, String(index * 1000));
store.call('SET', 'text', 'a value that is long enough to be compressed '.repeat(3));
const good = rdbBytesOf(store.node);

function load(data: Uint8Array): ReturnType<typeof loadRdb> {
  return loadRdb(data, { file: 'dump.rdb', databaseCount: 16, encodingConfig: store.node.config.encoding, rng: store.node.rng, skipExpiredBeforeMs: undefined });
}

describe('RDB loader on bad files', () => {
  it('rejects every truncation with an error naming the file and the offset', () => {
    for (let cut = 0; cut < good.length; cut += 7) {
      const result = load(good.subarray(0, cut));
      expect(result).toBeInstanceOf(InputError);
      expect((result as InputError).message).toMatch(/^dump\.rdb: offset \d+: /);
    }
  });

  it('rejects a flipped byte anywhere (checksum or structure) and never half-loads', () => {
    for (let at = 9; at < good.length; at += 11) {
      const bad = Buffer.from(good);
      bad[at] = (bad[at] as number) ^ 0x5a;
      expect(load(bad)).toBeInstanceOf(InputError);
    }
  });

  it('names what was expected: a bad signature, a bad version, a wrong checksum', () => {
    expect((load(Buffer.from('NOPE0010')) as InputError).problem).toContain("wrong signature");
    const version = Buffer.from(good);
    version.write('0011', 5, 'latin1');
    expect((load(version) as InputError).problem).toContain("can't handle RDB format version '0011'");
    const checksum = Buffer.from(good);
    checksum[checksum.length - 1] = (checksum[checksum.length - 1] as number) ^ 1;
    expect((load(checksum) as InputError).problem).toContain('wrong RDB checksum');
  });

  it('accepts a zero checksum (rdbchecksum no)', () => {
    const unchecked = rdbBytesOf(store.node, { checksum: false });
    expect(unchecked.subarray(-8)).toEqual(Buffer.alloc(8));
    expect(load(unchecked)).not.toBeInstanceOf(InputError);
  });

  it('listpack blobs decode to what was encoded, integers canonical', () => {
    const elements = ['', 'a', '127', '128', '-1', '4095', '-4096', '32767', '70000', '-8388608', '2147483647', '9223372036854775807', '-9223372036854775808', '007', 'x'.repeat(70), 'y'.repeat(5000)].map((text) => Buffer.from(text));
    expect(decodeListpack(encodeListpack(elements))).toEqual(elements);
  });
});
