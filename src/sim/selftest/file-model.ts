import { assert } from '../../core/assert.js';
import { ByteImage } from '../disk/byte-image.js';
import { applyFileChange, durabilityLawBreach, type FileChange } from '../disk/durability-law.js';

/**
 * The self-test's own model of one file (one inode), built only from what
 * the process did and what its fsyncs answered: the exact page-cache
 * content, the last content known to be durable (`lawBase`) and the changes
 * made since. `tainted` means an fsync since `lawBase` may have dropped
 * changes (it failed, or a lying-fsync fault was on), so holes of zeros are
 * permitted and `lawBase` can no longer advance until the content is known
 * again (after a power loss).
 */
export class FileModel {
  readonly cache: ByteImage;
  private readonly lawBase: ByteImage;
  private changes: FileChange[] = [];
  private settledChangeCount = 0;
  private tainted = false;

  constructor(content: Uint8Array) {
    this.cache = new ByteImage(content);
    this.lawBase = new ByteImage(content);
  }

  /** Changes made to this file so far (a sync started now covers this many). */
  get changeCount(): number {
    return this.settledChangeCount + this.changes.length;
  }

  record(change: FileChange): void {
    applyFileChange(this.cache, change);
    this.changes.push(change.kind === 'write' ? { ...change, data: change.data.slice() } : change);
  }

  /** An fsync that covered the first `coveredChangeCount` changes answered; `trusted` if it surely persisted them. */
  synced(coveredChangeCount: number, trusted: boolean): void {
    if (!trusted) {
      this.tainted = true;
      return;
    }
    if (this.tainted) return;
    const newlyCovered = coveredChangeCount - this.settledChangeCount;
    if (newlyCovered <= 0) return;
    assert(newlyCovered <= this.changes.length, 'a sync covers only changes that were made');
    for (const change of this.changes.slice(0, newlyCovered)) applyFileChange(this.lawBase, change);
    this.changes = this.changes.slice(newlyCovered);
    this.settledChangeCount = coveredChangeCount;
  }

  /**
   * Null if `content` is a permitted power-loss outcome of this file, else
   * why not. For a garbled file only the bytes below the disk's durable size
   * (`garbledFromByte`) obey the law.
   */
  powerLossBreach(content: Uint8Array, garbledFromByte: number | null): string | null {
    if (garbledFromByte !== null) {
      const lawfulBytes = Math.min(garbledFromByte, content.length);
      return durabilityLawBreach(this.lawBase.view(), this.changes, content.subarray(0, lawfulBytes), { allowZeros: this.tainted, ignoreSize: true });
    }
    return durabilityLawBreach(this.lawBase.view(), this.changes, content, { allowZeros: this.tainted });
  }
}
