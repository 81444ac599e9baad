import { describe, expect, it } from 'vitest';
import { SimNode } from '../support/sim-node.js';

const text = (value: unknown): string => (Buffer.isBuffer(value) ? value.toString('latin1') : value instanceof Error ? value.message : String(value));

function info(node: SimNode, field: string): string {
  const body = text(node.callWithin(0.01, 'INFO', 'persistence'));
  const line = body.split('\r\n').find((candidate) => candidate.startsWith(`${field}:`));
  return line === undefined ? '(missing)' : line.slice(field.length + 1);
}

describe('SAVE, BGSAVE, LASTSAVE and loading at start', () => {
  it('SAVE writes dump.rdb durably and a restart after a power loss loads it', () => {
    const sim = new SimNode({ config: { save: '', appendonly: 'no' } });
    sim.call('SET', 'a', '1');
    sim.call('RPUSH', 'list', 'x', 'y');
    expect(info(sim, 'rdb_changes_since_last_save')).toBe('3');
    expect(sim.call('SAVE')).toBe('OK');
    expect(info(sim, 'rdb_changes_since_last_save')).toBe('0');
    sim.call('SET', 'b', 'not saved');
    sim.powerLoss();
    sim.restart();
    expect(text(sim.call('GET', 'a'))).toBe('1');
    expect(sim.call('LRANGE', 'list', '0', '-1')).toEqual([Buffer.from('x'), Buffer.from('y')]);
    expect(sim.call('GET', 'b')).toBeNull();
  });

  it('BGSAVE answers at once, serves while the child writes, and keeps the point-in-time snapshot', () => {
    const sim = new SimNode({ config: { save: '', appendonly: 'no' } });
    const big = 'v'.repeat(1000);
    for (let index = 0; index < 2000; index++) sim.live.executeCommand(sim.live.createClient({ localAddress: 'x', remoteAddress: 'y', write: () => undefined, close: () => undefined, pendingBytes: () => 0 }), ['SET', `key:${index}`, `${index}:${big}`]);
    sim.run(10);
    const before = text(sim.call('LASTSAVE'));
    expect(sim.callWithin(0.01, 'BGSAVE')).toBe('Background saving started');
    expect(info(sim, 'rdb_bgsave_in_progress')).toBe('1');
    sim.callWithin(0.01, 'SET', 'after-fork', 'not in the snapshot');
    expect(text(sim.callWithin(0.01, 'BGSAVE'))).toContain('Background save already in progress');
    sim.run(2000);
    expect(info(sim, 'rdb_bgsave_in_progress')).toBe('0');
    expect(info(sim, 'rdb_last_bgsave_status')).toBe('ok');
    expect(info(sim, 'rdb_changes_since_last_save')).toBe('1');
    expect(Number(text(sim.call('LASTSAVE')))).toBeGreaterThanOrEqual(Number(before));
    expect(sim.logs.some((line) => line.includes('Background saving started by pid'))).toBe(true);
    sim.powerLoss();
    sim.restart();
    expect(text(sim.call('DBSIZE'))).toBe('2000');
    expect(sim.call('GET', 'after-fork')).toBeNull();
  });

  it('a save point triggers a BGSAVE from serverCron', () => {
    const sim = new SimNode({ config: { save: '1 2', appendonly: 'no' } });
    sim.call('SET', 'a', '1');
    sim.call('SET', 'b', '2');
    sim.run(2500);
    expect(sim.logs.some((line) => line.includes('2 changes in 1 seconds. Saving...'))).toBe(true);
    expect(info(sim, 'rdb_changes_since_last_save')).toBe('0');
    expect(sim.file('dump.rdb')?.subarray(0, 9).toString()).toBe('REDIS0010');
  });

  it('a corrupt dump.rdb stops the node at start instead of loading half of it', () => {
    const sim = new SimNode({ config: { save: '', appendonly: 'no' } });
    sim.call('SET', 'a', '1');
    sim.call('SAVE');
    const handle = sim.host.disk.open('dump.rdb', { create: false, truncate: false });
    if (handle instanceof Error) throw handle;
    sim.host.disk.writeAt(handle, 20, Buffer.from('garbage!'));
    sim.kill();
    sim.restart();
    expect(sim.host.state).toBe('exited');
    expect(sim.logs.some((line) => line.includes('Fatal error loading the DB'))).toBe(true);
  });
});
