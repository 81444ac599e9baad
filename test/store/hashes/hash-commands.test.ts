import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/embedded.js';
import type { RespValue } from '../../../src/store/protocol/reply-decoder.js';

function recordPropagation(store: Store): string[] {
  const lines: string[] = [];
  store.node.onPropagate((_dbId, argv) => lines.push(argv.map((argument) => argument.toString('latin1')).join(' ')));
  return lines;
}

const strings = (reply: RespValue | undefined): string[] => {
  if (!Array.isArray(reply)) throw new Error(`expected an array reply, got ${String(reply)}`);
  return reply.map((item) => (Buffer.isBuffer(item) ? item.toString('latin1') : String(item)));
};

/** A store holding hash `h` with `size` fields f0.. (values v0..), listpack or hashtable as asked. */
function storeWithHash(size: number, encoding: 'listpack' | 'hashtable', seed = 1): Store {
  const store = createStore({ seed, config: { 'hash-max-listpack-entries': encoding === 'listpack' ? '1000' : '0' } });
  const pairs = Array.from({ length: size }, (_, index) => [`f${index}`, `v${index}`]).flat();
  store.call('HSET', 'h', ...pairs);
  expect(store.call('OBJECT', 'ENCODING', 'h')).toEqual(Buffer.from(encoding));
  return store;
}

describe('HRANDFIELD', () => {
  it('returns min(count, size) distinct fields for a positive count, and exactly |count| fields (repeats allowed) for a negative one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: -60, max: 60 }), fc.constantFrom('listpack' as const, 'hashtable' as const), fc.boolean(), (size, count, encoding, withValues) => {
        const store = storeWithHash(size, encoding);
        const reply = strings(store.call('HRANDFIELD', 'h', String(count), ...(withValues ? ['WITHVALUES'] : [])));
        const fields = withValues ? reply.filter((_, index) => index % 2 === 0) : reply;
        if (withValues) reply.forEach((item, index) => index % 2 === 1 && expect(item).toBe(`v${(reply[index - 1] as string).slice(1)}`));
        for (const field of fields) expect(Number(field.slice(1))).toBeLessThan(size);
        if (count >= 0) {
          expect(fields.length).toBe(Math.min(count, size));
          expect(new Set(fields).size).toBe(fields.length);
        } else {
          expect(fields.length).toBe(-count);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('draws from the node seed only: two stores with the same seed answer the same picks', () => {
    const picks = (seed: number): RespValue[] => {
      const store = storeWithHash(30, 'hashtable', seed);
      return [store.call('HRANDFIELD', 'h'), store.call('HRANDFIELD', 'h', '-10'), store.call('HRANDFIELD', 'h', '5', 'WITHVALUES'), store.call('HRANDFIELD', 'h', '20')].map((reply) => reply ?? null);
    };
    expect(picks(5)).toEqual(picks(5));
    expect(picks(5)).not.toEqual(picks(6));
  });
});

describe('HSCAN', () => {
  it('walks a hashtable page by page with a small COUNT and returns every field with its value', () => {
    const store = storeWithHash(200, 'hashtable');
    const seen = new Map<string, string>();
    let cursor = '0';
    let calls = 0;
    do {
      const reply = store.call('HSCAN', 'h', cursor, 'COUNT', '7');
      if (!Array.isArray(reply)) throw new Error('HSCAN replies an array');
      cursor = (reply[0] as Buffer).toString('latin1');
      const page = strings(reply[1]);
      expect(page.length).toBeLessThan(2 * 200);
      for (let index = 0; index < page.length; index += 2) seen.set(page[index] as string, page[index + 1] as string);
      calls++;
    } while (cursor !== '0' && calls < 1000);
    expect(cursor).toBe('0');
    expect(calls).toBeGreaterThan(1);
    expect(seen.size).toBe(200);
    for (const [field, value] of seen) expect(value).toBe(`v${field.slice(1)}`);
  });

  it('answers a listpack in one call with cursor 0 whatever cursor it is given', () => {
    const store = storeWithHash(5, 'listpack');
    expect(store.call('HSCAN', 'h', '12345', 'COUNT', '1')).toEqual([Buffer.from('0'), ['f0', 'v0', 'f1', 'v1', 'f2', 'v2', 'f3', 'v3', 'f4', 'v4'].map((item) => Buffer.from(item))]);
  });
});

describe('hash writes', () => {
  it('propagates HINCRBYFLOAT as HSET with the formatted result, and the other writes as sent', () => {
    const store = createStore();
    const propagated = recordPropagation(store);
    store.call('HINCRBYFLOAT', 'h', 'f', '0.1');
    store.call('HINCRBYFLOAT', 'h', 'f', '0.2');
    store.call('HINCRBY', 'h', 'n', '5');
    store.call('HSETNX', 'h', 'n', '1');
    store.call('HDEL', 'h', 'nope');
    store.call('HDEL', 'h', 'n', 'f');
    expect(propagated).toEqual(['HSET h f 0.1', 'HSET h f 0.3', 'HINCRBY h n 5', 'HDEL h n f']);
    expect(store.call('EXISTS', 'h')).toBe(0);
  });

  it('counts a listpack lookup as a walk over the fields and a hashtable lookup as one probe', () => {
    const listpack = storeWithHash(100, 'listpack');
    const hashtable = storeWithHash(100, 'hashtable');
    const stepsOf = (store: Store): number => store.node.steps().get('hget')?.steps ?? 0;
    for (let call = 0; call < 10; call++) {
      listpack.call('HGET', 'h', 'f50');
      hashtable.call('HGET', 'h', 'f50');
    }
    expect(stepsOf(listpack)).toBe(10 * 100);
    expect(stepsOf(hashtable)).toBe(10);
  });
});

describe('HRANDFIELD limits', () => {
  it('refuses a negative count beyond redsim\'s pick limit with an error instead of exhausting memory', () => {
    const store = createStore();
    store.call('HSET', 'h', 'f', 'v');
    const reply = store.call('HRANDFIELD', 'h', '-1000000000000');
    expect(reply).toBeInstanceOf(Error);
    expect(String((reply as Error).message)).toMatch(/limit/);
    expect(store.call('HRANDFIELD', 'h', '-3')).toEqual(['f', 'f', 'f'].map((item) => Buffer.from(item)));
  });
});
