import { describe, expect, it } from 'vitest';
import { SimNode } from '../support/sim-node.js';

const text = (value: unknown): string => (Buffer.isBuffer(value) ? value.toString('latin1') : value instanceof Error ? value.message : String(value));
const aofConfig = (appendfsync: string) => ({ save: '', appendonly: 'yes', appendfsync });

function info(node: SimNode, field: string): string {
  const body = text(node.callWithin(0.01, 'INFO', 'persistence'));
  return body.split('\r\n').find((line) => line.startsWith(`${field}:`))?.slice(field.length + 1) ?? '(missing)';
}

describe('multi-part AOF', () => {
  it('starts with a manifest, an RDB base and an incr file holding the propagated commands', () => {
    const sim = new SimNode({ config: aofConfig('always') });
    expect(sim.file('appendonlydir/appendonly.aof.manifest')?.toString()).toBe('file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
    expect(sim.file('appendonlydir/appendonly.aof.1.base.rdb')?.subarray(0, 9).toString()).toBe('REDIS0010');
    sim.call('SET', 'k', 'v', 'EX', '100');
    sim.call('SELECT', '2');
    sim.call('INCR', 'n');
    const incr = sim.file('appendonlydir/appendonly.aof.1.incr.aof')?.toString() ?? '';
    expect(incr).toMatch(/^\*2\r\n\$6\r\nSELECT\r\n\$1\r\n0\r\n\*5\r\n\$3\r\nSET\r\n\$1\r\nk\r\n\$1\r\nv\r\n\$4\r\nPXAT\r\n\$13\r\n\d{13}\r\n/);
    expect(incr).toContain('*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n*2\r\n$4\r\nINCR\r\n$1\r\nn\r\n');
    expect(info(sim, 'aof_enabled')).toBe('1');
  });

  it('with appendfsync always keeps every acknowledged write through a power loss', () => {
    const sim = new SimNode({ config: aofConfig('always') });
    for (let index = 0; index < 20; index++) sim.call('RPUSH', 'list', String(index));
    sim.powerLoss();
    sim.restart();
    expect(text(sim.call('LLEN', 'list'))).toBe('20');
  });

  it('with appendfsync everysec keeps writes through a kill, and loses at most the last seconds to a power loss', () => {
    const sim = new SimNode({ config: aofConfig('everysec'), disk: { powerLoss: { lose: 1, keepPrefix: 0, tornSectors: 0 } } });
    sim.call('SET', 'old', '1');
    sim.run(2500);
    sim.call('SET', 'recent', '1');
    sim.kill();
    sim.restart();
    expect(text(sim.call('GET', 'recent'))).toBe('1');
    sim.run(1010 - (sim.live.env.clock.nowMs() % 1000));
    sim.call('SET', 'fsynced-this-second', '1');
    sim.callWithin(1, 'SET', 'newest', '1');
    sim.powerLoss();
    sim.restart();
    expect(text(sim.call('GET', 'old'))).toBe('1');
    expect(text(sim.call('GET', 'fsynced-this-second'))).toBe('1');
    expect(sim.call('GET', 'newest')).toBeNull();
  });

  it('BGREWRITEAOF writes a new base, drops the old files and keeps the dataset', () => {
    const sim = new SimNode({ config: aofConfig('everysec') });
    for (let index = 0; index < 50; index++) sim.call('INCR', 'counter');
    expect(sim.call('BGREWRITEAOF')).toBe('Background append only file rewriting started');
    sim.call('INCR', 'counter');
    sim.run(100);
    expect(sim.file('appendonlydir/appendonly.aof.manifest')?.toString()).toBe('file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n');
    expect(sim.file('appendonlydir/appendonly.aof.1.incr.aof')).toBeNull();
    expect(info(sim, 'aof_rewrites')).toBe('1');
    sim.run(1500);
    sim.powerLoss();
    sim.restart();
    expect(text(sim.call('GET', 'counter'))).toBe('51');
  });

  it('aof-use-rdb-preamble no rewrites the base as commands', () => {
    const sim = new SimNode({ config: { ...aofConfig('always'), 'aof-use-rdb-preamble': 'no' } });
    sim.call('HSET', 'h', 'f', 'v');
    sim.call('ZADD', 'z', '1.5', 'm');
    sim.call('BGREWRITEAOF');
    sim.run(100);
    const base = sim.file('appendonlydir/appendonly.aof.2.base.aof')?.toString() ?? '';
    expect(base).toContain('HMSET');
    expect(base).toContain('*4\r\n$4\r\nZADD\r\n$1\r\nz\r\n$3\r\n1.5\r\n$1\r\nm\r\n');
    sim.kill();
    sim.restart();
    expect(text(sim.call('ZSCORE', 'z', 'm'))).toBe('1.5');
  });

  it('loads a truncated last file up to its last whole command and truncates it', () => {
    const sim = new SimNode({ config: aofConfig('always') });
    sim.call('SET', 'a', '1');
    const incrPath = 'appendonlydir/appendonly.aof.1.incr.aof';
    const sizeBefore = sim.file(incrPath)?.length ?? 0;
    appendRaw(sim, incrPath, '*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$5\r\nhal');
    sim.kill();
    sim.restart();
    expect(text(sim.call('GET', 'a'))).toBe('1');
    expect(sim.call('GET', 'b')).toBeNull();
    expect(sim.logs.some((line) => line.includes('Truncating the AOF'))).toBe(true);
    expect(sim.file(incrPath)?.length).toBeGreaterThanOrEqual(sizeBefore);
    expect(sim.file(incrPath)?.toString()).not.toContain('hal');
  });

  it('drops a MULTI left open at the end of the AOF', () => {
    const sim = new SimNode({ config: aofConfig('always') });
    sim.call('SET', 'a', '1');
    appendRaw(sim, 'appendonlydir/appendonly.aof.1.incr.aof', '*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n2\r\n');
    sim.kill();
    sim.restart();
    expect(text(sim.call('GET', 'a'))).toBe('1');
    expect(sim.logs.some((line) => line.includes('Revert incomplete MULTI/EXEC transaction'))).toBe(true);
  });

  it('refuses to start on a format error that is not at the end', () => {
    const sim = new SimNode({ config: aofConfig('always') });
    sim.call('SET', 'a', '1');
    appendRaw(sim, 'appendonlydir/appendonly.aof.1.incr.aof', 'garbage line\r\n*1\r\n$4\r\nPING\r\n');
    sim.kill();
    sim.restart();
    expect(sim.host.state).toBe('exited');
    expect(sim.logs.some((line) => line.includes('Bad file format'))).toBe(true);
  });
});

describe('AOF tails a power loss can leave', () => {
  it('refuses to start on a zero-filled tail (metadata written before data), as redis 7.0.15 does', () => {
    const sim = new SimNode({ config: aofConfig('always') });
    sim.call('SET', 'a', '1');
    appendRaw(sim, 'appendonlydir/appendonly.aof.1.incr.aof', '\u0000'.repeat(600));
    sim.kill();
    sim.restart();
    expect(sim.host.state).toBe('exited');
    expect(sim.logs).toContain('warning Bad file format reading the append only file appendonly.aof.1.incr.aof: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>');
  });

  it('after every torn or cut-short power loss of an everysec AOF, starts with a prefix of what was written', () => {
    const lengths = new Set<number>();
    for (let seed = 1; seed <= 12; seed++) {
      const sim = new SimNode({ config: aofConfig('everysec'), seed, disk: { powerLoss: { lose: 0, keepPrefix: 1, tornSectors: 1 } } });
      for (let index = 0; index < 60; index++) sim.callWithin(2, 'RPUSH', 'l', `element-${index}-${'p'.repeat(index % 40)}`);
      sim.powerLoss();
      sim.restart();
      const list = (sim.call('LRANGE', 'l', '0', '-1') as Buffer[]).map((element) => element.toString());
      expect(list).toEqual(Array.from({ length: list.length }, (_, index) => `element-${index}-${'p'.repeat(index % 40)}`));
      lengths.add(list.length);
    }
    expect([...lengths].filter((length) => length > 0 && length < 60).length).toBeGreaterThan(3);
  });
});

describe('two power losses in a row under appendfsync no (redis 7.0.15 fidelity)', () => {
  it('the unsynced truncation lets a second torn power loss splice old tail and new writes: the node then refuses to start', () => {
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const sim = new SimNode({ config: aofConfig('no'), seed, disk: { powerLoss: { lose: 0, keepPrefix: 1, tornSectors: 3 } } });
      const write = (from: number): void => {
        for (let index = from; index < from + 40; index++) sim.callWithin(1, 'RPUSH', 'l', `element-${index}-${'q'.repeat(index % 30)}`);
      };
      write(0);
      sim.powerLoss();
      sim.restart();
      write(1000);
      sim.powerLoss();
      sim.restart();
      if (sim.host.state === 'exited') {
        expect(sim.logs.some((line) => line.includes('Bad file format'))).toBe(true);
        outcomes.add('refused to start');
      } else {
        const list = (sim.call('LRANGE', 'l', '0', '-1') as Buffer[]).map((element) => element.toString());
        expect(list.every((element) => /^element-\d+-q*$/.test(element))).toBe(true);
        outcomes.add('loaded');
      }
    }
    expect([...outcomes].sort()).toEqual(['loaded', 'refused to start']);
  });
});

