import { describe, expect, it } from 'vitest';
import { arity, bulk, error, int, nil, notInteger, ok, session, startEpochMs, syntaxError, wrongType } from './session.js';

describe('SET (replies as redis-server 7.0.15 gives them)', () => {
  it('stores and replaces values, honouring NX and XX', () => {
    const { run } = session();
    expect(run('SET', 'k', 'v')).toBe(ok);
    expect(run('SET', 'k', 'w', 'NX')).toBe(nil);
    expect(run('SET', 'k', 'w', 'XX')).toBe(ok);
    expect(run('SET', 'missing', 'v', 'XX')).toBe(nil);
    expect(run('GET', 'missing')).toBe(nil);
    expect(run('GET', 'k')).toBe(bulk('w'));
    expect(run('SET', 'k', 'v', 'NX', 'XX')).toBe(syntaxError);
  });

  it('GET returns the old value, even when NX or XX stops the write', () => {
    const { run } = session();
    expect(run('SET', 'k', 'v', 'GET')).toBe(nil);
    expect(run('SET', 'k', 'w', 'GET', 'GET')).toBe(bulk('v'));
    expect(run('SET', 'k', 'x', 'get', 'NX')).toBe(bulk('w'));
    expect(run('GET', 'k')).toBe(bulk('w'));
    expect(run('SET', 'k2', 'w', 'GET', 'XX')).toBe(nil);
    expect(run('RPUSH', 'list', 'a')).toBe(int(1));
    expect(run('SET', 'list', 'v', 'GET')).toBe(wrongType);
    expect(run('TYPE', 'list')).toBe('+list\r\n');
    expect(run('SET', 'list', 'v')).toBe(ok);
    expect(run('TYPE', 'list')).toBe('+string\r\n');
  });

  it('sets, keeps and drops TTLs', () => {
    const { run } = session();
    expect(run('SET', 'k', 'v', 'EX', '10')).toBe(ok);
    expect(run('TTL', 'k')).toBe(int(10));
    expect(run('SET', 'k', 'v', 'KEEPTTL')).toBe(ok);
    expect(run('TTL', 'k')).toBe(int(10));
    expect(run('SET', 'k', 'v')).toBe(ok);
    expect(run('TTL', 'k')).toBe(int(-1));
    expect(run('SET', 'k', 'v', 'EX', '10', 'EX', '20')).toBe(ok);
    expect(run('TTL', 'k')).toBe(int(20));
    expect(run('SET', 'k', 'v', 'PX', '1500')).toBe(ok);
    expect(run('PTTL', 'k')).toBe(int(1500));
    expect(run('SET', 'k', 'v', 'EXAT', String(startEpochMs / 1000 + 100))).toBe(ok);
    expect(run('TTL', 'k')).toBe(int(100));
    expect(run('SET', 'k', 'v', 'PXAT', String(startEpochMs + 2500))).toBe(ok);
    expect(run('PTTL', 'k')).toBe(int(2500));
  });

  it('an absolute time in the past stores a key that is already gone', () => {
    const { run } = session();
    expect(run('SET', 'k', 'v', 'EXAT', '1')).toBe(ok);
    expect(run('GET', 'k')).toBe(nil);
    expect(run('SET', 'k', 'v', 'PXAT', '1')).toBe(ok);
    expect(run('EXISTS', 'k')).toBe(int(0));
  });

  it.each([
    [['EX', '10', 'PX', '100'], syntaxError],
    [['EX', '10', 'KEEPTTL'], syntaxError],
    [['KEEPTTL', 'EX', '10'], syntaxError],
    [['EX'], syntaxError],
    [['FOO'], syntaxError],
    [['PERSIST'], syntaxError],
    [['EX', '0'], error("ERR invalid expire time in 'set' command")],
    [['EX', '-1'], error("ERR invalid expire time in 'set' command")],
    [['PX', '0'], error("ERR invalid expire time in 'set' command")],
    [['EX', '9223372036854776'], error("ERR invalid expire time in 'set' command")],
    [['PX', '9223372036854775807'], error("ERR invalid expire time in 'set' command")],
    [['EX', 'abc'], notInteger],
    [['EX', '1.5'], notInteger],
  ])('SET k v %j fails with the Redis error', (options, expected) => {
    const { run } = session();
    expect(run('SET', 'k', 'v', ...options)).toBe(expected);
    expect(run('EXISTS', 'k')).toBe(int(0));
  });

  it('checks the arity', () => {
    const { run } = session();
    expect(run('SET', 'k')).toBe(arity('set'));
    expect(run('SET')).toBe(arity('set'));
  });
});

