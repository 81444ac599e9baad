import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { persistenceOf } from '../../../src/store/persistence/persistence.js';

describe('save points', () => {
  it('parses the save setting once and follows every CONFIG SET save', () => {
    const store = createStore();
    const persistence = persistenceOf(store.node);
    expect(persistence).toBeDefined();
    if (persistence === undefined) return;
    const defaults = persistence.savePoints();
    expect(defaults).toEqual([[3600, 1], [300, 100], [60, 10000]]);
    // Cached: the write path reads it on every write.
    expect(persistence.savePoints()).toBe(defaults);
    expect(store.call('CONFIG', 'SET', 'save', '100 5')).toBe('OK');
    expect(persistence.savePoints()).toEqual([[100, 5]]);
    expect(store.call('CONFIG', 'SET', 'save', '')).toBe('OK');
    expect(persistence.savePoints()).toEqual([]);
    // A node configured without save points keeps none.
    expect(persistenceOf(createStore({ config: { save: '' } }).node)?.savePoints()).toEqual([]);
  });

  it('refuses writes with MISCONF after a failed BGSAVE only while save points exist', () => {
    const store = createStore();
    const persistence = persistenceOf(store.node);
    if (persistence === undefined) throw new Error('every node has persistence');
    persistence.rdb.lastBgsaveStatus = 'err';
    expect(store.command(['SET', 'k', 'v']).toString()).toMatch(/^-MISCONF /);
    expect(store.call('CONFIG', 'SET', 'save', '')).toBe('OK');
    expect(store.command(['SET', 'k', 'v']).toString()).toBe('+OK\r\n');
    expect(store.call('CONFIG', 'SET', 'save', '10 1')).toBe('OK');
    expect(store.command(['INCR', 'n']).toString()).toMatch(/^-MISCONF /);
  });
});