describe('everysec with a slow disk', () => {
  it('postpones the write up to 2 s while a background fsync runs (aof_delayed_fsync), so a kill can lose acknowledged writes', () => {
    const sim = new SimNode({ config: aofConfig('everysec'), disk: { latency: { fsync: { kind: 'constant', ms: 5000 } } } });
    sim.run(30_000); // the startup's synchronous fsyncs (base, manifest, directories) take 5 s each
    sim.call('SET', 'first', '1');
    sim.run(6000);
    sim.run(1100);
    sim.call('SET', 'triggers-fsync', '1');
    expect(info(sim, 'aof_pending_bio_fsync')).toBe('1');
    expect(sim.call('SET', 'postponed', '1')).toBe('OK');
    expect(sim.file('appendonlydir/appendonly.aof.1.incr.aof')?.toString()).not.toContain('postponed');
    sim.kill();
    sim.restart();
    sim.run(30_000);
    expect(sim.call('GET', 'postponed')).toBeNull();
    expect(text(sim.call('GET', 'first'))).toBe('1');
  });

  it('writes anyway after 2 s of postponement and counts it', () => {
    const sim = new SimNode({ config: aofConfig('everysec'), disk: { latency: { fsync: { kind: 'constant', ms: 5000 } } } });
    sim.run(30_000);
    sim.call('SET', 'a', '1');
    sim.run(1100);
    sim.call('SET', 'b', '1');
    sim.call('SET', 'c', '1');
    sim.run(2500);
    expect(Number(info(sim, 'aof_delayed_fsync'))).toBeGreaterThanOrEqual(1);
    expect(sim.logs.some((line) => line.includes('Asynchronous AOF fsync is taking too long'))).toBe(true);
    expect(sim.file('appendonlydir/appendonly.aof.1.incr.aof')?.toString()).toContain('$1\r\nc\r\n');
  });
});

