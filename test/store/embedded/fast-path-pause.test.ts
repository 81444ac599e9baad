import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/embedded.js';
import { fastPathOf } from '../../../src/store/embedded-fast-path.js';

function blockerOf(store: Store): string | undefined {
  const client = store.node.clients.get(store.id);
  if (client === undefined) throw new Error('the first client is connected');
  return fastPathOf(store.node).blockerOf(client, 'set');
}

describe('embedded fast path under CLIENT PAUSE', () => {
  it('is off while clients are paused (a write must be postponed, not served) and back on after UNPAUSE', () => {
    const store = createStore();
    expect(blockerOf(store)).toBeUndefined();
    store.command(['CLIENT', 'PAUSE', '100000', 'WRITE']);
    store.advance(1);
    expect(blockerOf(store)).toBe('clients paused');
    const writer = store.client();
    expect(writer.command(['SET', 'k', 'v']).length).toBe(0);
    expect(store.call('EXISTS', 'k')).toBe(0);
    store.command(['CLIENT', 'UNPAUSE']);
    store.advance(1);
    expect(writer.takeReplies().toString('latin1')).toBe('+OK\r\n');
    expect(blockerOf(store)).toBeUndefined();
  });

  it('is back on once a pause ends by its timeout', () => {
    const store = createStore();
    store.command(['CLIENT', 'PAUSE', '50', 'WRITE']);
    store.advance(1);
    expect(blockerOf(store)).toBe('clients paused');
    store.advance(100);
    expect(blockerOf(store)).toBeUndefined();
    expect(store.call('SET', 'k', 'v')).toBe('OK');
  });
});
