import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arity, bulk, error, int, notInteger, session, syntaxError } from './session.js';

describe('LCS', () => {
  it('replies the subsequence, its length, or its match ranges as Redis orders them', () => {
    const { run } = session();
    run('MSET', 'a', 'ohmytext', 'b', 'mynewtext');
    expect(run('LCS', 'a', 'b')).toBe(bulk('mytext'));
    expect(run('LCS', 'a', 'b', 'LEN')).toBe(int(6));
    expect(run('LCS', 'a', 'b', 'IDX')).toBe('*4\r\n$7\r\nmatches\r\n*2\r\n*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n*2\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n$3\r\nlen\r\n:6\r\n');
    expect(run('LCS', 'a', 'b', 'IDX', 'MINMATCHLEN', '4', 'WITHMATCHLEN')).toBe('*4\r\n$7\r\nmatches\r\n*1\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n$3\r\nlen\r\n:6\r\n');
  });

  it('walks ties the way t_string.c does', () => {
    const { run } = session();
    run('MSET', 'c', 'ABCBDAB', 'd', 'BDCABA');
    expect(run('LCS', 'c', 'd')).toBe(bulk('BDAB'));
    expect(run('LCS', 'c', 'd', 'IDX', 'WITHMATCHLEN')).toBe('*4\r\n$7\r\nmatches\r\n*2\r\n*3\r\n*2\r\n:5\r\n:6\r\n*2\r\n:3\r\n:4\r\n:2\r\n*3\r\n*2\r\n:3\r\n:4\r\n*2\r\n:0\r\n:1\r\n:2\r\n$3\r\nlen\r\n:4\r\n');
  });

  it('treats missing keys as empty and refuses other types and bad options', () => {
    const { run } = session();
    run('SET', 'a', 'abc');
    run('RPUSH', 'l', 'x');
    expect(run('LCS', 'a', 'nope')).toBe(bulk(''));
    expect(run('LCS', 'nope', 'nope2', 'IDX')).toBe('*4\r\n$7\r\nmatches\r\n*0\r\n$3\r\nlen\r\n:0\r\n');
    expect(run('LCS', 'a', 'l')).toBe(error('ERR The specified keys must contain string values'));
    expect(run('LCS', 'a', 'a', 'IDX', 'LEN')).toBe(error('ERR If you want both the length and indexes, please just use IDX.'));
    expect(run('LCS', 'a', 'a', 'FOO')).toBe(syntaxError);
    expect(run('LCS', 'a', 'a', 'MINMATCHLEN')).toBe(syntaxError);
    expect(run('LCS', 'a', 'a', 'MINMATCHLEN', 'x')).toBe(notInteger);
    expect(run('LCS', 'a')).toBe(arity('lcs'));
  });

  it('finds a common subsequence of the model length', () => {
    const { run, store } = session();
    const lcsLength = (a: string, b: string): number => {
      const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const row = table[i] as number[];
          row[j] = a[i - 1] === b[j - 1] ? (table[i - 1] as number[])[j - 1]! + 1 : Math.max((table[i - 1] as number[])[j]!, row[j - 1]!);
        }
      }
      return (table[a.length] as number[])[b.length]!;
    };
    const isSubsequence = (needle: string, haystack: string): boolean => {
      let index = 0;
      for (const char of haystack) if (char === needle[index]) index++;
      return index === needle.length;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        run('MSET', 'x', a, 'y', b);
        const sequence = store.call('LCS', 'x', 'y') as Buffer;
        expect(sequence.length).toBe(lcsLength(a, b));
        expect(isSubsequence(sequence.toString(), a) && isSubsequence(sequence.toString(), b)).toBe(true);
        expect(run('LCS', 'x', 'y', 'LEN')).toBe(int(lcsLength(a, b)));
      }),
    );
  });
});
