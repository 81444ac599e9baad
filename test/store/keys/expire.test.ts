import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arity, error, int, nil, notInteger, session, startEpochMs } from '../strings/session.js';

const invalidExpire = (name: string): string => error(`ERR invalid expire time in '${name}' command`);

describe('EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT', () => {
  it('set TTLs that TTL, PTTL, EXPIRETIME and PEXPIRETIME report', () => {
    const { run } = session();
    run('SET', 'e', 'v');
    expect(run('EXPIRE', 'e', '100')).toBe(int(1));
    expect(run('TTL', 'e')).toBe(int(100));
    expect(run('PTTL', 'e')).toBe(int(100_000));
    expect(run('EXPIRETIME', 'e')).toBe(int(startEpochMs / 1000 + 100));
    expect(run('PEXPIRETIME', 'e')).toBe(int(startEpochMs + 100_000));
    expect(run('PEXPIRE', 'e', '1500')).toBe(int(1));
    expect(run('TTL', 'e')).toBe(int(2));
    expect(run('PEXPIREAT', 'e', String(startEpochMs + 1499))).toBe(int(1));
    expect(run('TTL', 'e')).toBe(int(1));
    expect(run('EXPIREAT', 'e', String(startEpochMs / 1000 + 7))).toBe(int(1));
    expect(run('PTTL', 'e')).toBe(int(7000));
  });

  it('-2 for a missing key, -1 for a key without TTL', () => {
    const { run } = session();
    for (const name of ['TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME']) expect(run(name, 'nope')).toBe(int(-2));
    run('SET', 'k', 'v');
    for (const name of ['TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME']) expect(run(name, 'k')).toBe(int(-1));
    expect(run('EXPIRE', 'nope', '10')).toBe(int(0));
  });

  it('NX, XX, GT and LT compare with the current TTL (none counts as infinite)', () => {
    const { run } = session();
    run('SET', 'e', 'v');
    expect(run('EXPIRE', 'e', '10', 'XX')).toBe(int(0));
    expect(run('EXPIRE', 'e', '10', 'GT')).toBe(int(0));
    expect(run('EXPIRE', 'e', '100', 'NX')).toBe(int(1));
    expect(run('EXPIRE', 'e', '100', 'NX')).toBe(int(0));
    expect(run('EXPIRE', 'e', '200', 'XX')).toBe(int(1));
    expect(run('EXPIRE', 'e', '50', 'GT')).toBe(int(0));
    expect(run('EXPIRE', 'e', '300', 'gt')).toBe(int(1));
    expect(run('EXPIRE', 'e', '400', 'LT')).toBe(int(0));
    expect(run('EXPIRE', 'e', '50', 'lt', 'xx')).toBe(int(1));
    expect(run('TTL', 'e')).toBe(int(50));
    expect(run('PERSIST', 'e')).toBe(int(1));
    expect(run('EXPIRE', 'e', '10', 'LT')).toBe(int(1));
  });

  it('refuse incompatible or unknown options and bad times', () => {
    const { run } = session();
    run('SET', 'e', 'v');
    expect(run('EXPIRE', 'e', '10', 'NX', 'XX')).toBe(error('ERR NX and XX, GT or LT options at the same time are not compatible'));
    expect(run('EXPIRE', 'e', '10', 'NX', 'GT')).toBe(error('ERR NX and XX, GT or LT options at the same time are not compatible'));
    expect(run('EXPIRE', 'e', '10', 'GT', 'LT')).toBe(error('ERR GT and LT options at the same time are not compatible'));
    expect(run('EXPIRE', 'e', '10', 'FOO')).toBe(error('ERR Unsupported option FOO'));
    expect(run('EXPIRE', 'e', 'x')).toBe(notInteger);
    expect(run('EXPIRE', 'e', '9223372036854776')).toBe(invalidExpire('expire'));
    expect(run('EXPIRE', 'e', '-9223372036854776')).toBe(invalidExpire('expire'));
    expect(run('PEXPIRE', 'e', '9223372036854775807')).toBe(invalidExpire('pexpire'));
    expect(run('EXPIREAT', 'e', '9223372036854776')).toBe(invalidExpire('expireat'));
    expect(run('EXPIRE', 'e')).toBe(arity('expire'));
    expect(run('TTL', 'e')).toBe(int(-1));
  });

  it('a time already past deletes the key (and replies 1)', () => {
    const { run } = session();
    for (const [name, time] of [
      ['EXPIRE', '-1'],
      ['EXPIREAT', '100'],
      ['PEXPIRE', '0'],
      ['PEXPIREAT', String(startEpochMs)],
    ]) {
      run('SET', 'e', 'v');
      expect(run(name as string, 'e', time as string)).toBe(int(1));
      expect(run('EXISTS', 'e')).toBe(int(0));
    }
  });

  it('PERSIST removes a TTL once', () => {
    const { run } = session();
    run('SET', 'e', 'v', 'EX', '100');
    expect(run('PERSIST', 'e')).toBe(int(1));
    expect(run('PERSIST', 'e')).toBe(int(0));
    expect(run('PERSIST', 'nope')).toBe(int(0));
    expect(run('TTL', 'e')).toBe(int(-1));
  });

  it('propagate as PEXPIREAT with the absolute time (options kept), or DEL', () => {
    const { run, takePropagated } = session({ 'lazyfree-lazy-expire': 'no' });
    run('SET', 'x', '1');
    takePropagated();
    run('EXPIRE', 'x', '100', 'NX');
    run('PEXPIREAT', 'x', '99999999999999', 'XX');
    run('pexpireat', 'x', '99999999999998');
    run('EXPIREAT', 'x', String(startEpochMs / 1000 + 3));
    run('PERSIST', 'x');
    run('PERSIST', 'x');
    run('EXPIRE', 'x', '-1');
    expect(takePropagated()).toEqual([
      `0: PEXPIREAT x ${startEpochMs + 100_000} NX`,
      '0: PEXPIREAT x 99999999999999 XX',
      '0: pexpireat x 99999999999998',
      `0: PEXPIREAT x ${startEpochMs + 3000}`,
      '0: PERSIST x',
      '0: DEL x',
    ]);
  });
});

describe('expiry laws', () => {
  it('a key is readable until its TTL and never after', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 6000 }), (ttlMs, waitMs) => {
        const { run, advance } = session();
        run('SET', 'k', 'v', 'PX', String(ttlMs));
        advance(waitMs);
        const alive = waitMs <= ttlMs;
        expect(run('GET', 'k')).toBe(alive ? '$1\r\nv\r\n' : nil);
        expect(run('PTTL', 'k')).toBe(alive ? int(ttlMs - waitMs) : int(-2));
      }),
      { numRuns: 60 },
    );
  });

  it('TTL rounds the remaining milliseconds to the nearest second', () => {
    const { run, advance } = session();
    run('SET', 'k', 'v', 'PX', '2000');
    const seen: string[] = [];
    for (const stepMs of [499, 2, 999, 498]) {
      advance(stepMs);
      seen.push(run('TTL', 'k'));
    }
    expect(seen).toEqual([int(2), int(1), int(1), int(0)]);
  });
});
