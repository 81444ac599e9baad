import { describe, expect, it } from 'vitest';
import { arity, bulk, error, int, nil, notInteger, ok, session, syntaxError } from '../strings/session.js';

const sameObject = error('ERR source and destination objects are the same');
const dbOutOfRange = error('ERR DB index is out of range');

describe('RENAME and RENAMENX', () => {
  it('move the value and its TTL', () => {
    const { run } = session();
    run('SET', 't', '1', 'EX', '100');
    expect(run('RENAME', 't', 't2')).toBe(ok);
    expect(run('TTL', 't2')).toBe(int(100));
    expect(run('TTL', 't')).toBe(int(-2));
    run('SET', 'o', 'v');
    expect(run('RENAMENX', 't2', 'o')).toBe(int(0));
    expect(run('RENAMENX', 't2', 'o2')).toBe(int(1));
    expect(run('RENAME', 'o2', 'o')).toBe(ok);
    expect(run('TTL', 'o')).toBe(int(100));
    expect(run('GET', 'o')).toBe(bulk('1'));
  });

  it('renaming to itself is a no-op, but a missing source is an error', () => {
    const { run } = session();
    run('SET', 'k', 'v');
    expect(run('RENAME', 'k', 'k')).toBe(ok);
    expect(run('RENAMENX', 'k', 'k')).toBe(int(0));
    expect(run('RENAME', 'nope', 'x')).toBe(error('ERR no such key'));
    expect(run('RENAMENX', 'nope', 'nope')).toBe(error('ERR no such key'));
    expect(run('RENAME', 'k')).toBe(arity('rename'));
  });

  it('a renamed list is signalled to WATCH on both names', () => {
    const { store, run } = session();
    run('RPUSH', 'l', 'a');
    const watcher = store.client();
    watcher.command(['WATCH', 'l2']);
    watcher.command(['MULTI']);
    watcher.command(['GET', 'x']);
    expect(run('RENAME', 'l', 'l2')).toBe(ok);
    expect(watcher.command(['EXEC']).toString('latin1')).toBe('*-1\r\n');
  });
});

describe('MOVE', () => {
  it('moves a key with its TTL to another database unless it exists there', () => {
    const { run } = session();
    run('SET', 'o', 'v', 'EX', '100');
    expect(run('MOVE', 'o', '1')).toBe(int(1));
    expect(run('GET', 'o')).toBe(nil);
    expect(run('SELECT', '1')).toBe(ok);
    expect(run('TTL', 'o')).toBe(int(100));
    expect(run('SELECT', '0')).toBe(ok);
    run('SET', 'o', 'db0');
    expect(run('MOVE', 'o', '1')).toBe(int(0));
    expect(run('GET', 'o')).toBe(bulk('db0'));
    expect(run('MOVE', 'nope', '1')).toBe(int(0));
  });

  it('refuses the same database and bad indexes', () => {
    const { run } = session();
    run('SET', 'o', 'v');
    expect(run('MOVE', 'o', '0')).toBe(sameObject);
    expect(run('MOVE', 'o', '16')).toBe(dbOutOfRange);
    expect(run('MOVE', 'o', '-1')).toBe(dbOutOfRange);
    expect(run('MOVE', 'o', 'x')).toBe(notInteger);
    expect(run('MOVE', 'o', '2147483648')).toBe(error('ERR value is out of range, value must between -2147483648 and 2147483647'));
  });
});

describe('COPY', () => {
  it('copies value, TTL and encoding; REPLACE overwrites', () => {
    const { run } = session();
    run('SET', 'o', 'v', 'PX', '5000');
    expect(run('COPY', 'o', 'oc')).toBe(int(1));
    expect(run('GET', 'oc')).toBe(bulk('v'));
    expect(run('PTTL', 'oc')).toBe(int(5000));
    run('SET', 'o', 'w');
    expect(run('COPY', 'o', 'oc')).toBe(int(0));
    expect(run('COPY', 'o', 'oc', 'REPLACE')).toBe(int(1));
    expect(run('GET', 'oc')).toBe(bulk('w'));
    expect(run('PTTL', 'oc')).toBe(int(-1));
    expect(run('COPY', 'nope', 'x')).toBe(int(0));
    run('APPEND', 'raw', 'x');
    run('APPEND', 'raw', 'y');
    expect(run('COPY', 'raw', 'raw2')).toBe(int(1));
    expect(run('OBJECT', 'ENCODING', 'raw2')).toBe(bulk('raw'));
  });

  it('copies into another database, and the copy is independent', () => {
    const { run } = session();
    run('RPUSH', 'l', 'a', 'b');
    expect(run('COPY', 'l', 'l', 'DB', '2')).toBe(int(1));
    run('RPUSH', 'l', 'c');
    run('SELECT', '2');
    expect(run('LRANGE', 'l', '0', '-1')).toBe('*2\r\n$1\r\na\r\n$1\r\nb\r\n');
  });

  it('refuses the same key in the same database and bad options', () => {
    const { run } = session();
    run('SET', 'o', 'v');
    expect(run('COPY', 'o', 'o')).toBe(sameObject);
    expect(run('COPY', 'o', 'o', 'DB', '0')).toBe(sameObject);
    expect(run('COPY', 'o', 'o', 'DB', '1')).toBe(int(1));
    expect(run('COPY', 'o', 'oc', 'DB')).toBe(syntaxError);
    expect(run('COPY', 'o', 'oc', 'FOO')).toBe(syntaxError);
    expect(run('COPY', 'o', 'oc', 'DB', '99')).toBe(dbOutOfRange);
    expect(run('COPY', 'o', 'oc', 'DB', 'x')).toBe(notInteger);
    expect(run('COPY', 'o')).toBe(arity('copy'));
  });
});
