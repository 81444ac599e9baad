import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { rawReply } from '../server/support/store-helpers.js';

/** Expected replies were captured from a real redis-server 7.0.15. */
describe('connection commands', () => {
  it('replies HELLO 2 as a flat array and HELLO 3 as a map', () => {
    const store = createStore();
    expect(rawReply(store, 'HELLO 2\r\n')).toBe(
      `*14\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:2\r\n$2\r\nid\r\n:${store.id}\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n`,
    );
    expect(rawReply(store, 'hello 3\r\n')).toMatch(/^%7\r\n\$6\r\nserver\r\n.*\$5\r\nproto\r\n:3\r\n/s);
    expect(rawReply(store, 'hello 4\r\n')).toBe('-NOPROTO unsupported protocol version\r\n');
    expect(rawReply(store, 'hello 2 foo\r\n')).toBe("-ERR Syntax error in HELLO option 'foo'\r\n");
    expect(rawReply(store, 'hello x\r\n')).toBe('-ERR Protocol version is not an integer or out of range\r\n');
  });

  it('authenticates through HELLO AUTH and sets the name', () => {
    const store = createStore({ config: { requirepass: 'pw' } });
    expect(rawReply(store, 'HELLO 2\r\n')).toContain('-NOAUTH HELLO must be called with the client already authenticated');
    expect(store.call('HELLO', '2', 'AUTH', 'default', 'pw', 'SETNAME', 'me')).toHaveLength(14);
    expect(store.call('CLIENT', 'GETNAME')).toEqual(Buffer.from('me'));
  });

  it('replies the 7.0 AUTH errors', () => {
    const store = createStore();
    expect(rawReply(store, 'AUTH x\r\n')).toBe(
      '-ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?\r\n',
    );
    expect(rawReply(store, 'AUTH a b c\r\n')).toBe('-ERR syntax error\r\n');
    expect(rawReply(store, 'AUTH default x\r\n')).toBe('+OK\r\n');
  });

  it('selects databases within range', () => {
    const store = createStore();
    expect(rawReply(store, 'SELECT 1x\r\nSELECT 16\r\nSELECT -1\r\nSELECT 15\r\nPING a b\r\n')).toBe(
      "-ERR value is not an integer or out of range\r\n-ERR DB index is out of range\r\n-ERR DB index is out of range\r\n+OK\r\n-ERR wrong number of arguments for 'ping' command\r\n",
    );
  });

  it('names clients, reports ids, and kills by address or id', () => {
    const store = createStore();
    expect(rawReply(store, 'CLIENT SETNAME "a b"\r\nCLIENT GETNAME\r\nCLIENT SETNAME abc\r\nCLIENT GETNAME\r\n')).toBe(
      '-ERR Client names cannot contain spaces, newlines or special characters.\r\n$-1\r\n+OK\r\n$3\r\nabc\r\n',
    );
    expect(store.call('CLIENT', 'ID')).toBe(store.id);
    expect(rawReply(store, 'CLIENT KILL 1.2.3.4:5\r\nCLIENT KILL ID 0\r\nCLIENT KILL ID 99999\r\nCLIENT NO-EVICT x\r\n')).toBe(
      '-ERR No such client\r\n-ERR client-id should be greater than 0\r\n:0\r\n-ERR syntax error\r\n',
    );
    const victim = store.client();
    expect(store.call('CLIENT', 'KILL', 'ID', String(victim.id))).toBe(1);
    expect(victim.isClosed()).toBe(true);
  });

  it('lists clients in the 7.0.15 CLIENT LIST format', () => {
    const store = createStore();
    const idle = store.client();
    idle.call('SELECT', '2');
    idle.call('SUBSCRIBE', 'ch');
    const line = (store.call('CLIENT', 'LIST') as Buffer).toString('latin1');
    const lines = line.split('\n');
    expect(lines[2]).toBe('');
    expect(lines[0]).toBe(
      `id=${store.id} addr=127.0.0.1:50000 laddr=127.0.0.1:6379 fd=7 name= age=0 idle=0 flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=26 qbuf-free=20448 argv-mem=10 multi-mem=0 rbs=16384 rbp=16384 obl=0 oll=0 omem=0 tot-mem=37658 events=r cmd=client|list user=default redir=-1 resp=2`,
    );
    expect(lines[1]).toBe(
      `id=${idle.id} addr=127.0.0.1:50001 laddr=127.0.0.1:6379 fd=8 name= age=0 idle=0 flags=P db=2 sub=1 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=20474 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=0 omem=0 tot-mem=22328 events=r cmd=subscribe user=default redir=-1 resp=2`,
    );
    expect(rawReply(store, 'CLIENT LIST TYPE foo\r\nCLIENT LIST ID x\r\n')).toBe("-ERR Unknown client type 'foo'\r\n-ERR Invalid client ID\r\n");
    expect((store.call('CLIENT', 'LIST', 'TYPE', 'pubsub') as Buffer).toString()).toContain(`id=${idle.id} `);
  });

  it('RESET returns the connection to its initial state', () => {
    const store = createStore();
    store.call('SELECT', '3');
    store.call('CLIENT', 'SETNAME', 'x');
    store.call('MULTI');
    expect(rawReply(store, 'RESET\r\n')).toBe('+RESET\r\n');
    expect(store.call('CLIENT', 'GETNAME')).toBeNull();
    expect((store.call('CLIENT', 'INFO') as Buffer).toString()).toContain(' db=0 ');
  });

  it('reports idle time and age from the virtual clock', () => {
    const store = createStore();
    const other = store.client();
    other.call('PING');
    store.advance(5000);
    const line = (store.call('CLIENT', 'LIST', 'ID', String(other.id)) as Buffer).toString();
    expect(line).toContain(' age=5 idle=5 ');
  });
});
