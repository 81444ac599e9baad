import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partialQuicksort } from '../../../src/store/types/partial-quicksort.js';
import { sortKeys } from '../../../src/store/commands/families/keys-sort.js';
import { array, bulk, error, int, nil, notInteger, session, syntaxError, wrongType, type Session } from '../strings/session.js';

const bulks = (...items: string[]): string => array(...items.map(bulk));
const notDouble = error("ERR One or more scores can't be converted into double");

function withList(): Session {
  const current = session();
  current.run('RPUSH', 'l', '3', '1', '2', '10', '-5', '1.5', '007', '1e2');
  return current;
}

describe('SORT (replies as redis-server 7.0.15 gives them)', () => {
  it('sorts numerically, ALPHA, DESC, with LIMIT', () => {
    const { run } = withList();
    expect(run('SORT', 'l')).toBe(bulks('-5', '1', '1.5', '2', '3', '007', '10', '1e2'));
    expect(run('SORT', 'l', 'DESC')).toBe(bulks('1e2', '10', '007', '3', '2', '1.5', '1', '-5'));
    expect(run('SORT', 'l', 'ALPHA')).toBe(bulks('-5', '007', '1', '1.5', '10', '1e2', '2', '3'));
    expect(run('SORT', 'l', 'LIMIT', '1', '3')).toBe(bulks('1', '1.5', '2'));
    expect(run('SORT', 'l', 'LIMIT', '-5', '100')).toBe(bulks('-5', '1', '1.5', '2', '3', '007', '10', '1e2'));
    expect(run('SORT', 'l', 'LIMIT', '100', '2')).toBe(array());
    expect(run('SORT', 'l', 'LIMIT', '2', '0')).toBe(array());
    expect(run('SORT', 'l', 'LIMIT', '2', '-3')).toBe(bulks('1.5', '2', '3', '007', '10', '1e2'));
  });

  it('BY a constant keeps the native order (DESC reverses it)', () => {
    const { run } = withList();
    expect(run('SORT', 'l', 'BY', 'nosort')).toBe(bulks('3', '1', '2', '10', '-5', '1.5', '007', '1e2'));
    expect(run('SORT', 'l', 'BY', 'nosort', 'DESC', 'LIMIT', '2', '3')).toBe(bulks('1.5', '-5', '10'));
    run('ZADD', 'z', '1', 'c', '2', 'a', '3', 'b');
    expect(run('SORT', 'z', 'BY', 'nosort', 'DESC', 'LIMIT', '1', '5')).toBe(bulks('a', 'c'));
  });

  it('BY and GET patterns read strings and hash fields', () => {
    const { run } = withList();
    run('MSET', 'w_3', '30', 'w_1', '10', 'w_2', '20', 'w_10', '5', 'w_-5', '0', 'w_007', '7');
    expect(run('SORT', 'l', 'BY', 'w_*')).toBe(bulks('-5', '1.5', '1e2', '10', '007', '1', '2', '3'));
    expect(run('SORT', 'l', 'BY', 'w_*', 'LIMIT', '0', '3')).toBe(bulks('-5', '1.5', '1e2'));
    expect(run('SORT', 'l', 'BY', 'w_*', 'ALPHA', 'LIMIT', '1', '4')).toBe(bulks('1e2', '-5', '1', '2'));
    expect(run('SORT', 'l', 'BY', 'w_*', 'GET', 'w_*', 'GET', '#', 'LIMIT', '0', '2')).toBe(array(bulk('0'), bulk('-5'), nil, bulk('1.5')));
    expect(run('SORT', 'l', 'GET', 'nostar', 'LIMIT', '0', '1')).toBe(array(nil));
    run('HSET', 'h_3', 'f', 'c');
    run('HSET', 'h_1', 'f', 'a');
    expect(run('SORT', 'l', 'BY', 'h_*->f', 'ALPHA', 'GET', 'h_*->f', 'DESC', 'LIMIT', '0', '3')).toBe(array(bulk('c'), bulk('a'), nil));
  });

  it('STORE writes a list (missing GET values as empty strings) or deletes the destination', () => {
    const { run } = withList();
    run('MSET', 'w_3', '30', 'w_1', '10');
    expect(run('SORT', 'l', 'GET', 'w_*', 'STORE', 'dst', 'LIMIT', '0', '3')).toBe(int(3));
    expect(run('LRANGE', 'dst', '0', '-1')).toBe(bulks('', '10', ''));
    expect(run('SORT', 'nokey', 'STORE', 'dst')).toBe(int(0));
    expect(run('EXISTS', 'dst')).toBe(int(0));
    run('SADD', 's2', 'b', 'a', 'c');
    expect(run('SORT', 's2', 'BY', 'nosort', 'STORE', 'sd')).toBe(int(3));
    expect(run('LRANGE', 'sd', '0', '-1')).toBe(bulks('a', 'b', 'c'));
  });

  it('reports bad weights, types and options', () => {
    const { run } = withList();
    run('RPUSH', 'bad', '1', 'x', '2');
    run('RPUSH', 'spaces', ' 5', '', '3');
    run('RPUSH', 'blank', '  ');
    run('SET', 'str', 'x');
    expect(run('SORT', 'bad')).toBe(notDouble);
    expect(run('SORT', 'bad', 'ALPHA')).toBe(bulks('1', '2', 'x'));
    expect(run('SORT', 'spaces')).toBe(bulks('', '3', ' 5'));
    expect(run('SORT', 'blank')).toBe(notDouble);
    expect(run('SORT', 'str')).toBe(wrongType);
    expect(run('SORT', 'l', 'FOO')).toBe(syntaxError);
    expect(run('SORT', 'l', 'LIMIT', '1')).toBe(syntaxError);
    expect(run('SORT', 'l', 'LIMIT', 'x', '1')).toBe(notInteger);
    expect(run('SORT_RO', 'l', 'STORE', 'x')).toBe(syntaxError);
  });

  it('places equal BY weights where Redis pqsort puts them', () => {
    const { run } = session();
    run('RPUSH', 't', ...Array.from({ length: 60 }, (_, index) => String(index)));
    const weights = 'caacbaaccbaacbbccbbb';
    for (let index = 0; index < 60; index += 3) run('SET', `tw_${index}`, weights[index / 3] as string);
    const words = (text: string): string => bulks(...text.split(' '));
    expect(run('SORT', 't', 'BY', 'tw_*', 'ALPHA', 'LIMIT', '5', '12')).toBe(words('32 34 35 37 38 40 41 43 44 46 47 49'));
    expect(run('SORT', 't', 'BY', 'tw_*', 'ALPHA', 'DESC', 'LIMIT', '3', '8')).toBe(words('24 36 45 21 27 42 51 54'));
    expect(run('SORT', 't', 'BY', 'tw_*', 'ALPHA', 'LIMIT', '0', '60')).toBe(
      words('1 2 4 5 7 8 10 11 13 14 16 17 19 20 22 23 25 26 28 29 31 32 34 35 37 38 40 41 43 44 46 47 49 50 52 53 55 56 58 59 3 6 15 18 30 33 12 27 39 42 51 54 57 0 9 21 24 36 45 48'),
    );
  });

  it('finds the sort key and the last STORE key', () => {
    const argv = (...items: string[]): Buffer[] => items.map((item) => Buffer.from(item));
    expect(sortKeys(argv('SORT', 'k'))).toEqual([1]);
    expect(sortKeys(argv('SORT', 'k', 'STORE', 'a', 'LIMIT', '0', '1', 'store', 'b'))).toEqual([1, 8]);
    expect(sortKeys(argv('SORT', 'k', 'GET', 'store', 'BY', 'store'))).toEqual([1]);
  });
});

describe('pqsort', () => {
  it('puts the requested range in sorted order, like a full sort would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 120 }), fc.nat(), fc.nat(), (values, first, second) => {
        if (values.length === 0) return;
        const start = first % values.length;
        const end = start + (second % (values.length - start));
        const items = [...values];
        partialQuicksort(items, (left, right) => left - right, start, end);
        const sorted = [...values].sort((left, right) => left - right);
        expect(items.slice(start, end + 1)).toEqual(sorted.slice(start, end + 1));
        expect([...items].sort((left, right) => left - right)).toEqual(sorted);
      }),
    );
  });
});
