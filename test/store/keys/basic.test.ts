import { describe, expect, it } from 'vitest';
import { arity, array, bulk, int, nil, session, status } from '../strings/session.js';

describe('DEL, UNLINK, EXISTS, TOUCH, TYPE', () => {
  it('DEL and UNLINK count the keys they removed', () => {
    const { run } = session();
    run('MSET', 'a', '1', 'b', '2', 'c', '3');
    expect(run('DEL', 'a', 'a', 'b', 'zz')).toBe(int(2));
    expect(run('UNLINK', 'c', 'c')).toBe(int(1));
    expect(run('DEL')).toBe(arity('del'));
    expect(run('DBSIZE')).toBe(int(0));
  });

  it('EXISTS counts a key named twice twice', () => {
    const { run } = session();
    run('SET', 'c', '1');
    expect(run('EXISTS', 'a', 'c', 'c', 'zz')).toBe(int(2));
    expect(run('EXISTS')).toBe(arity('exists'));
  });

  it('TOUCH counts existing keys', () => {
    const { run } = session();
    run('SET', 'x', '1');
    expect(run('TOUCH', 'x', 'x', 'y')).toBe(int(2));
  });

  it('TYPE names each type, and none for a missing key', () => {
    const { run } = session();
    run('SET', 'x', '1');
    run('RPUSH', 'l', '1');
    run('SADD', 's', 'm');
    run('ZADD', 'z', '1', 'm');
    expect(run('TYPE', 'x')).toBe(status('string'));
    expect(run('TYPE', 'l')).toBe(status('list'));
    expect(run('TYPE', 's')).toBe(status('set'));
    expect(run('TYPE', 'z')).toBe(status('zset'));
    expect(run('TYPE', 'nope')).toBe(status('none'));
    expect(run('TYPE')).toBe(arity('type'));
  });

  it('an expired key is gone for every command', () => {
    const { run, advance } = session();
    const commands: [string, string][] = [
      ['GET', nil],
      ['EXISTS', int(0)],
      ['TYPE', status('none')],
      ['TTL', int(-2)],
      ['DEL', int(0)],
      ['STRLEN', int(0)],
      ['GETRANGE', bulk('')],
    ];
    for (const [name, expected] of commands) {
      run('SET', 'p', 'v', 'PX', '50');
      advance(51);
      const extra = name === 'GETRANGE' ? ['0', '-1'] : [];
      expect(run(name, 'p', ...extra)).toBe(expected);
    }
    run('SET', 'p', 'v', 'PX', '50');
    advance(51);
    expect(run('KEYS', '*')).toBe(array());
    expect(run('INCR', 'p')).toBe(int(1));
  });

  it('DEL of an expired key propagates the expiry DEL, not the command', () => {
    const { run, advance, takePropagated } = session({ 'enable-debug-command': 'yes' });
    expect(run('DEBUG', 'SET-ACTIVE-EXPIRE', '0')).toBe('+OK\r\n');
    run('SET', 'p', 'v', 'PX', '50');
    advance(51);
    takePropagated();
    expect(run('DEL', 'p')).toBe(int(0));
    expect(takePropagated()).toEqual(['0: DEL p']);
  });
});
