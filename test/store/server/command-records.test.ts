import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';

function commandStatsLine(info: string, name: string): string | undefined {
  return info.split('\r\n').find((line) => line.startsWith(`cmdstat_${name}:`));
}

function infoOf(store: ReturnType<typeof createStore>): string {
  const reply = store.call('INFO', 'commandstats');
  expect(Buffer.isBuffer(reply) || typeof reply === 'string').toBe(true);
  return String(reply);
}

describe('per-command records kept by the traits', () => {
  it('count every call after CONFIG RESETSTAT replaced the stats, and the RESETSTAT call itself', () => {
    const store = createStore();
    store.sendRaw('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n');
    store.sendRaw('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n');
    expect(commandStatsLine(infoOf(store), 'set')).toMatch(/calls=2,/);
    store.sendRaw('*2\r\n$6\r\nCONFIG\r\n$9\r\nRESETSTAT\r\n');
    const afterReset = infoOf(store);
    expect(commandStatsLine(afterReset, 'set')).toBeUndefined();
    expect(commandStatsLine(afterReset, 'config|resetstat')).toMatch(/calls=1,/);
    store.sendRaw('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n');
    expect(commandStatsLine(infoOf(store), 'set')).toMatch(/calls=1,/);
  });

  it('keep the counters of two nodes that run the same specs apart', () => {
    const first = createStore();
    const second = createStore();
    for (let round = 0; round < 3; round++) {
      first.sendRaw('*2\r\n$3\r\nGET\r\n$1\r\nk\r\n');
      if (round < 2) second.sendRaw('*2\r\n$3\r\nGET\r\n$1\r\nk\r\n');
    }
    first.sendRaw('*1\r\n$4\r\nPING\r\n');
    expect(commandStatsLine(infoOf(first), 'get')).toMatch(/calls=3,/);
    expect(commandStatsLine(infoOf(second), 'get')).toMatch(/calls=2,/);
    expect(first.node.steps().get('get')?.calls).toBe(3);
    expect(second.node.steps().get('get')?.calls).toBe(2);
  });

  it('count failed and rejected calls in the same record', () => {
    const store = createStore();
    store.call('SET', 'k', 'notanumber');
    store.sendRaw('*2\r\n$4\r\nINCR\r\n$1\r\nk\r\n');
    store.sendRaw('*3\r\n$4\r\nINCR\r\n$1\r\nk\r\n$1\r\nx\r\n');
    expect(commandStatsLine(infoOf(store), 'incr')).toMatch(/calls=1,.*rejected_calls=1,failed_calls=1/);
  });
});
