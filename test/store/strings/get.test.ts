import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arity, bulk, error, int, nil, notInteger, ok, session, startEpochMs, syntaxError, wrongType } from './session.js';

describe('GET, GETDEL, GETEX', () => {
  it('GET replies null for a missing key and WRONGTYPE for another type', () => {
    const { run } = session();
    expect(run('GET', 'nope')).toBe(nil);
    run('RPUSH', 'l', 'x');
    expect(run('GET', 'l')).toBe(wrongType);
    expect(run('GET')).toBe(arity('get'));
    expect(run('GET', 'a', 'b')).toBe(arity('get'));
  });

  it('GETDEL replies the value and deletes it', () => {
    const { run } = session();
    run('SET', 'k', 'v');
    expect(run('GETDEL', 'k')).toBe(bulk('v'));
    expect(run('GETDEL', 'k')).toBe(nil);
    run('RPUSH', 'l', 'x');
    expect(run('GETDEL', 'l')).toBe(wrongType);
    expect(run('EXISTS', 'l')).toBe(int(1));
  });

  it('GETEX sets, replaces and removes TTLs', () => {
    const { run } = session();
    run('SET', 'e', 'val');
    expect(run('GETEX', 'e')).toBe(bulk('val'));
    expect(run('TTL', 'e')).toBe(int(-1));
    expect(run('GETEX', 'e', 'EX', '100')).toBe(bulk('val'));
    expect(run('TTL', 'e')).toBe(int(100));
    expect(run('GETEX', 'e', 'PX', '5000')).toBe(bulk('val'));
    expect(run('PTTL', 'e')).toBe(int(5000));
    expect(run('GETEX', 'e', 'PERSIST')).toBe(bulk('val'));
    expect(run('TTL', 'e')).toBe(int(-1));
    expect(run('GETEX', 'e', 'EXAT', String(startEpochMs / 1000 + 50))).toBe(bulk('val'));
    expect(run('TTL', 'e')).toBe(int(50));
  });

  it('GETEX with an absolute time in the past deletes the key after replying it', () => {
    const { run } = session();
    run('SET', 'e', 'val');
    expect(run('GETEX', 'e', 'EXAT', '1')).toBe(bulk('val'));
    expect(run('EXISTS', 'e')).toBe(int(0));
  });

  it('GETEX checks options before the key and the expire value after it', () => {
    const { run } = session();
    run('SET', 'e', 'val');
    run('RPUSH', 'l', 'x');
    expect(run('GETEX', 'e', 'EX', '10', 'PERSIST')).toBe(syntaxError);
    expect(run('GETEX', 'e', 'KEEPTTL')).toBe(syntaxError);
    expect(run('GETEX', 'e', 'NX')).toBe(syntaxError);
    expect(run('GETEX', 'e', 'EX', '0')).toBe(error("ERR invalid expire time in 'getex' command"));
    expect(run('GETEX', 'missing', 'EX', '0')).toBe(nil);
    expect(run('GETEX', 'l', 'EX', '0')).toBe(wrongType);
    expect(run('GETEX', 'e', 'EX', 'x')).toBe(notInteger);
    expect(run('GETEX')).toBe(arity('getex'));
  });
});

describe('STRLEN and GETRANGE', () => {
  it('STRLEN counts bytes, including of int-encoded values', () => {
    const { run } = session();
    expect(run('STRLEN', 'nope')).toBe(int(0));
    run('SET', 'num', '-12345');
    expect(run('STRLEN', 'num')).toBe(int(6));
    run('RPUSH', 'l', 'x');
    expect(run('STRLEN', 'l')).toBe(wrongType);
  });

  it.each([
    ['0', '4', 'Hello'],
    ['-5', '-1', 'World'],
    ['-1', '-5', ''],
    ['5', '100', ' World'],
    ['100', '200', ''],
    ['-100', '-50', 'H'],
    ['-100', '3', 'Hell'],
    ['0', '-1', 'Hello World'],
    ['3', '2', ''],
    ['9223372036854775807', '9223372036854775807', ''],
    ['-9223372036854775808', '-1', 'Hello World'],
  ])('GETRANGE "Hello World" %s %s is %j', (start, end, expected) => {
    const { run } = session();
    run('SET', 'r', 'Hello World');
    expect(run('GETRANGE', 'r', start, end)).toBe(bulk(expected));
    expect(run('SUBSTR', 'r', start, end)).toBe(bulk(expected));
  });

  it('GETRANGE of a missing key, a number, and bad indexes', () => {
    const { run } = session();
    run('SET', 'num', '12345');
    run('RPUSH', 'l', 'x');
    expect(run('GETRANGE', 'nope', '0', '1')).toBe(bulk(''));
    expect(run('GETRANGE', 'num', '1', '2')).toBe(bulk('23'));
    expect(run('GETRANGE', 'l', '0', '1')).toBe(wrongType);
    expect(run('GETRANGE', 'l', 'x', '1')).toBe(notInteger);
    expect(run('SET', 'empty', '')).toBe(ok);
    expect(run('GETRANGE', 'empty', '0', '-1')).toBe(bulk(''));
  });

  it('GETRANGE agrees with a model of Redis index arithmetic', () => {
    const { run } = session();
    const model = (text: string, startGiven: number, endGiven: number): string => {
      const length = text.length;
      if (startGiven < 0 && endGiven < 0 && startGiven > endGiven) return '';
      const start = Math.max(0, startGiven < 0 ? length + startGiven : startGiven);
      const end = Math.min(length - 1, Math.max(0, endGiven < 0 ? length + endGiven : endGiven));
      return start > end || length === 0 ? '' : text.slice(start, end + 1);
    };
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: -30, max: 30 }), fc.integer({ min: -30, max: 30 }), (text, start, end) => {
        const latin = Buffer.from(text, 'utf8').toString('latin1');
        run('SET', 'r', Buffer.from(latin, 'latin1'));
        expect(run('GETRANGE', 'r', String(start), String(end))).toBe(bulk(model(latin, start, end)));
      }),
    );
  });
});
