import { ByteImage } from './byte-image.js';

/** A change a process made to a file, as a checker models it. */
export type FileChange = { readonly kind: 'write'; readonly position: number; readonly data: Uint8Array } | { readonly kind: 'truncate'; readonly size: number };

export function applyFileChange(image: ByteImage, change: FileChange): void {
  if (change.kind === 'write') image.write(change.position, change.data);
  else image.truncate(change.size);
}

/** The half-open range of positions whose byte a change may alter (including the zeros of a hole it opens). */
function changedRange(lengthBefore: number, change: FileChange): readonly [number, number] {
  if (change.kind === 'write') return [Math.min(lengthBefore, change.position), change.position + change.data.length];
  return [Math.min(lengthBefore, change.size), change.size];
}

export interface DurabilityLawOptions {
  /**
   * Also permit zeros: when an fsync may have failed or lied, some changes
   * were dropped while later ones persisted, which leaves holes of zeros
   * where the dropped bytes were (Linux's behaviour after a writeback error).
   */
  readonly allowZeros?: boolean;
  /** Check the bytes only, not the size (for a prefix of a file). */
  readonly ignoreSize?: boolean;
}

/**
 * The durable-content law of a power loss: `content` may be what the disk
 * holds after the power went, if the file's last fsynced content was `base`
 * and `changes` were made after it, only if its size lies between the
 * smallest and largest size the file had (base and after each change) and
 * every byte is one that position held in `base` or after one of the
 * changes. Returns null if the law holds, else a description of the first
 * breach. Cost: O(size + bytes changed).
 */
export function durabilityLawBreach(base: Uint8Array, changes: readonly FileChange[], content: Uint8Array, options: DurabilityLawOptions = {}): string | null {
  const satisfied = new Uint8Array(content.length);
  const image = new ByteImage(base);
  let sizeMin = base.length;
  let sizeMax = base.length;
  markMatches(satisfied, image.view(), content, 0, base.length);
  for (const change of changes) {
    const [start, end] = changedRange(image.length, change);
    applyFileChange(image, change);
    sizeMin = Math.min(sizeMin, image.length);
    sizeMax = Math.max(sizeMax, image.length);
    markMatches(satisfied, image.view(), content, start, Math.min(end, image.length));
  }
  if (options.ignoreSize !== true && (content.length < sizeMin || content.length > sizeMax)) return `size ${content.length} outside [${sizeMin}, ${sizeMax}]`;
  for (let index = 0; index < content.length; index++) {
    if (satisfied[index] === 1) continue;
    if (options.allowZeros === true && content[index] === 0) continue;
    return `byte ${index} (${content[index]}) was never written there`;
  }
  return null;
}

function markMatches(satisfied: Uint8Array, image: Uint8Array, content: Uint8Array, start: number, end: number): void {
  const stop = Math.min(end, content.length, image.length);
  for (let index = start; index < stop; index++) {
    if (image[index] === content[index]) satisfied[index] = 1;
  }
}
