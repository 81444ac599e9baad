import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { ExecutionContext } from '../../../src/store/server/execution-context.js';

describe('ExecutionContext.client', () => {
  it('describes the client as it was when the command began, even if asked only after the client changed', () => {
    const store = createStore();
    const client = Array.from(store.node.clients.values())[0];
    expect(client).toBeDefined();
    if (client === undefined) return;
    const spec = store.node.commandTable.get('multi');
    expect(spec).toBeDefined();
    if (spec === undefined) return;
    const before = client.info();
    const ctx = new ExecutionContext(store.node, client, spec, [Buffer.from('MULTI')], true);
    client.multi = [];
    client.kind = 'master';
    expect(ctx.client).toEqual(before);
    expect(ctx.client).toBe(ctx.client);
    const later = new ExecutionContext(store.node, client, spec, [Buffer.from('MULTI')], true);
    expect(later.client).toEqual({ clientId: client.id, inMulti: true, isMasterOrLoader: true, isScript: false });
  });
});
