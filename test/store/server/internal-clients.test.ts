import { describe, expect, it } from 'vitest';
import type { ClientTransport } from '../../../src/store/server/client.js';
import { recordPropagation, testStore } from './support/store-helpers.js';

function sink(): ClientTransport & { written: Buffer[] } {
  const written: Buffer[] = [];
  return { localAddress: 'n1:6379', remoteAddress: 'n0:6379', written, write: (data) => written.push(Buffer.from(data)), close: () => undefined, pendingBytes: () => 0 };
}

describe('internal clients', () => {
  it('applies the master link stream without replies, keeping expired keys, and propagates it', () => {
    const store = testStore({ config: { 'enable-debug-command': 'yes' } });
    store.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    store.call('xset', 'k', 'v', 'PX', '10');
    store.node.replicaOf = { host: 'm', port: 6379 };
    const propagated = recordPropagation(store);
    const transport = sink();
    const master = store.node.createClient(transport, { kind: 'master' });
    store.advance(50);
    store.node.executeCommand(master, ['xget', 'k']);
    store.node.executeCommand(master, ['xset', 'other', '1']);
    store.env.timers.runPending();
    expect(transport.written).toEqual([]);
    expect(store.node.database(0).size()).toBe(2);
    expect(propagated).toEqual(['0:xset other 1']);
    expect(store.call('xget', 'k')).toBeNull();
  });

  it('loads commands through the AOF loader without propagating or listing it', () => {
    const store = testStore();
    const propagated = recordPropagation(store);
    const loader = store.node.createClient(sink(), { kind: 'loader' });
    store.node.executeCommand(loader, ['SELECT', '3']);
    store.node.executeCommand(loader, ['xset', 'k', 'v']);
    store.env.timers.runPending();
    expect(propagated).toEqual([]);
    expect(store.node.database(3).size()).toBe(1);
    expect((store.call('CLIENT', 'LIST') as Buffer).toString().split('\n').filter((line) => line.length > 0)).toHaveLength(1);
  });

  it('refuses writes from normal clients on a read-only replica', () => {
    const store = testStore();
    store.node.replicaOf = { host: 'm', port: 6379 };
    expect(store.command(['xset', 'k', 'v']).toString()).toBe("-READONLY You can't write against a read only replica.\r\n");
    expect(store.call('CONFIG', 'SET', 'replica-read-only', 'no')).toBe('OK');
    expect(store.call('xset', 'k', 'v')).toBe('OK');
  });
});
