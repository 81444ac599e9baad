import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/embedded.js';
import { existingClientPause } from '../../../src/store/server/client-pause.js';

function infoField(store: Store, section: string, field: string): string | undefined {
  const text = String(store.call('INFO', section));
  return new RegExp(`^${field}:(.*)\\r$`, 'm').exec(text)?.[1];
}

function blockedClients(store: Store): number {
  return Number(infoField(store, 'clients', 'blocked_clients'));
}

describe('CLIENT PAUSE / UNPAUSE', () => {
  it('a node that never paused has no pause state (pausing costs nothing until used)', () => {
    const store = createStore();
    store.call('SET', 'a', '1');
    store.call('GET', 'a');
    expect(existingClientPause(store.node)).toBeUndefined();
    expect(store.call('CLIENT', 'UNPAUSE')).toBe('OK');
    expect(existingClientPause(store.node)).toBeUndefined();
  });

  it('WRITE lets reads through and postpones writes until UNPAUSE, then serves them in arrival order', () => {
    const store = createStore();
    store.call('SET', 'k', 'old');
    expect(store.call('CLIENT', 'PAUSE', '100000', 'WRITE')).toBe('OK');
    const first = store.client();
    const second = store.client();
    expect(first.call('GET', 'k')).toEqual(Buffer.from('old'));
    expect(first.command(['SET', 'k', 'first']).length).toBe(0);
    expect(second.command(['APPEND', 'k', '+second']).length).toBe(0);
    expect(blockedClients(store)).toBe(2);
    expect(store.call('GET', 'k')).toEqual(Buffer.from('old'));
    expect(store.call('CLIENT', 'UNPAUSE')).toBe('OK');
    store.advance(1);
    expect(first.takeReplies().toString('latin1')).toBe('+OK\r\n');
    expect(second.takeReplies().toString('latin1')).toBe(':12\r\n');
    expect(store.call('GET', 'k')).toEqual(Buffer.from('first+second'));
    expect(blockedClients(store)).toBe(0);
  });

  it('a postponed client holds its pipelined commands behind the postponed one', () => {
    const store = createStore();
    store.call('CLIENT', 'PAUSE', '100000', 'WRITE');
    const client = store.client();
    expect(client.sendRaw('SET a 1\r\nGET a\r\nPING\r\n').length).toBe(0);
    store.call('CLIENT', 'UNPAUSE');
    store.advance(1);
    expect(client.takeReplies().toString('latin1')).toBe('+OK\r\n$1\r\n1\r\n+PONG\r\n');
  });

  it('ALL postpones reads too, and the pause ends by itself at its timeout', () => {
    const store = createStore();
    store.call('SET', 'k', 'v');
    store.call('CLIENT', 'PAUSE', '500', 'ALL');
    const reader = store.client();
    expect(reader.command(['GET', 'k']).length).toBe(0);
    store.advance(400);
    expect(reader.takeReplies().length).toBe(0);
    store.advance(300);
    expect(reader.takeReplies().toString('latin1')).toBe('$1\r\nv\r\n');
  });

  it('WRITE holds may-replicate commands (PUBLISH, PFCOUNT, EVAL without no-writes, EXEC of a write) but not read-only ones', () => {
    const store = createStore();
    store.call('PFADD', 'hll', 'a');
    const transaction = store.client();
    transaction.command(['MULTI']);
    transaction.command(['INCR', 'x']);
    store.call('CLIENT', 'PAUSE', '100000', 'WRITE');
    const held = ['PUBLISH ch m', 'PFCOUNT hll', 'EVAL "return 1" 0', 'EVAL "#!lua\nreturn 1" 0'];
    const heldClients = held.map((line) => {
      const client = store.client();
      const argv = line.startsWith('EVAL') ? ['EVAL', line.slice(6, line.lastIndexOf('"')), '0'] : line.split(' ');
      expect({ line, bytes: client.command(argv).length }).toEqual({ line, bytes: 0 });
      return client;
    });
    expect(store.call('EVAL', '#!lua flags=no-writes\nreturn 2', '0')).toBe(2);
    expect(store.call('EVAL_RO', 'return 3', '0')).toBe(3);
    store.command(['MULTI']);
    store.command(['GET', 'x']);
    expect(store.call('EXEC')).toEqual([null]);
    expect(transaction.command(['EXEC']).length).toBe(0);
    expect(blockedClients(store)).toBe(held.length + 1);
    store.call('CLIENT', 'UNPAUSE');
    store.advance(1);
    expect(heldClients.map((client) => client.takeReplies().toString('latin1'))).toEqual([':0\r\n', ':1\r\n', ':1\r\n', ':1\r\n']);
    expect(transaction.takeReplies().toString('latin1')).toBe('*1\r\n:1\r\n');
  });

  it('answers commands with errors at once (arity is checked before the pause)', () => {
    const store = createStore();
    store.call('CLIENT', 'PAUSE', '100000', 'WRITE');
    const client = store.client();
    expect(client.command(['SET', 'only-key']).toString('latin1')).toBe("-ERR wrong number of arguments for 'set' command\r\n");
  });

  it('keeps expired keys (hidden from reads) while paused: neither lazy nor active expiry deletes them', () => {
    const store = createStore();
    store.command(['MULTI']);
    store.command(['SET', 'a', '1', 'PX', '10']);
    store.command(['SET', 'b', '1', 'PX', '10']);
    store.command(['CLIENT', 'PAUSE', '50000', 'WRITE']);
    store.call('EXEC');
    store.advance(1000);
    expect(store.call('GET', 'a')).toBeNull();
    expect(store.call('GET', 'b')).toBeNull();
    expect(infoField(store, 'stats', 'expired_keys')).toBe('0');
    expect(store.call('DBSIZE')).toBe(2);
    store.call('CLIENT', 'UNPAUSE');
    store.call('GET', 'a');
    store.call('GET', 'b');
    expect(infoField(store, 'stats', 'expired_keys')).toBe('2');
  });

  it('a pause given inside MULTI starts after the transaction: its later writes still run', () => {
    const store = createStore();
    store.command(['MULTI']);
    store.command(['SET', 'one', '1']);
    store.command(['CLIENT', 'PAUSE', '60000', 'WRITE']);
    store.command(['SET', 'two', '2']);
    expect(store.call('EXEC')).toEqual(['OK', 'OK', 'OK']);
    const writer = store.client();
    expect(writer.command(['SET', 'three', '3']).length).toBe(0);
    expect(store.call('MGET', 'one', 'two', 'three')).toEqual([Buffer.from('1'), Buffer.from('2'), null]);
    store.call('CLIENT', 'UNPAUSE');
    store.advance(1);
    expect(writer.takeReplies().toString('latin1')).toBe('+OK\r\n');
  });

  it('a client that disconnects while postponed is forgotten', () => {
    const store = createStore();
    store.call('CLIENT', 'PAUSE', '100000', 'WRITE');
    const writer = store.client();
    writer.command(['SET', 'k', 'v']);
    writer.close();
    expect(blockedClients(store)).toBe(0);
    store.call('CLIENT', 'UNPAUSE');
    store.advance(1);
    expect(store.call('EXISTS', 'k')).toBe(0);
  });

  it('a second pause of the same purpose keeps the stricter type and the later end; ALL holds even CLIENT UNPAUSE', () => {
    const store = createStore();
    store.call('CLIENT', 'PAUSE', '100000', 'WRITE');
    store.call('CLIENT', 'PAUSE', '10', 'ALL');
    const reader = store.client();
    expect(reader.command(['PING']).length).toBe(0);
    const unpauser = store.client();
    expect(unpauser.command(['CLIENT', 'UNPAUSE']).length).toBe(0);
    store.advance(99_000);
    expect(reader.takeReplies().length).toBe(0);
    store.advance(1_200);
    expect(reader.takeReplies().toString('latin1')).toBe('+PONG\r\n');
    expect(unpauser.takeReplies().toString('latin1')).toBe('+OK\r\n');
  });

  it('while a WRITE pause holds, a MULTI client postpones its write instead of queueing it', () => {
    const store = createStore();
    const client = store.client();
    client.command(['MULTI']);
    store.call('CLIENT', 'PAUSE', '100000', 'WRITE');
    expect(client.command(['INCR', 'x']).length).toBe(0);
    store.call('CLIENT', 'UNPAUSE');
    store.advance(1);
    expect(client.takeReplies().toString('latin1')).toBe('+QUEUED\r\n');
    expect(client.call('EXEC')).toEqual([1]);
  });
  it('WRITE holds FCALL of a writing function but not of a no-writes one', () => {
    const store = createStore();
    const library = "#!lua name=lib\nredis.register_function{function_name='ro', callback=function() return 'ro' end, flags={'no-writes'}}\nredis.register_function('rw', function() return redis.call('INCR', 'n') end)";
    expect(store.call('FUNCTION', 'LOAD', library)).toEqual(Buffer.from('lib'));
    store.call('CLIENT', 'PAUSE', '100000', 'WRITE');
    expect(store.call('FCALL', 'ro', '0')).toEqual(Buffer.from('ro'));
    const writer = store.client();
    expect(writer.command(['FCALL', 'rw', '0']).length).toBe(0);
    store.call('CLIENT', 'UNPAUSE');
    store.advance(1);
    expect(writer.takeReplies().toString('latin1')).toBe(':1\r\n');
  });

  it('WRITE holds FCALL of an unknown function (FCALL may replicate) but answers FCALL_RO at once, as redis-server 7.0.15', () => {
    const store = createStore();
    store.call('CLIENT', 'PAUSE', '100000', 'WRITE');
    expect(store.command(['FCALL_RO', 'nosuch', '0']).toString('latin1')).toBe('-ERR Function not found\r\n');
    const writer = store.client();
    expect(writer.command(['FCALL', 'nosuch', '0']).length).toBe(0);
    store.call('CLIENT', 'UNPAUSE');
    store.advance(1);
    expect(writer.takeReplies().toString('latin1')).toBe('-ERR Function not found\r\n');
  });
});
