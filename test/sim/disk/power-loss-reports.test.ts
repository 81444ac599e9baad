import { describe, expect, it } from 'vitest';
import { openFile, testDisk } from './disk-helpers.js';

describe('the disk keeps what each power loss did', () => {
  it('one report per power loss, in order, naming each file and its drawn outcome', () => {
    const { disk } = testDisk(3, { powerLoss: { lose: 0, keepPrefix: 0, tornSectors: 0, garble: 1 } });
    const file = openFile(disk, 'aof');
    disk.fsyncDirectory('.');
    disk.writeAt(file, 0, new Uint8Array(700).fill(0x2a));
    disk.syncFile(file);
    disk.writeAt(file, 700, new Uint8Array(900).fill(0x2b));
    const first = disk.powerLoss();
    disk.powerLoss();
    expect(disk.powerLossReports()).toEqual([first, { files: [expect.objectContaining({ path: 'aof', outcome: 'clean' })], directoriesCommitted: [] }]);
    expect(first.files).toEqual([expect.objectContaining({ path: 'aof', outcome: 'garble', durableBytes: 700, cachedBytes: 1600, resultBytes: 1600 })]);
  });

  it('a disk that never lost power has no report', () => {
    const { disk } = testDisk(1);
    openFile(disk, 'f');
    expect(disk.powerLossReports()).toEqual([]);
  });
});
