import { describe, expect, it } from 'vitest';
import { bgsaveErrorReply } from '../../../src/store/persistence/disk-error-guard.js';
import { SimNode } from './support/sim-node.js';

const text = (value: unknown): string => (Buffer.isBuffer(value) ? value.toString('latin1') : value instanceof Error ? value.message : String(value));

function info(node: SimNode, field: string): string {
  const body = text(node.callWithin(0.01, 'INFO', 'persistence'));
  return body.split('\r\n').find((line) => line.startsWith(`${field}:`))?.slice(field.length + 1) ?? '(missing)';
}

describe('persistence controls at runtime', () => {
  it('CONFIG SET appendonly yes writes a base by rewrite, then appends; no stops appending', () => {
    const sim = new SimNode({ config: { save: '', appendonly: 'no' } });
    sim.call('SET', 'before', '1');
    expect(sim.call('CONFIG', 'SET', 'appendonly', 'yes')).toBe('OK');
    sim.call('SET', 'during', '2');
    sim.run(100);
    expect(sim.file('appendonlydir/appendonly.aof.manifest')?.toString()).toBe('file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
    sim.call('SET', 'after', '3');
    expect(sim.file('appendonlydir/appendonly.aof.1.base.rdb')?.toString('latin1')).toContain('before');
    expect(sim.file('appendonlydir/appendonly.aof.1.incr.aof')?.toString()).toContain('after');
    expect(sim.call('CONFIG', 'SET', 'appendonly', 'no')).toBe('OK');
    sim.call('SET', 'unlogged', '4');
    expect(sim.file('appendonlydir/appendonly.aof.1.incr.aof')?.toString()).not.toContain('unlogged');
    expect(info(sim, 'aof_enabled')).toBe('0');
  });

  it('a failed BGSAVE refuses writes with MISCONF while save points are set, until a save succeeds', () => {
    const sim = new SimNode({ config: { save: '3600 1', appendonly: 'no' } });
    sim.call('SET', 'a', '1');
    sim.host.disk.injectFault({ kind: 'writeFails', durationMs: 200 });
    expect(sim.call('BGSAVE')).toBe('Background saving started');
    sim.run(50);
    expect(info(sim, 'rdb_last_bgsave_status')).toBe('err');
    expect(text(sim.call('SET', 'b', '2'))).toBe(bgsaveErrorReply);
    expect(text(sim.call('GET', 'a'))).toBe('1');
    sim.run(300);
    expect(sim.call('SAVE')).toBe('OK');
    expect(sim.call('SET', 'b', '2')).toBe('OK');
  });

  it('auto-aof-rewrite rewrites once the AOF grew past the percentage and the minimum size', () => {
    const sim = new SimNode({ config: { save: '', appendonly: 'yes', 'auto-aof-rewrite-min-size': '1048576', 'auto-aof-rewrite-percentage': '100' } });
    const value = 'v'.repeat(2000);
    for (let index = 0; index < 600; index++) sim.callWithin(0.5, 'SET', `key:${index % 10}`, value);
    sim.run(500);
    expect(Number(info(sim, 'aof_rewrites'))).toBeGreaterThanOrEqual(1);
    expect(sim.logs.some((line) => line.includes('Starting automatic rewriting of AOF on'))).toBe(true);
    expect(Number(info(sim, 'aof_current_size'))).toBeLessThan(1_048_576);
  });

  it('DEBUG RELOAD saves and reloads the dataset; SHUTDOWN saves and exits', () => {
    const sim = new SimNode({ config: { save: '3600 1', appendonly: 'no', 'enable-debug-command': 'yes' } });
    sim.call('HSET', 'h', 'f', 'v');
    const digest = text(sim.call('DEBUG', 'DIGEST'));
    expect(sim.call('DEBUG', 'RELOAD')).toBe('OK');
    expect(text(sim.call('DEBUG', 'DIGEST'))).toBe(digest);
    sim.call('SET', 'last', 'write');
    expect(sim.call('SHUTDOWN')).toBeUndefined();
    expect(sim.host.state).toBe('exited');
    sim.powerLoss();
    sim.restart();
    expect(text(sim.call('GET', 'last'))).toBe('write');
  });

  it('BGSAVE refuses to start behind a running AOF rewrite, and BGSAVE SCHEDULE runs once it ends', () => {
    const sim = new SimNode({ config: { save: '', appendonly: 'yes', 'aof-use-rdb-preamble': 'no' } });
    for (let index = 0; index < 3000; index++) sim.live.executeCommand(sim.live.createClient({ localAddress: 'x', remoteAddress: 'y', write: () => undefined, close: () => undefined, pendingBytes: () => 0 }), ['SET', `k${index}`, 'v'.repeat(2000)]);
    sim.run(20);
    expect(sim.callWithin(8, 'BGREWRITEAOF')).toBe('Background append only file rewriting started');
    expect(text(sim.callWithin(2, 'BGSAVE'))).toContain("Another child process is active (AOF?): can't BGSAVE right now");
    expect(sim.callWithin(2, 'BGSAVE', 'SCHEDULE')).toBe('Background saving scheduled');
    expect(text(sim.callWithin(2, 'BGSAVE', 'NOW'))).toBe('ERR syntax error');
    expect(info(sim, 'aof_rewrite_in_progress')).toBe('1');
    sim.run(500);
    expect(info(sim, 'rdb_saves')).toBe('1');
    expect(sim.file('dump.rdb')).not.toBeNull();
  });
});
