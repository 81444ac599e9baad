import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { RespMap, RespPush } from '../../../src/store/protocol/reply-decoder.js';

const text = (bytes: Buffer): string => bytes.toString('latin1');

describe('HELLO switches the protocol as Redis 7.0 does', () => {
  it('HELLO 3 answers a map with proto 3 and later replies are RESP3', () => {
    const store = createStore();
    const hello = store.call('HELLO', '3');
    expect(hello).toBeInstanceOf(RespMap);
    const map = hello as RespMap;
    expect(map.entries.map(([key]) => String(key))).toEqual(['server', 'version', 'proto', 'id', 'mode', 'role', 'modules']);
    expect(map.get('proto')).toBe(3);
    expect(map.get('id')).toBe(store.id);
    expect(map.get('mode')).toEqual(Buffer.from('standalone'));
    expect(map.get('modules')).toEqual([]);
    expect(text(store.command(['GET', 'missing']))).toBe('_\r\n');
    expect(text(store.command(['CLIENT', 'INFO']))).toMatch(/^=\d+\r\ntxt:id=\d+ .* resp=3\n\r\n$/s);
  });

  it('HELLO 2 answers a flat array and HELLO without a version keeps the protocol', () => {
    const store = createStore();
    expect(text(store.command(['HELLO', '2']))).toMatch(/^\*14\r\n\$6\r\nserver\r\n/);
    store.command(['HELLO', '3']);
    expect(text(store.command(['HELLO']))).toMatch(/^%7\r\n.*\$5\r\nproto\r\n:3\r\n/s);
    expect(text(store.command(['HELLO', '2', 'SETNAME', 'worker']))).toMatch(/^\*14\r\n/);
    expect(text(store.command(['CLIENT', 'GETNAME']))).toBe('$6\r\nworker\r\n');
  });

  it('refuses bad versions and options with Redis\'s errors, without switching', () => {
    const store = createStore();
    expect(text(store.command(['HELLO', '4']))).toBe('-NOPROTO unsupported protocol version\r\n');
    expect(text(store.command(['HELLO', '1']))).toBe('-NOPROTO unsupported protocol version\r\n');
    expect(text(store.command(['HELLO', 'x']))).toBe('-ERR Protocol version is not an integer or out of range\r\n');
    expect(text(store.command(['HELLO', '9007199254740993']))).toBe('-NOPROTO unsupported protocol version\r\n');
    expect(text(store.command(['HELLO', '9223372036854775808']))).toBe('-ERR Protocol version is not an integer or out of range\r\n');
    expect(text(store.command(['HELLO', '3.0']))).toBe('-ERR Protocol version is not an integer or out of range\r\n');
    expect(text(store.command(['HELLO', '3', 'NOSUCH']))).toBe("-ERR Syntax error in HELLO option 'NOSUCH'\r\n");
    expect(text(store.command(['HELLO', '3', 'SETNAME']))).toBe("-ERR Syntax error in HELLO option 'SETNAME'\r\n");
    expect(text(store.command(['HELLO', '3', 'AUTH', 'a']))).toBe("-ERR Syntax error in HELLO option 'AUTH'\r\n");
    expect(text(store.command(['GET', 'missing']))).toBe('$-1\r\n');
  });

  it('HELLO AUTH with a wrong password is WRONGPASS and a client that is not authenticated gets NOAUTH', () => {
    const store = createStore({ config: { requirepass: 'secret' } });
    expect(text(store.command(['HELLO', '3']))).toMatch(/^-NOAUTH HELLO must be called with the client already authenticated/);
    expect(text(store.command(['HELLO', '3', 'AUTH', 'default', 'wrong']))).toBe('-WRONGPASS invalid username-password pair or user is disabled.\r\n');
    expect(text(store.command(['HELLO', '3', 'AUTH', 'default', 'secret']))).toMatch(/^%7\r\n/);
    expect(text(store.command(['GET', 'missing']))).toBe('_\r\n');
  });

  it('RESET goes back to RESP2', () => {
    const store = createStore();
    store.command(['HELLO', '3']);
    expect(text(store.command(['RESET']))).toBe('+RESET\r\n');
    expect(text(store.command(['GET', 'missing']))).toBe('$-1\r\n');
    expect(text(store.command(['CLIENT', 'INFO']))).toMatch(/ resp=2\n\r\n$/);
  });
});

describe('pub/sub in RESP3', () => {
  it('messages and subscription confirmations are pushes, and a subscribed RESP3 client may run any command', () => {
    const store = createStore();
    const publisher = store.client();
    store.command(['HELLO', '3']);
    expect(text(store.command(['SUBSCRIBE', 'ch']))).toBe('>3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n');
    expect(text(store.command(['GET', 'missing']))).toBe('_\r\n');
    expect(text(store.command(['PING']))).toBe('+PONG\r\n');
    expect(publisher.call('PUBLISH', 'ch', 'hi')).toBe(1);
    expect(text(store.takeReplies())).toBe('>3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n');
    expect(store.call('UNSUBSCRIBE')).toEqual(new RespPush([Buffer.from('unsubscribe'), Buffer.from('ch'), 0]));
    expect(text(store.command(['UNSUBSCRIBE']))).toBe('>3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n');
  });

  it('subscription confirmations and messages get through CLIENT REPLY OFF (CLIENT_PUSHING), in RESP2 as in RESP3', () => {
    for (const protocol of ['2', '3']) {
      const store = createStore();
      const publisher = store.client();
      store.command(['HELLO', protocol]);
      store.command(['CLIENT', 'REPLY', 'OFF']);
      const header = protocol === '2' ? '*3' : '>3';
      expect(text(store.command(['SUBSCRIBE', 'ch']))).toBe(`${header}\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n`);
      expect(text(store.command(['PING']))).toBe('');
      publisher.call('PUBLISH', 'ch', 'hi');
      expect(text(store.takeReplies())).toBe(`${header}\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n`);
    }
  });

  it('a subscribed RESP2 client is still limited to the pub/sub commands', () => {
    const store = createStore();
    store.command(['SUBSCRIBE', 'ch']);
    expect(text(store.command(['GET', 'x']))).toMatch(/^-ERR Can't execute 'get'/);
    expect(text(store.command(['PING']))).toBe('*2\r\n$4\r\npong\r\n$0\r\n\r\n');
  });
});
