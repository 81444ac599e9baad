import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { outputBufferLimits } from '../../../src/store/server/config-special.js';

describe('parsed config values', () => {
  it('follow CONFIG SET: integers, encoding thresholds and output buffer limits', () => {
    const store = createStore();
    const encoding = store.node.config.encoding;
    expect(store.node.config.integer('hz')).toBe(10);
    expect(encoding.hashMaxListpackEntries).toBe(512);
    expect(store.call('CONFIG', 'SET', 'hz', '25', 'hash-max-ziplist-entries', '3')).toBe('OK');
    expect(store.node.config.integer('hz')).toBe(25);
    expect(encoding.hashMaxListpackEntries).toBe(3);
    store.call('HSET', 'h', 'a', '1', 'b', '2', 'c', '3', 'd', '4');
    expect(store.call('OBJECT', 'ENCODING', 'h')).toEqual(Buffer.from('hashtable'));
  });

  it('parses the same output buffer limit text to the same limits, and new text anew', () => {
    const store = createStore();
    const before = outputBufferLimits(store.node.config.get('client-output-buffer-limit'));
    expect(before.pubsub).toEqual({ hardBytes: 33554432, softBytes: 8388608, softSeconds: 60 });
    expect(store.call('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1mb 0 0')).toBe('OK');
    const after = outputBufferLimits(store.node.config.get('client-output-buffer-limit'));
    expect(after.pubsub).toEqual({ hardBytes: 1048576, softBytes: 0, softSeconds: 0 });
    expect(after.normal).toEqual(before.normal);
  });
});
