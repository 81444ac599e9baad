import { assert } from '../../core/assert.js';

/**
 * The replication backlog (replication.c repl_backlog): a circular buffer of
 * the last `sizeBytes` bytes of the replication stream, so a replica that
 * lost its link can continue (PSYNC) from any offset still held. Offsets are
 * Redis's: the stream's first byte has offset 1, `masterOffset` is the offset
 * of the last byte fed, `firstByteOffset` the offset of the oldest byte held.
 */
export class ReplicationBacklog {
  private buffer: Buffer;
  /** Where the next byte goes in `buffer`. */
  private writeIndex = 0;
  /** Bytes held (repl_backlog_histlen). */
  private historyBytes = 0;
  /** Offset of the last byte fed. */
  private lastOffset: number;

  constructor(
    sizeBytes: number,
    /** The stream offset before the first byte this backlog will hold. */
    startOffset: number,
  ) {
    assert(Number.isSafeInteger(sizeBytes) && sizeBytes > 0, 'a backlog has a positive size');
    assert(Number.isSafeInteger(startOffset) && startOffset >= 0, 'a backlog starts at a non-negative offset');
    this.buffer = Buffer.alloc(sizeBytes);
    this.lastOffset = startOffset;
  }

  get sizeBytes(): number {
    return this.buffer.length;
  }

  get historyLength(): number {
    return this.historyBytes;
  }

  /** The offset of the last byte fed (master_repl_offset). */
  get masterOffset(): number {
    return this.lastOffset;
  }

  /** repl_backlog_first_byte_offset: the oldest offset still held. */
  get firstByteOffset(): number {
    return this.lastOffset - this.historyBytes + 1;
  }

  append(data: Uint8Array): void {
    this.lastOffset += data.length;
    const size = this.buffer.length;
    const source = data.length > size ? data.subarray(data.length - size) : data;
    let copied = 0;
    while (copied < source.length) {
      const chunk = Math.min(size - this.writeIndex, source.length - copied);
      this.buffer.set(source.subarray(copied, copied + chunk), this.writeIndex);
      this.writeIndex = (this.writeIndex + chunk) % size;
      copied += chunk;
    }
    this.historyBytes = Math.min(size, this.historyBytes + data.length);
  }

  /** True if a replica asking to continue from `offset` (its next wanted byte) can be served from here. */
  holds(offset: number): boolean {
    if (this.historyBytes === 0) return offset === this.lastOffset + 1;
    return offset >= this.firstByteOffset && offset <= this.lastOffset + 1;
  }

  /** The bytes from `offset` (inclusive) to the end of the stream (addReplyReplicationBacklog). */
  bytesFrom(offset: number): Buffer {
    assert(this.holds(offset), 'the backlog holds the offset asked for');
    const wanted = this.lastOffset + 1 - offset;
    if (wanted === 0) return Buffer.alloc(0);
    const size = this.buffer.length;
    const start = (this.writeIndex - wanted + size * 2) % size;
    if (start + wanted <= size) return Buffer.from(this.buffer.subarray(start, start + wanted));
    return Buffer.concat([this.buffer.subarray(start), this.buffer.subarray(0, wanted - (size - start))]);
  }

  /** CONFIG SET repl-backlog-size: keeps the newest bytes that fit. */
  resize(sizeBytes: number): void {
    assert(Number.isSafeInteger(sizeBytes) && sizeBytes > 0, 'a backlog has a positive size');
    if (sizeBytes === this.buffer.length) return;
    const kept = this.bytesFrom(this.firstByteOffset);
    const tail = kept.length > sizeBytes ? kept.subarray(kept.length - sizeBytes) : kept;
    this.buffer = Buffer.alloc(sizeBytes);
    this.buffer.set(tail, 0);
    this.writeIndex = tail.length % sizeBytes;
    this.historyBytes = tail.length;
  }
}
