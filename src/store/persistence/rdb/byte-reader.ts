/**
 * The error a malformed RDB file or payload raises inside the parser: where
 * (byte offset) and what was expected. The loaders catch it at their boundary
 * and return it as a value; it never leaves the persistence layer.
 */
export class CorruptData extends Error {
  override readonly name = 'CorruptData';
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(`at offset ${offset}: ${problem}`);
  }
}

/** A cursor over bytes that fails with CorruptData (offset, expectation) instead of reading past the end. */
export class ByteReader {
  position: number;

  constructor(
    readonly data: Buffer,
    start = 0,
    /** Added to positions in error messages (a blob inside a file). */
    readonly baseOffset = 0,
  ) {
    this.position = start;
  }

  get remaining(): number {
    return this.data.length - this.position;
  }

  fail(problem: string, offset = this.position): never {
    throw new CorruptData(this.baseOffset + offset, problem);
  }

  need(count: number, what: string): void {
    if (count < 0 || this.position + count > this.data.length) {
      this.fail(`unexpected end of data reading ${what} (${count} bytes wanted, ${Math.max(0, this.remaining)} left)`);
    }
  }

  byte(what: string): number {
    this.need(1, what);
    return this.data[this.position++] as number;
  }

  bytes(count: number, what: string): Buffer {
    this.need(count, what);
    const slice = this.data.subarray(this.position, this.position + count);
    this.position += count;
    return slice;
  }

  uint16LE(what: string): number {
    this.need(2, what);
    const value = this.data.readUInt16LE(this.position);
    this.position += 2;
    return value;
  }

  uint32LE(what: string): number {
    this.need(4, what);
    const value = this.data.readUInt32LE(this.position);
    this.position += 4;
    return value;
  }

  uint32BE(what: string): number {
    this.need(4, what);
    const value = this.data.readUInt32BE(this.position);
    this.position += 4;
    return value;
  }

  bigUint64BE(what: string): bigint {
    this.need(8, what);
    const value = this.data.readBigUInt64BE(this.position);
    this.position += 8;
    return value;
  }

  bigInt64LE(what: string): bigint {
    this.need(8, what);
    const value = this.data.readBigInt64LE(this.position);
    this.position += 8;
    return value;
  }

  doubleLE(what: string): number {
    this.need(8, what);
    const value = this.data.readDoubleLE(this.position);
    this.position += 8;
    return value;
  }
}
