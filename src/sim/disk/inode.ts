import { assert } from '../../core/assert.js';
import { ByteImage } from './byte-image.js';

/**
 * A change to a file not yet made durable, in the order it was made. The
 * log is what a power loss may keep a part of. `image` stands for a run of
 * older ops collapsed into the content they produced (see UNSYNCED_OPS_MAX).
 */
export type UnsyncedOp =
  | { readonly kind: 'write'; readonly seq: number; readonly position: number; readonly data: Uint8Array }
  | { readonly kind: 'truncate'; readonly seq: number; readonly size: number }
  | { readonly kind: 'image'; readonly seq: number; readonly content: Uint8Array };

/** Beyond this many unsynced ops, the log collapses into one `image` op. */
const UNSYNCED_OPS_MAX = 1024;

export function applyUnsyncedOp(image: ByteImage, op: UnsyncedOp): void {
  switch (op.kind) {
    case 'write':
      image.write(op.position, op.data);
      return;
    case 'truncate':
      image.truncate(op.size);
      return;
    case 'image':
      image.truncate(0);
      image.write(0, op.content);
      return;
  }
}

/**
 * A regular file: its page-cache image (what reads see), its durable image
 * (what survives a power loss), and the ops between them.
 */
export class FileInode {
  readonly kind = 'file';
  cache = new ByteImage();
  durable = new ByteImage();
  private unsyncedOps: UnsyncedOp[] = [];
  private nextOpSeq = 1;

  constructor(readonly inodeId: number) {}

  get unsynced(): readonly UnsyncedOp[] {
    return this.unsyncedOps;
  }

  /** Seq of the last op so far (0 if none): a background fsync syncs up to it. */
  get lastOpSeq(): number {
    return this.nextOpSeq - 1;
  }

  write(position: number, data: Uint8Array): void {
    this.cache.write(position, data);
    this.log({ kind: 'write', seq: this.nextOpSeq++, position, data: data.slice() });
  }

  truncate(size: number): void {
    this.cache.truncate(size);
    this.log({ kind: 'truncate', seq: this.nextOpSeq++, size });
  }

  /**
   * Ends the ops up to `seq`: `persist` applies them to the durable image;
   * `discard` forgets them (an fsync EIO or a lying fsync: the pages are
   * clean again but were never written, as Linux does after a writeback error).
   */
  settleUpTo(seq: number, how: 'persist' | 'discard'): void {
    let settled = 0;
    for (const op of this.unsyncedOps) {
      if (op.seq > seq) break;
      if (how === 'persist') applyUnsyncedOp(this.durable, op);
      settled++;
    }
    this.unsyncedOps = settled === this.unsyncedOps.length ? [] : this.unsyncedOps.slice(settled);
  }

  /** The durable image with every unsynced op applied: the newest content a power loss may keep. */
  pendingImage(): ByteImage {
    const image = this.durable.clone();
    for (const op of this.unsyncedOps) applyUnsyncedOp(image, op);
    return image;
  }

  /** After a power loss: the disk holds `content`, in cache and durably, with nothing pending. */
  resetTo(content: Uint8Array): void {
    this.cache = new ByteImage(content);
    this.durable = new ByteImage(content);
    this.unsyncedOps = [];
  }

  private log(op: UnsyncedOp): void {
    this.unsyncedOps.push(op);
    if (this.unsyncedOps.length <= UNSYNCED_OPS_MAX) return;
    const content = this.pendingImage().view().slice();
    this.unsyncedOps = [{ kind: 'image', seq: op.seq, content }];
  }
}

/**
 * A directory: its entries as processes see them (cache) and as they stand
 * on disk (durable). An entry change is durable only after the directory
 * itself is fsynced.
 */
export class DirInode {
  readonly kind = 'dir';
  cacheEntries = new Map<string, Inode>();
  durableEntries = new Map<string, Inode>();

  constructor(readonly inodeId: number) {}

  /** fsync of the directory: its entries as they are now become durable. */
  commitEntries(): void {
    this.durableEntries = new Map(this.cacheEntries);
  }

  /** After a power loss the entries are what was durable. */
  revertEntries(): void {
    this.cacheEntries = new Map(this.durableEntries);
  }

  sortedCacheNames(): string[] {
    return [...this.cacheEntries.keys()].sort();
  }

  sortedDurableNames(): string[] {
    return [...this.durableEntries.keys()].sort();
  }
}

export type Inode = FileInode | DirInode;

export function assertFile(inode: Inode | undefined): FileInode {
  assert(inode !== undefined && inode.kind === 'file', 'the inode is a regular file');
  return inode;
}
