import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/embedded.js';
import { fastPathOf, type FastCommand } from '../../../src/store/embedded-fast-path.js';
import { plantBugs } from '../../../src/store/server/planted-bugs.js';

/** What keeps the fast path off for the store's first client, for `command`. */
function blockerOf(store: Store, command: FastCommand = 'set'): string | undefined {
  const client = store.node.clients.get(store.id);
  if (client === undefined) throw new Error('the first client is connected');
  return fastPathOf(store.node).blockerOf(client, command);
}

describe('embedded fast path blockers', () => {
  it('lets the fast path run on an idle store', () => {
    const store = createStore();
    expect(blockerOf(store)).toBeUndefined();
    store.command(['SET', 'k', 'v']);
    expect(blockerOf(store, 'get')).toBeUndefined();
  });

  it.each<[string, readonly (readonly string[])[], string]>([
    ['MULTI', [['MULTI']], 'client mode'],
    ['CLIENT REPLY OFF', [['CLIENT', 'REPLY', 'OFF']], 'client mode'],
    ['SUBSCRIBE', [['SUBSCRIBE', 'ch']], 'client buffers'],
    ['keyspace notifications', [['CONFIG', 'SET', 'notify-keyspace-events', 'KEA']], 'config'],
    ['maxmemory', [['CONFIG', 'SET', 'maxmemory', '100mb']], 'config'],
    ['AOF', [['CONFIG', 'SET', 'appendonly', 'yes']], 'persistence'],
    ['a TTL in the db', [['SET', 'k', 'v', 'PX', '100000']], 'expiry'],
    ['WATCH', [['WATCH', 'k']], 'watch'],
    ['REPLICAOF', [['REPLICAOF', '127.0.0.1', '1']], 'event loop'],
  ])('keeps the fast path off while %s is on', (_name, commands, blocker) => {
    const store = createStore();
    for (const argv of commands) store.command(argv);
    expect(blockerOf(store)).toBe(blocker);
  });

  it('keeps it off while another client is blocked, and lets it run once that client is served', () => {
    const store = createStore();
    const other = store.client();
    other.command(['BLPOP', 'jobs', '0']);
    expect(blockerOf(store)).toBe('blocked clients');
    store.command(['RPUSH', 'jobs', 'a']);
    expect(other.takeReplies().toString()).toBe('*2\r\n$4\r\njobs\r\n$1\r\na\r\n');
    expect(blockerOf(store)).toBeUndefined();
  });

  it('keeps GET off while a planted stale-read bug covers it, and leaves SET on', () => {
    const store = createStore();
    plantBugs(store.node, { staleReadsMs: 100 });
    expect(blockerOf(store, 'get')).toBe('planted bug');
    expect(blockerOf(store, 'set')).toBeUndefined();
  });

  it('lets it run again once MULTI, WATCH and TTLs are gone', () => {
    const store = createStore();
    store.command(['SET', 'k', 'v', 'PX', '100000']);
    store.command(['WATCH', 'k']);
    store.command(['MULTI']);
    expect(blockerOf(store)).toBe('client mode');
    store.command(['EXEC']);
    expect(blockerOf(store)).toBe('expiry');
    store.command(['PERSIST', 'k']);
    expect(blockerOf(store)).toBeUndefined();
  });
});
