import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RespValue } from '../../../src/store/protocol/reply-decoder.js';
import { parseScanCursor } from '../../../src/store/commands/families/keys-scan-order.js';
import { arity, array, bulk, error, nil, notInteger, session, syntaxError } from '../strings/session.js';

const names = (reply: RespValue | undefined): string[] => (reply as Buffer[]).map((item) => item.toString('latin1')).sort();

describe('KEYS and RANDOMKEY', () => {
  it('KEYS matches glob patterns over binary keys', () => {
    const { run, store } = session();
    run('MSET', 'a', '1', 'b', '2', 'c', '3', 'h1', '4', 'hello', '5');
    store.command(['SET', Buffer.from([0xff, 0x00]), 'binary']);
    expect(names(store.call('KEYS', '*'))).toEqual(['a', 'b', 'c', 'h1', 'hello', '\u00ff\u0000']);
    expect(names(store.call('KEYS', '[a-c]'))).toEqual(['a', 'b', 'c']);
    expect(names(store.call('KEYS', 'h?'))).toEqual(['h1']);
    expect(names(store.call('KEYS', 'h*o'))).toEqual(['hello']);
    expect(run('KEYS', 'nomatch*')).toBe(array());
    expect(run('KEYS')).toBe(arity('keys'));
  });

  it('RANDOMKEY returns null on an empty database, else a live key', () => {
    const { run, advance } = session();
    expect(run('RANDOMKEY')).toBe(nil);
    run('SET', 'only', '1');
    expect(run('RANDOMKEY')).toBe(bulk('only'));
    run('SET', 'gone', '1', 'PX', '10');
    advance(20);
    for (let attempt = 0; attempt < 20; attempt++) expect(run('RANDOMKEY')).toBe(bulk('only'));
    expect(run('RANDOMKEY', 'x')).toBe(arity('randomkey'));
  });
});

describe('SCAN', () => {
  it('parses cursors like strtoul, with no leading space and nothing after', () => {
    expect(parseScanCursor(Buffer.from(''))).toBe(0n);
    expect(parseScanCursor(Buffer.from('+7'))).toBe(7n);
    expect(parseScanCursor(Buffer.from('-1'))).toBe(2n ** 64n - 1n);
    expect(parseScanCursor(Buffer.from('-0'))).toBe(0n);
    expect(parseScanCursor(Buffer.from('18446744073709551615'))).toBe(2n ** 64n - 1n);
    expect(parseScanCursor(Buffer.from('5\u0000x', 'latin1'))).toBe(5n);
    for (const bad of [' 0', 'abc', '-', '1x', '18446744073709551616', '0x10']) expect(parseScanCursor(Buffer.from(bad))).toBeUndefined();
  });

  it('refuses bad cursors and options', () => {
    const { run } = session();
    expect(run('SCAN', 'abc')).toBe(error('ERR invalid cursor'));
    expect(run('SCAN', ' 0')).toBe(error('ERR invalid cursor'));
    expect(run('SCAN', '0', 'COUNT', '0')).toBe(syntaxError);
    expect(run('SCAN', '0', 'COUNT', 'x')).toBe(notInteger);
    expect(run('SCAN', '0', 'COUNT')).toBe(syntaxError);
    expect(run('SCAN', '0', 'FOO', '1')).toBe(syntaxError);
    expect(run('SCAN')).toBe(arity('scan'));
  });

  it('filters by MATCH and TYPE, and skips expired keys', () => {
    const { store, run, advance } = session();
    run('MSET', 'a1', '1', 'a2', '2', 'b1', '3');
    run('RPUSH', 'alist', 'x');
    run('SET', 'a3', 'v', 'PX', '10');
    advance(20);
    const scanAll = (...options: string[]): string[] => {
      const seen: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = store.call('SCAN', cursor, ...options) as [Buffer, Buffer[]];
        cursor = next.toString();
        seen.push(...keys.map((key) => key.toString()));
      } while (cursor !== '0');
      return seen.sort();
    };
    expect(scanAll()).toEqual(['a1', 'a2', 'alist', 'b1']);
    expect(scanAll('MATCH', 'a*', 'COUNT', '1')).toEqual(['a1', 'a2', 'alist']);
    expect(scanAll('TYPE', 'list')).toEqual(['alist']);
    expect(scanAll('TYPE', 'STRING', 'MATCH', '*1')).toEqual(['a1', 'b1']);
    expect(scanAll('TYPE', 'nosuch')).toEqual([]);
  });

  it('returns every key present for the whole scan, whatever happens meanwhile', () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), name: fc.integer({ min: 0, max: 400 }) }),
      fc.record({ kind: fc.constant('delete' as const), name: fc.integer({ min: 0, max: 400 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 150 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.array(change, { maxLength: 4 })), { maxLength: 200 }), (initial, rounds) => {
        const { store } = session();
        for (let index = 0; index < initial; index++) store.command(['SET', `k${index * 2}`, 'v']);
        const present = new Set(Array.from({ length: initial }, (_, index) => `k${index * 2}`));
        const everPresent = new Set(present);
        const alwaysPresent = new Set(present);
        const seen = new Set<string>();
        let cursor = '0';
        for (let round = 0; ; round++) {
          const [count, changes] = rounds[round % Math.max(1, rounds.length)] ?? [10, []];
          const [next, keys] = store.call('SCAN', cursor, 'COUNT', String(count)) as [Buffer, Buffer[]];
          for (const key of keys) seen.add(key.toString());
          cursor = next.toString();
          if (cursor === '0') break;
          for (const { kind, name } of changes) {
            const key = `k${name}`;
            store.command([kind === 'add' ? 'SET' : 'DEL', key, ...(kind === 'add' ? ['v'] : [])]);
            if (kind === 'add') {
              present.add(key);
              everPresent.add(key);
            } else {
              present.delete(key);
              alwaysPresent.delete(key);
            }
          }
          expect(round).toBeLessThan(10_000);
        }
        for (const key of alwaysPresent) expect(seen.has(key)).toBe(true);
        for (const key of seen) expect(everPresent.has(key)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
