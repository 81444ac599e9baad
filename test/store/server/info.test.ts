import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';

function sectionsOf(info: Buffer): string[] {
  return info.toString().split('\r\n').filter((line) => line.startsWith('# ')).map((line) => line.slice(2));
}

describe('INFO', () => {
  it('prints the default, all and single sections with Redis titles', () => {
    const store = createStore();
    expect(sectionsOf(store.call('INFO') as Buffer)).toEqual(['Server', 'Clients', 'Memory', 'Persistence', 'Stats', 'Replication', 'CPU', 'Modules', 'Errorstats', 'Cluster', 'Keyspace']);
    expect(sectionsOf(store.call('INFO', 'all') as Buffer)).toContain('Commandstats');
    expect(sectionsOf(store.call('INFO', 'CLIENTS') as Buffer)).toEqual(['Clients']);
  });

  it('reports counters Redis reports', () => {
    const store = createStore();
    store.call('NOPE');
    store.call('PING');
    const info = (store.call('INFO', 'everything') as Buffer).toString();
    expect(info).toContain('\r\nconnected_clients:1\r\n');
    expect(info).toContain('\r\ntotal_error_replies:1\r\n');
    expect(info).toContain('\r\nerrorstat_ERR:count=1\r\n');
    expect(info).toMatch(/\r\ncmdstat_ping:calls=1,usec=0,usec_per_call=0\.00,rejected_calls=0,failed_calls=0\r\n/);
    expect(info).toContain('\r\nrole:master\r\n');
    expect(info).toContain('\r\nredis_version:7.0.15\r\n');
  });

  it('merges fields from other layers', () => {
    const store = createStore();
    store.node.addInfoProvider('persistence', () => [['aof_enabled', 1], ['aof_current_size', 123]]);
    const info = (store.call('INFO', 'persistence') as Buffer).toString();
    expect(info).toContain('\r\naof_enabled:1\r\n');
    expect(info).toContain('\r\naof_current_size:123\r\n');
  });
});
