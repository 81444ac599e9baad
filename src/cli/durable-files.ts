import type { DirInode } from '../sim/disk/inode.js';
import type { SimDisk } from '../sim/disk/sim-disk.js';

/** One file of a disk's durable image: its path from the disk's root and its bytes. */
export interface DurableFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Walk limit: a disk holds at most this many directories (they are few: `.`, `appendonlydir`). */
const DIRECTORIES_MAX = 100_000;

/**
 * What survives a power loss that keeps nothing unsynced: the durable
 * directory entries and each file's durable content (no page cache). Pure:
 * no node:fs, usable wherever a SimDisk is at hand; directories are
 * implied by the paths.
 */
export function durableFilesOf(disk: SimDisk): DurableFile[] {
  const files: DurableFile[] = [];
  const pending: { readonly dir: DirInode; readonly path: string }[] = [{ dir: disk.root, path: '' }];
  for (let visited = 0; pending.length > 0 && visited < DIRECTORIES_MAX; visited++) {
    const { dir, path } = pending.pop() as { dir: DirInode; path: string };
    for (const name of dir.sortedDurableNames()) {
      const child = dir.durableEntries.get(name);
      if (child === undefined) continue;
      const childPath = path === '' ? name : `${path}/${name}`;
      if (child.kind === 'dir') pending.push({ dir: child, path: childPath });
      else files.push({ path: childPath, bytes: child.durable.view().slice() });
    }
  }
  return files.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
}
