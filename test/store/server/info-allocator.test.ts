import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';

function infoField(info: string, name: string): string | undefined {
  return info.split('\r\n').find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1);
}

describe('INFO memory allocator', () => {
  it('names jemalloc, whose size classes MEMORY USAGE models, so a 33000-byte string costs under 42000 bytes as the suite checks', () => {
    const store = createStore();
    const info = (store.call('INFO', 'memory') as Buffer).toString('latin1');
    expect(infoField(info, 'mem_allocator')).toBe('jemalloc-5.3.0');
    store.call('SET', 'key', 'A'.repeat(100_000));
    store.call('SET', 'key', 'A'.repeat(33_000));
    const usage = store.call('MEMORY', 'USAGE', 'key') as number;
    expect(usage).toBeGreaterThan(33_000);
    expect(usage).toBeLessThan(42_000);
  });
});
