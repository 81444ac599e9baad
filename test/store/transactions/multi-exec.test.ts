import { describe, expect, it } from 'vitest';
import { rawReply, recordPropagation, testStore } from '../server/support/store-helpers.js';

/** Error texts and reply shapes below were captured from a real redis-server 7.0.15. */
describe('MULTI/EXEC', () => {
  it('queues commands and replies their results as one array', () => {
    const store = testStore();
    expect(rawReply(store, 'MULTI\r\nxset a 1\r\nxget a\r\nEXEC\r\n')).toBe('+OK\r\n+QUEUED\r\n+QUEUED\r\n*2\r\n+OK\r\n$1\r\n1\r\n');
  });

  it('reports misuse with the Redis error texts', () => {
    const store = testStore();
    expect(rawReply(store, 'MULTI\r\nMULTI\r\nFOO\r\nxset a\r\nEXEC\r\nEXEC\r\nDISCARD\r\nMULTI\r\nWATCH a\r\nxset a 1\r\nEXEC\r\n')).toBe(
      '+OK\r\n-ERR MULTI calls can not be nested\r\n' +
        "-ERR unknown command 'FOO', with args beginning with: \r\n" +
        "-ERR wrong number of arguments for 'xset' command\r\n" +
        '-EXECABORT Transaction discarded because of previous errors.\r\n' +
        '-ERR EXEC without MULTI\r\n-ERR DISCARD without MULTI\r\n' +
        '+OK\r\n-ERR WATCH inside MULTI is not allowed\r\n+QUEUED\r\n*1\r\n+OK\r\n',
    );
  });

  it('does not roll back when a command fails at run time', () => {
    const store = testStore();
    store.call('xpush', 'list', 'a');
    expect(rawReply(store, 'MULTI\r\nxset k v\r\nxget list\r\nEXEC\r\n')).toBe(
      '+OK\r\n+QUEUED\r\n+QUEUED\r\n*2\r\n+OK\r\n-WRONGTYPE Operation against a key holding the wrong kind of value\r\n',
    );
    expect(store.call('xget', 'k')).toEqual(Buffer.from('v'));
  });

  it('discards the queue on DISCARD', () => {
    const store = testStore();
    expect(rawReply(store, 'MULTI\r\nxset k v\r\nDISCARD\r\nxget k\r\n')).toBe('+OK\r\n+QUEUED\r\n+OK\r\n$-1\r\n');
  });

  it('refuses no_multi commands while queueing and aborts the transaction', () => {
    const store = testStore();
    expect(rawReply(store, 'MULTI\r\nxnomulti\r\nEXEC\r\n')).toBe(
      '+OK\r\n-ERR Command not allowed inside a transaction\r\n-EXECABORT Transaction discarded because of previous errors.\r\n',
    );
  });

  it('subscribes inside EXEC like Redis does', () => {
    const store = testStore();
    expect(rawReply(store, 'MULTI\r\nSUBSCRIBE x\r\nEXEC\r\n')).toBe('+OK\r\n+QUEUED\r\n*1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\nx\r\n:1\r\n');
  });

  it('propagates a transaction of several writes wrapped in MULTI/EXEC, and a single write bare', () => {
    const store = testStore();
    const propagated = recordPropagation(store);
    rawReply(store, 'MULTI\r\nxset a 1\r\nEXEC\r\nMULTI\r\nxset b 1\r\nxget a\r\nxset c 2\r\nEXEC\r\n');
    expect(propagated).toEqual(['0:xset a 1', '0:MULTI', '0:xset b 1', '0:xset c 2', '0:EXEC']);
  });

  it('runs blocking commands inside EXEC without blocking', () => {
    const store = testStore();
    expect(rawReply(store, 'MULTI\r\nxbpop empty 0\r\nEXEC\r\n')).toBe('+OK\r\n+QUEUED\r\n*1\r\n*-1\r\n');
  });
});

describe('WATCH', () => {
  it('aborts EXEC with a null array when another client wrote a watched key', () => {
    const store = testStore();
    const other = store.client();
    store.call('WATCH', 'k');
    other.call('xset', 'k', 'changed');
    expect(rawReply(store, 'MULTI\r\nxset k mine\r\nEXEC\r\n')).toBe('+OK\r\n+QUEUED\r\n*-1\r\n');
    expect(store.call('xget', 'k')).toEqual(Buffer.from('changed'));
  });

  it('lets EXEC run when the watched keys were not touched, and UNWATCH forgets them', () => {
    const store = testStore();
    const other = store.client();
    store.call('WATCH', 'k');
    other.call('xset', 'unrelated', '1');
    expect(rawReply(store, 'MULTI\r\nxset k mine\r\nEXEC\r\n')).toBe('+OK\r\n+QUEUED\r\n*1\r\n+OK\r\n');
    store.call('WATCH', 'k');
    store.call('UNWATCH');
    other.call('xset', 'k', 'again');
    expect(rawReply(store, 'MULTI\r\nxget k\r\nEXEC\r\n')).toBe('+OK\r\n+QUEUED\r\n*1\r\n$5\r\nagain\r\n');
  });

  it('aborts EXEC when a watched key expired in between (isWatchedKeyExpired)', () => {
    const store = testStore();
    store.call('xset', 'k', 'v', 'PX', '100');
    store.call('WATCH', 'k');
    store.advance(200);
    expect(rawReply(store, 'MULTI\r\nxget k\r\nEXEC\r\n')).toBe('+OK\r\n+QUEUED\r\n*-1\r\n');
  });

  it('is broken by the lazy expiry deletion of a watched key', () => {
    const store = testStore({ config: { 'enable-debug-command': 'yes' } });
    store.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    store.call('xset', 'k', 'v', 'PX', '100');
    store.call('WATCH', 'k');
    store.advance(200);
    expect(store.client().call('xget', 'k')).toBeNull();
    expect(store.node.database(0).size()).toBe(0);
    expect(rawReply(store, 'MULTI\r\nxget k\r\nEXEC\r\n')).toBe('+OK\r\n+QUEUED\r\n*-1\r\n');
  });

  it('ignores keys that were already expired when watched, until they come back', () => {
    const store = testStore({ config: { 'enable-debug-command': 'yes' } });
    store.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    store.call('xset', 'k', 'v', 'PX', '100');
    store.advance(200);
    store.call('WATCH', 'k');
    store.client().call('xget', 'k');
    expect(rawReply(store, 'MULTI\r\nxget k\r\nEXEC\r\n')).toBe('+OK\r\n+QUEUED\r\n*1\r\n$-1\r\n');
  });

  it('is broken by FLUSHDB and FLUSHALL when the watched key existed', () => {
    for (const flush of ['FLUSHDB', 'FLUSHALL']) {
      const store = testStore();
      store.call('xset', 'k', 'v');
      store.call('WATCH', 'k');
      store.client().call(flush);
      expect(rawReply(store, 'MULTI\r\nxget k\r\nEXEC\r\n')).toBe('+OK\r\n+QUEUED\r\n*-1\r\n');
    }
  });

  it('is broken by SWAPDB when either db holds the key', () => {
    const store = testStore();
    const other = store.client();
    other.call('SELECT', '1');
    other.call('xset', 'k', 'v');
    store.call('WATCH', 'k');
    other.call('SWAPDB', '0', '1');
    expect(rawReply(store, 'MULTI\r\nxget k\r\nEXEC\r\n')).toBe('+OK\r\n+QUEUED\r\n*-1\r\n');
  });
});
