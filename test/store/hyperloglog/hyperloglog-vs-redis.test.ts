import { describe, it } from 'vitest';
import { useSideBySide } from '../../support/side-by-side.js';

/** Scripted PF* sequences, each reply compared byte for byte with redis-server 7.0.15. */
const both = useSideBySide();

function elements(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index}`);
}

describe('PFADD, PFCOUNT and GET of a HyperLogLog answer like redis-server 7.0.15', () => {
  it('a new key, its sparse bytes, cached cardinality and encoding', async () => {
    await both.script([
      ['PFADD', 'h'],
      ['GET', 'h'],
      ['PFADD', 'h', 'a', 'b', 'c'],
      ['GET', 'h'],
      ['PFADD', 'h', 'a'],
      ['PFCOUNT', 'h'],
      ['GET', 'h'],
      ['OBJECT', 'ENCODING', 'h'],
      ['PFDEBUG', 'ENCODING', 'h'],
      ['PFDEBUG', 'DECODE', 'h'],
      ['PFCOUNT', 'missing'],
      ['PFCOUNT', 'h', 'missing'],
    ]);
  });

  it('many elements: sparse growth, promotion to dense, the estimator', async () => {
    for (let round = 0; round < 30; round++) {
      await both.same(['PFADD', 'h', ...elements(`e${round}-`, 100)]);
      await both.same(['PFCOUNT', 'h']);
      if (round % 3 === 0) await both.same(['GET', 'h']);
      if (round % 5 === 0) await both.same(['PFDEBUG', 'ENCODING', 'h']);
    }
    await both.same(['GET', 'h']);
    await both.same(['PFDEBUG', 'GETREG', 'h']);
  });

  it('PFMERGE of sparse and dense sources, and multi-key PFCOUNT', async () => {
    await both.same(['PFADD', 'a', ...elements('x', 50)]);
    await both.same(['PFADD', 'b', ...elements('y', 3000)]);
    await both.same(['PFADD', 'c', ...elements('x', 80)]);
    await both.same(['PFCOUNT', 'a', 'b', 'c']);
    await both.same(['PFMERGE', 'd', 'a', 'c']);
    await both.same(['GET', 'd']);
    await both.same(['PFCOUNT', 'd']);
    await both.same(['PFMERGE', 'e', 'a', 'b']);
    await both.same(['GET', 'e']);
    await both.same(['PFMERGE', 'a', 'c', 'missing']);
    await both.same(['GET', 'a']);
    await both.same(['PFMERGE', 'fresh']);
    await both.same(['GET', 'fresh']);
  });

  it('errors: wrong types, invalid strings, corrupted sparse data, PFDEBUG', async () => {
    await both.script([
      ['SET', 's', 'hello'],
      ['PFADD', 's', 'a'],
      ['PFCOUNT', 's'],
      ['LPUSH', 'l', 'x'],
      ['PFADD', 'l', 'a'],
      ['PFCOUNT', 'l', 's'],
      ['SET', 'n', '12345678901234567'],
      ['PFCOUNT', 'n'],
      ['PFADD', 'h', 'a', 'b'],
      ['SETRANGE', 'h', '4', '\x05'],
      ['PFADD', 'h', 'c'],
      ['SETRANGE', 'h', '4', '\x00'],
      ['PFCOUNT', 'h'],
      ['PFADD', 'k', 'a', 'b', 'c'],
      ['APPEND', 'k', 'zzzz'],
      ['PFCOUNT', 'k'],
      ['PFADD', 'k', 'q', 'r', 's', 't'],
      ['GET', 'k'],
      ['PFMERGE', 'm', 'k'],
      ['PFDEBUG', 'TODENSE', 'k'],
      ['PFDEBUG', 'GETREG', 'nokey'],
      ['PFDEBUG', 'NOPE', 'h'],
      ['PFDEBUG', 'TODENSE', 'h'],
      ['PFDEBUG', 'DECODE', 'h'],
      ['PFDEBUG', 'TODENSE', 'h'],
      ['GET', 'h'],
      ['PFDEBUG', 'GETREG'],
      ['PFADD'],
      ['PFCOUNT'],
    ]);
  });
});
