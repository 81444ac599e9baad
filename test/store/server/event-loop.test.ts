import { describe, expect, it } from 'vitest';
import { EnvError } from '../../../src/core/errors.js';
import { createManualEnv } from '../../../src/env/manual/manual-env.js';
import type { Connection, ConnectionHandlers, Network } from '../../../src/env/network.js';
import { encodeRequest } from '../../../src/store/protocol/request-encoder.js';
import { StoreNode } from '../../../src/store/server/node.js';
import { rawReply, testStore } from './support/store-helpers.js';

/** A network with one listener whose connections the test drives by hand. */
function fakeNetwork(): { network: Network; open: () => { handlers: ConnectionHandlers; written: Buffer[]; closed: () => boolean } } {
  let accept: ((connection: Connection) => ConnectionHandlers) | undefined;
  let nextId = 1;
  const network: Network = {
    listen: (port, onAccept) => {
      accept = onAccept;
      return { port, close: () => undefined };
    },
    connect: () => {
      throw new EnvError('ECONNREFUSED', 'not in this test');
    },
  };
  const open = () => {
    const written: Buffer[] = [];
    let closed = false;
    const connection: Connection = {
      connectionId: nextId++,
      localAddress: 'n1:6379',
      remoteAddress: `c1:${40000 + nextId}`,
      write: (data) => written.push(Buffer.from(data)),
      close: () => {
        closed = true;
      },
      pendingBytes: () => 0,
    };
    if (accept === undefined) throw new Error('nobody listens');
    return { handlers: accept(connection), written, closed: () => closed };
  };
  return { network, open };
}

describe('event loop', () => {
  it('serves RESP over an env network connection, however the bytes arrive', () => {
    const env = createManualEnv({ seed: 1 });
    const { network, open } = fakeNetwork();
    const node = new StoreNode({ env: { ...env, net: network } });
    expect(node.start()).toBeUndefined();
    const connection = open();
    const request = Buffer.concat([encodeRequest(['ECHO', 'hello']), encodeRequest(['PING'])]);
    for (const byte of request) connection.handlers.onData(Buffer.from([byte]));
    env.timers.runPending();
    expect(Buffer.concat(connection.written).toString()).toBe('$5\r\nhello\r\n+PONG\r\n');
    connection.handlers.onData(Buffer.from('QUIT\r\n'));
    env.timers.runPending();
    expect(connection.closed()).toBe(true);
    expect(node.clients.size).toBe(0);
  });

  it('runs the before-sleep hooks before any reply of the batch is written', () => {
    const store = testStore();
    const observed: string[] = [];
    const client = store.client();
    store.node.addBeforeSleepHook(() => {
      observed.push(`hook: ${store.node.propagator.propagatedCount} propagated, ${client.takeReplies().length} reply bytes sent`);
    });
    expect(rawReply(client, 'xset a 1\r\nxset b 2\r\n')).toBe('+OK\r\n+OK\r\n');
    expect(observed).toEqual(['hook: 2 propagated, 0 reply bytes sent']);
  });

  it('times blocked clients out when the wall clock jumps past their deadline', () => {
    const store = testStore();
    const waiter = store.client();
    waiter.command(['xbpop', 'q', '60000']);
    store.env.clock.skewBy(120_000);
    store.advance(100);
    expect(waiter.takeReplies().toString()).toBe('*-1\r\n');
  });

  it('closes idle clients after `timeout` seconds but not subscribers', () => {
    const store = testStore({ config: { timeout: 10 } });
    const idle = store.client();
    const subscriber = store.client();
    idle.call('PING');
    subscriber.call('SUBSCRIBE', 'x');
    store.advance(12_000);
    expect(idle.isClosed()).toBe(true);
    expect(subscriber.isClosed()).toBe(false);
  });

  it('refuses clients beyond maxclients', () => {
    const store = testStore({ config: { maxclients: 2 } });
    store.client();
    const third = store.client();
    expect(third.isClosed()).toBe(true);
    expect(store.node.stats.rejectedConnections).toBe(1);
  });
});
