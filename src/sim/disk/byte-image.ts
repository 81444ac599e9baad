import { assert } from '../../core/assert.js';

const INITIAL_CAPACITY = 64;

/**
 * A growable byte array: the content of a file as one image (page cache or
 * durable). Growth past the end fills the gap with zeros, as a file hole.
 */
export class ByteImage {
  private buffer: Uint8Array;
  private lengthValue = 0;

  constructor(content?: Uint8Array) {
    this.buffer = new Uint8Array(Math.max(INITIAL_CAPACITY, content?.length ?? 0));
    if (content !== undefined) {
      this.buffer.set(content);
      this.lengthValue = content.length;
    }
  }

  get length(): number {
    return this.lengthValue;
  }

  /** The current content, without copying: valid until the next change. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.lengthValue);
  }

  /** A copy of `length` bytes from `position` (shorter at the end of the image). */
  read(position: number, length: number): Uint8Array {
    assert(Number.isSafeInteger(position) && position >= 0, 'a read position is a non-negative integer');
    assert(Number.isSafeInteger(length) && length >= 0, 'a read length is a non-negative integer');
    const start = Math.min(position, this.lengthValue);
    const end = Math.min(position + length, this.lengthValue);
    return this.buffer.slice(start, end);
  }

  write(position: number, data: Uint8Array): void {
    assert(Number.isSafeInteger(position) && position >= 0, 'a write position is a non-negative integer');
    const end = position + data.length;
    this.ensureCapacity(end);
    this.buffer.set(data, position);
    if (end > this.lengthValue) this.lengthValue = end;
  }

  truncate(size: number): void {
    assert(Number.isSafeInteger(size) && size >= 0, 'a file size is a non-negative integer');
    if (size < this.lengthValue) this.buffer.fill(0, size, this.lengthValue);
    else this.ensureCapacity(size);
    this.lengthValue = size;
  }

  clone(): ByteImage {
    return new ByteImage(this.view());
  }

  private ensureCapacity(size: number): void {
    if (size <= this.buffer.length) return;
    let capacity = Math.max(this.buffer.length, 256);
    while (capacity < size) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buffer.subarray(0, this.lengthValue));
    this.buffer = grown;
  }
}