describe('SETNX, SETEX, PSETEX, GETSET, MSET, MSETNX', () => {
  it('SETNX sets only a missing key', () => {
    const { run } = session();
    expect(run('SETNX', 'n', '1')).toBe(int(1));
    expect(run('SETNX', 'n', '2')).toBe(int(0));
    expect(run('GET', 'n')).toBe(bulk('1'));
  });

  it('SETEX and PSETEX set a relative TTL and check it', () => {
    const { run } = session();
    expect(run('SETEX', 's', '10', 'v')).toBe(ok);
    expect(run('TTL', 's')).toBe(int(10));
    expect(run('PSETEX', 's', '10000', 'v')).toBe(ok);
    expect(run('PTTL', 's')).toBe(int(10000));
    expect(run('SETEX', 's', '0', 'v')).toBe(error("ERR invalid expire time in 'setex' command"));
    expect(run('SETEX', 's', '-1', 'v')).toBe(error("ERR invalid expire time in 'setex' command"));
    expect(run('PSETEX', 's', '0', 'v')).toBe(error("ERR invalid expire time in 'psetex' command"));
    expect(run('SETEX', 's', 'x', 'v')).toBe(notInteger);
    expect(run('SETEX', 'a', '1')).toBe(arity('setex'));
  });

  it('GETSET replies the old value and drops the TTL', () => {
    const { run } = session();
    expect(run('GETSET', 'g', 'a')).toBe(nil);
    expect(run('EXPIRE', 'g', '100')).toBe(int(1));
    expect(run('GETSET', 'g', 'b')).toBe(bulk('a'));
    expect(run('TTL', 'g')).toBe(int(-1));
    expect(run('RPUSH', 'l', 'x')).toBe(int(1));
    expect(run('GETSET', 'l', 'b')).toBe(wrongType);
  });

  it('MSET sets pairs, MSETNX all or nothing, MGET nulls what is not a string', () => {
    const { run } = session();
    expect(run('MSET', 'a', '1', 'b', '2')).toBe(ok);
    expect(run('RPUSH', 'l', 'x')).toBe(int(1));
    expect(run('MGET', 'a', 'b', 'c', 'l')).toBe('*4\r\n$1\r\n1\r\n$1\r\n2\r\n$-1\r\n$-1\r\n');
    expect(run('MSET', 'a')).toBe(arity('mset'));
    expect(run('MSET', 'a', '1', 'b')).toBe(arity('mset'));
    expect(run('MSETNX', 'a', '1', 'zz', '2')).toBe(int(0));
    expect(run('EXISTS', 'zz')).toBe(int(0));
    expect(run('MSETNX', 'y1', '1', 'y2', '2')).toBe(int(1));
    expect(run('MSETNX', 'y3', '1', 'y2')).toBe(arity('msetnx'));
    expect(run('MGET', 'y1', 'y2')).toBe('*2\r\n$1\r\n1\r\n$1\r\n2\r\n');
  });
});

describe('string encodings seen through OBJECT ENCODING and REFCOUNT', () => {
  it.each([
    ['v', 'embstr'],
    ['123', 'int'],
    ['-5', 'int'],
    ['9223372036854775807', 'int'],
    ['9223372036854775808', 'embstr'],
    ['007', 'embstr'],
    ['x'.repeat(44), 'embstr'],
    ['x'.repeat(45), 'raw'],
  ])('SET %j gives %s', (value, encoding) => {
    const { run } = session();
    run('SET', 'k', value);
    expect(run('OBJECT', 'ENCODING', 'k')).toBe(bulk(encoding));
    run('MSET', 'm', value);
    expect(run('OBJECT', 'ENCODING', 'm')).toBe(bulk(encoding));
  });

  it('small integers are shared objects', () => {
    const { run } = session();
    run('SET', 'k', '123');
    expect(run('OBJECT', 'REFCOUNT', 'k')).toBe(int(2147483647));
    run('SET', 'k', '12345');
    expect(run('OBJECT', 'REFCOUNT', 'k')).toBe(int(1));
    run('SET', 'k', 'v');
    expect(run('OBJECT', 'REFCOUNT', 'k')).toBe(int(1));
  });

  it('binary values pass through unchanged', () => {
    const { store } = session();
    const value = Buffer.from([0, 0xff, 0x0d, 0x0a, 0x80, 0x7f]);
    const key = Buffer.from([0xc3, 0x28, 0]);
    expect(store.command(['SET', key, value]).toString('latin1')).toBe(ok);
    expect(store.command(['GET', key])).toEqual(Buffer.concat([Buffer.from('$6\r\n'), value, Buffer.from('\r\n')]));
    expect(store.command(['STRLEN', key]).toString('latin1')).toBe(int(6));
  });
});
