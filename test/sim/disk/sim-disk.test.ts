import { describe, expect, it } from 'vitest';
import { EnvError } from '../../../src/core/errors.js';
import { World } from '../../../src/sim/world.js';
import { msUs } from '../helpers.js';
import { errnoOf, openFile, testDisk } from './disk-helpers.js';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('SimDisk: namespace', () => {
  it('answers POSIX errors as values', () => {
    const { disk } = testDisk(1);
    expect(errnoOf(disk.open('a/b', { create: true, truncate: false }))).toBe('ENOENT');
    expect(errnoOf(disk.open('f', { create: false, truncate: false }))).toBe('ENOENT');
    openFile(disk, 'f');
    expect(errnoOf(disk.open('f', { create: true, truncate: false, exclusive: true }))).toBe('EEXIST');
    expect(errnoOf(disk.open('f/x', { create: true, truncate: false }))).toBe('ENOTDIR');
    expect(disk.mkdir('dir')).toBeUndefined();
    expect(errnoOf(disk.mkdir('dir'))).toBe('EEXIST');
    expect(errnoOf(disk.open('dir', { create: true, truncate: false }))).toBe('EISDIR');
    expect(errnoOf(disk.unlink('dir'))).toBe('EISDIR');
    expect(errnoOf(disk.unlink('absent'))).toBe('ENOENT');
    expect(errnoOf(disk.rename('absent', 'x'))).toBe('ENOENT');
    expect(errnoOf(disk.rename('f', 'dir'))).toBe('EISDIR');
    openFile(disk, 'dir/inner');
    expect(errnoOf(disk.rename('dir', 'dir/sub'))).toBe('EIO');
    expect(disk.mkdir('other')).toBeUndefined();
    openFile(disk, 'other/file');
    expect(errnoOf(disk.rename('dir', 'other'))).toBe('ENOTEMPTY');
    expect(errnoOf(disk.readdir('f'))).toBe('ENOTDIR');
    expect(errnoOf(disk.readFile('dir'))).toBe('EISDIR');
  });

  it('lists, stats, renames and unlinks as a file system does', () => {
    const { disk } = testDisk(1);
    const file = openFile(disk, './b');
    disk.writeAt(file, 0, bytes(1, 2, 3));
    openFile(disk, 'a');
    disk.mkdir('c');
    expect(disk.readdir('.')).toEqual(['a', 'b', 'c']);
    expect(disk.stat('b')).toEqual({ size: 3, isDirectory: false });
    expect(disk.stat('c')).toEqual({ size: 0, isDirectory: true });
    expect(disk.rename('b', 'c/moved')).toBeUndefined();
    expect(disk.readFile('c/../c/moved')).toEqual(bytes(1, 2, 3));
    expect(disk.rename('a', 'c/moved')).toBeUndefined();
    expect(disk.readFile('c/moved')).toEqual(bytes());
    expect(disk.unlink('c/moved')).toBeUndefined();
    expect(disk.exists('c/moved')).toBe(false);
    expect(disk.readdir('/')).toEqual(['c']);
  });
});

describe('SimDisk: durability and faults', () => {
  it('makes data durable at fsync and an entry durable at the directory fsync', () => {
    const { disk } = testDisk(1, { powerLoss: { directoryCommitProbability: 0, lose: 1, keepPrefix: 0, tornSectors: 0, garble: 0 } });
    const synced = openFile(disk, 'synced');
    disk.writeAt(synced, 0, bytes(1, 2));
    disk.syncFile(synced);
    disk.writeAt(synced, 2, bytes(3));
    const orphan = openFile(disk, 'orphan');
    disk.fsyncDirectory('.');
    disk.writeAt(orphan, 0, bytes(9));
    disk.syncFile(orphan);
    openFile(disk, 'never-durable');
    const report = disk.powerLoss();
    expect(disk.readFile('synced')).toEqual(bytes(1, 2));
    expect(disk.readFile('orphan')).toEqual(bytes(9));
    expect(disk.exists('never-durable')).toBe(false);
    expect(report.files.map((file) => [file.path, file.outcome])).toEqual([['orphan', 'clean'], ['synced', 'lose']]);
  });

  it('fails fsync with EIO and drops the dirty pages: reads still see them, a power loss does not', () => {
    const { disk } = testDisk(1, { powerLoss: { lose: 1, keepPrefix: 1, tornSectors: 1, garble: 1 } });
    const file = openFile(disk, 'f');
    disk.fsyncDirectory('.');
    disk.writeAt(file, 0, bytes(1));
    disk.syncFile(file);
    disk.writeAt(file, 1, bytes(2));
    disk.injectFault({ kind: 'fsyncFails', durationMs: 10 });
    expect(errnoOf(disk.syncFile(file))).toBe('EIO');
    disk.clearFaults();
    expect(disk.syncFile(file)).toBeUndefined();
    expect(disk.readFile('f')).toEqual(bytes(1, 2));
    disk.powerLoss();
    expect(disk.readFile('f')).toEqual(bytes(1));
  });

  it('fails writes with EIO, and with ENOSPC past a quota (overwrites within the size still work)', () => {
    const { disk, advanceUs } = testDisk(1);
    const file = openFile(disk, 'f');
    disk.writeAt(file, 0, bytes(1, 2, 3, 4));
    disk.injectFault({ kind: 'writeFails', durationMs: 1 });
    expect(errnoOf(disk.writeAt(file, 4, bytes(5)))).toBe('EIO');
    advanceUs(1000);
    expect(disk.writeAt(file, 4, bytes(5))).toBe(1);
    disk.injectFault({ kind: 'noSpace', durationMs: 5, quotaBytes: 6 });
    expect(disk.writeAt(file, 5, bytes(6))).toBe(1);
    expect(errnoOf(disk.writeAt(file, 6, bytes(7)))).toBe('ENOSPC');
    expect(disk.writeAt(file, 0, bytes(9, 9))).toBe(2);
    expect(disk.readFile('f')).toEqual(bytes(9, 9, 3, 4, 5, 6));
    expect(disk.usedBytes).toBe(6);
    advanceUs(5000);
    expect(disk.isFaultActive('noSpace')).toBe(false);
    expect(disk.writeAt(file, 6, bytes(7))).toBe(1);
  });

  it('flips exactly one bit of a read while reads are corrupted, and only then', () => {
    const { disk } = testDisk(3);
    const file = openFile(disk, 'f');
    const content = Uint8Array.from({ length: 64 }, (_, index) => index);
    disk.writeAt(file, 0, content);
    disk.injectFault({ kind: 'readCorrupt', durationMs: 1 });
    const corrupted = disk.readAt(file, 0, 64);
    if (corrupted instanceof EnvError) throw corrupted;
    const flippedBits = corrupted.reduce((sum, byte, index) => sum + popCount(byte ^ (content[index] as number)), 0);
    expect(flippedBits).toBe(1);
    disk.clearFaults('readCorrupt');
    expect(disk.readAt(file, 0, 64)).toEqual(content);
    expect(file.cache.view()).toEqual(content);
  });
});

