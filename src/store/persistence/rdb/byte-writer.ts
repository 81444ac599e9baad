/**
 * A growable byte buffer for building RDB files, DUMP payloads and AOF
 * text: appends only, amortised growth.
 */
export class ByteWriter {
  private buffer: Buffer;
  private length = 0;

  constructor(initialCapacity = 256) {
    this.buffer = Buffer.allocUnsafe(Math.max(16, initialCapacity));
  }

  get size(): number {
    return this.length;
  }

  byte(value: number): this {
    this.reserve(1);
    this.buffer[this.length++] = value & 0xff;
    return this;
  }

  bytes(data: Uint8Array): this {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
    return this;
  }

  latin1(text: string): this {
    this.reserve(text.length);
    this.length += this.buffer.write(text, this.length, 'latin1');
    return this;
  }

  uint16LE(value: number): this {
    this.reserve(2);
    this.length = this.buffer.writeUInt16LE(value, this.length);
    return this;
  }

  uint32LE(value: number): this {
    this.reserve(4);
    this.length = this.buffer.writeUInt32LE(value >>> 0, this.length);
    return this;
  }

  uint32BE(value: number): this {
    this.reserve(4);
    this.length = this.buffer.writeUInt32BE(value >>> 0, this.length);
    return this;
  }

  bigUint64BE(value: bigint): this {
    this.reserve(8);
    this.length = this.buffer.writeBigUInt64BE(value, this.length);
    return this;
  }

  bigInt64LE(value: bigint): this {
    this.reserve(8);
    this.length = this.buffer.writeBigInt64LE(value, this.length);
    return this;
  }

  doubleLE(value: number): this {
    this.reserve(8);
    this.length = this.buffer.writeDoubleLE(value, this.length);
    return this;
  }

  /** A view of what was written (valid until the next write). */
  view(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** A copy of what was written. */
  toBuffer(): Buffer {
    return Buffer.from(this.view());
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const grown = Buffer.allocUnsafe(capacity);
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