describe('AOF disk errors', () => {
  it('exits on an fsync error under appendfsync always, before the reply goes out', () => {
    const sim = new SimNode({ config: aofConfig('always') });
    sim.host.disk.injectFault({ kind: 'fsyncFails', durationMs: 10_000 });
    expect(sim.call('SET', 'a', '1')).toBeUndefined();
    expect(sim.host.state).toBe('exited');
    expect(sim.logs.some((line) => line.includes("Can't persist AOF for fsync error when the AOF fsync policy is 'always'"))).toBe(true);
  });

  it('refuses writes with MISCONF after a write error under everysec, and recovers when writes work again', () => {
    const sim = new SimNode({ config: aofConfig('everysec') });
    sim.host.disk.injectFault({ kind: 'writeFails', durationMs: 500 });
    expect(sim.call('SET', 'a', '1')).toBe('OK');
    expect(text(sim.call('SET', 'b', '2'))).toBe('MISCONF Errors writing to the AOF file: Input/output error');
    expect(info(sim, 'aof_last_write_status')).toBe('err');
    sim.run(1500);
    expect(info(sim, 'aof_last_write_status')).toBe('ok');
    expect(sim.call('SET', 'b', '2')).toBe('OK');
    sim.kill();
    sim.restart();
    expect(text(sim.call('GET', 'a'))).toBe('1');
  });

  it('refuses writes after a background fsync error under everysec', () => {
    const sim = new SimNode({ config: aofConfig('everysec') });
    sim.run(1100);
    sim.host.disk.injectFault({ kind: 'fsyncFails', durationMs: 60_000 });
    sim.call('SET', 'a', '1');
    sim.run(1100);
    sim.call('SET', 'a', '2');
    sim.run(100);
    expect(text(sim.call('SET', 'c', '3'))).toContain('MISCONF Errors writing to the AOF file');
    expect(sim.logs.some((line) => line.includes('Fail to fsync the AOF file'))).toBe(true);
  });
});

function appendRaw(sim: SimNode, path: string, data: string): void {
  const file = sim.host.disk.open(path, { create: false, truncate: false });
  if (file instanceof Error) throw file;
  sim.host.disk.writeAt(file, file.cache.length, Buffer.from(data, 'latin1'));
}