function popCount(value: number): number {
  let count = 0;
  for (let rest = value; rest !== 0; rest >>>= 1) count += rest & 1;
  return count;
}

describe('SimDisk through a process', () => {
  it('completes a background fsync later, as an event: durable only once it completed', () => {
    const world = new World({ seed: 1 });
    const host = world.addHost({ name: 'n1', disk: { latency: { fsync: { kind: 'constant', ms: 5 } }, powerLoss: { lose: 1, keepPrefix: 0, tornSectors: 0, garble: 0, directoryCommitProbability: 0 } } });
    const results: [string, number][] = [];
    host.start((env) => {
      const file = env.fs.open('f', { create: true, truncate: false });
      if (file instanceof EnvError) throw file;
      env.fs.fsyncDirectory('.');
      file.append(bytes(1, 2, 3));
      file.fsyncInBackground((result) => results.push([errnoOf(result), world.nowUs()]));
      results.push(['called', world.nowUs()]);
    });
    // The directory fsync charged the process 5 ms, so the background fsync starts at 5 ms.
    world.run({ untilUs: msUs(9) });
    expect(results).toEqual([['called', 0]]);
    world.run({ untilUs: msUs(20) });
    expect(results).toEqual([['called', 0], ['ok', msUs(10)]]);
    host.powerLoss();
    expect(host.disk.peekFile('f')).toEqual(bytes(1, 2, 3));
  });

  it('finishes a background fsync in the kernel even when its process was killed, and drops the callback', () => {
    const world = new World({ seed: 1 });
    const host = world.addHost({ name: 'n1', disk: { latency: { fsync: { kind: 'constant', ms: 5 } }, powerLoss: { lose: 1, keepPrefix: 0, tornSectors: 0, garble: 0, directoryCommitProbability: 0 } } });
    let called = false;
    host.start((env) => {
      const file = env.fs.open('f', { create: true, truncate: false });
      if (file instanceof EnvError) throw file;
      env.fs.fsyncDirectory('.');
      file.append(bytes(7));
      file.fsyncInBackground(() => (called = true));
    });
    world.run({ untilUs: msUs(1) });
    host.kill();
    world.run({ untilUs: msUs(10) });
    expect(called).toBe(false);
    expect(world.stats.droppedForDeadIncarnation).toBe(1);
    host.powerLoss();
    expect(host.disk.peekFile('f')).toEqual(bytes(7));
  });

  it('answers EBADF on a closed handle and for a process that is gone', () => {
    const world = new World({ seed: 1 });
    const host = world.addHost({ name: 'n1' });
    const codes: string[] = [];
    host.start((env) => {
      const file = env.fs.open('f', { create: true, truncate: false });
      if (file instanceof EnvError) throw file;
      file.close();
      codes.push(errnoOf(file.append(bytes(1))), errnoOf(file.fsync()));
      const other = env.fs.open('g', { create: true, truncate: false });
      env.exit(0);
      if (!(other instanceof EnvError)) codes.push(errnoOf(other.read(0, 1)));
      codes.push(errnoOf(env.fs.readFile('f')));
    });
    world.run();
    expect(codes).toEqual(['EBADF', 'EBADF', 'EBADF', 'EBADF']);
  });
});
