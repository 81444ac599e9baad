import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/embedded.js';

/** Every propagated command as `target:ARGS`, target `all`, `aof` or `repl`. */
function recordTargets(store: Store): string[] {
  const lines: string[] = [];
  store.node.onPropagate((_db, argv, target) => {
    const where = target.aof && target.replication ? 'all' : target.aof ? 'aof' : 'repl';
    lines.push(`${where}:${argv.map((argument) => argument.toString('latin1')).join(' ')}`);
  });
  return lines;
}

function eval_(store: Store, script: string, ...rest: string[]): string {
  return store.command(['EVAL', script, ...(rest.length === 0 ? ['0'] : rest)]).toString('latin1');
}

describe('a script propagates its effects, as Redis 7.0 does', () => {
  it('propagates one write as itself and several wrapped in MULTI/EXEC; never the EVAL', () => {
    const store = createStore();
    const lines = recordTargets(store);
    expect(eval_(store, "return redis.call('set', KEYS[1], 'v')", '1', 'one')).toBe('+OK\r\n');
    expect(lines).toEqual(['all:set one v']);
    lines.length = 0;
    eval_(store, "redis.call('set', 'a', '1') redis.call('incr', 'n') redis.call('get', 'a')");
    expect(lines).toEqual(['all:MULTI', 'all:set a 1', 'all:incr n', 'all:EXEC']);
  });

  it('propagates nothing for a read-only script, SCRIPT LOAD, SCRIPT FLUSH or a failed write', () => {
    const store = createStore();
    const lines = recordTargets(store);
    eval_(store, "return redis.call('get', 'a')");
    store.command(['SCRIPT', 'LOAD', "return redis.call('set', 'x', 'y')"]);
    store.command(['SCRIPT', 'FLUSH']);
    eval_(store, "redis.call('set', 's', 'a') return redis.pcall('incr', 's')");
    expect(lines).toEqual(['all:set s a']);
  });

  it('propagates a script inside MULTI/EXEC within the transaction\'s unit', () => {
    const store = createStore();
    const lines = recordTargets(store);
    store.command(['MULTI']);
    store.command(['EVAL', "redis.call('set', 'bar', 'bar') redis.call('set', 'baz', 'baz')", '0']);
    store.command(['SET', 'foo', 'bar']);
    store.command(['EXEC']);
    expect(lines).toEqual(['all:MULTI', 'all:set bar bar', 'all:set baz baz', 'all:SET foo bar', 'all:EXEC']);
  });

  it('honours redis.set_repl: REPL_NONE propagates nothing, REPL_AOF only to the AOF', () => {
    const store = createStore();
    const lines = recordTargets(store);
    eval_(store, "redis.set_repl(redis.REPL_NONE) redis.call('set', 'a', '1') redis.set_repl(redis.REPL_AOF) redis.call('set', 'b', '2') redis.set_repl(redis.REPL_ALL) redis.call('set', 'c', '3')");
    expect(lines).toEqual(['all:MULTI', 'aof:set b 2', 'all:set c 3', 'all:EXEC']);
    expect(store.command(['MGET', 'a', 'b', 'c']).toString('latin1')).toBe('*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n');
  });

  it('propagates the lazy expiry a script causes inside its unit', () => {
    const store = createStore();
    store.command(['SET', 'k', 'v', 'PX', '10']);
    const lines = recordTargets(store);
    store.advance(20);
    eval_(store, "redis.call('get', 'k') redis.call('set', 'other', '1')");
    expect(lines).toEqual(['all:MULTI', 'all:DEL k', 'all:set other 1', 'all:EXEC']);
  });

  it('SELECT inside a script changes only the script\'s database, and propagates with it', () => {
    const store = createStore();
    const dbs: number[] = [];
    store.node.onPropagate((db) => dbs.push(db));
    eval_(store, "redis.call('select', 9) redis.call('set', 'x', 'in9')");
    expect(dbs).toEqual([9]);
    expect(store.command(['GET', 'x']).toString('latin1')).toBe('$-1\r\n');
    store.command(['SELECT', '9']);
    expect(store.command(['GET', 'x']).toString('latin1')).toBe('$3\r\nin9\r\n');
  });
});
