/** The bytes a replica has read from its master and not consumed yet, with line and length reads. */
export class LinkInput {
  private buffer: Buffer = Buffer.alloc(0);

  append(data: Uint8Array): void {
    this.buffer = this.buffer.length === 0 ? Buffer.from(data) : Buffer.concat([this.buffer, data]);
  }

  get length(): number {
    return this.buffer.length;
  }

  /** The next `\n`-terminated line without its `\r\n`, or undefined if none is complete. */
  readLine(): string | undefined {
    const newline = this.buffer.indexOf(0x0a);
    if (newline === -1) return undefined;
    const end = newline > 0 && this.buffer[newline - 1] === 0x0d ? newline - 1 : newline;
    const line = this.buffer.subarray(0, end).toString('latin1');
    this.buffer = this.buffer.subarray(newline + 1);
    return line;
  }

  /** Takes up to `count` bytes. */
  take(count: number): Buffer {
    const taken = this.buffer.subarray(0, Math.min(count, this.buffer.length));
    this.buffer = this.buffer.subarray(taken.length);
    return Buffer.from(taken);
  }

  /** Takes everything. */
  takeAll(): Buffer {
    const all = this.buffer;
    this.buffer = Buffer.alloc(0);
    return all;
  }

  /** Index of `needle` in what is buffered, or -1. */
  indexOf(needle: Buffer): number {
    return this.buffer.indexOf(needle);
  }
}
