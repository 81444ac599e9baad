import { EnvError } from '../../../src/core/errors.js';
import { Prng } from '../../../src/core/prng.js';
import type { DiskOptions } from '../../../src/sim/disk/disk-options.js';
import type { FileInode } from '../../../src/sim/disk/inode.js';
import { SimDisk } from '../../../src/sim/disk/sim-disk.js';

/** A disk on its own, with a clock the test moves. */
export function testDisk(seed: number, options: DiskOptions = {}): { disk: SimDisk; advanceUs: (deltaUs: number) => void } {
  let nowUs = 0;
  const disk = new SimDisk('d', () => nowUs, Prng.root(seed).fork('disk'), options);
  return { disk, advanceUs: (deltaUs) => void (nowUs += deltaUs) };
}

export function openFile(disk: SimDisk, path: string): FileInode {
  const file = disk.open(path, { create: true, truncate: false });
  if (file instanceof EnvError) throw file;
  return file;
}

export function errnoOf(result: unknown): string {
  return result instanceof EnvError ? result.code : 'ok';
}

/** A reference model of a file as plain bytes: what it held after each change. */
export function applyToBytes(content: readonly number[], change: { kind: 'write'; position: number; data: Uint8Array } | { kind: 'truncate'; size: number }): number[] {
  const next = content.slice();
  if (change.kind === 'truncate') {
    next.length = Math.min(next.length, change.size);
    while (next.length < change.size) next.push(0);
    return next;
  }
  while (next.length < change.position) next.push(0);
  change.data.forEach((byte, offset) => (next[change.position + offset] = byte));
  return next;
}
