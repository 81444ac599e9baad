/**
 * A 64-bit FNV-1a hash kept as two 32-bit halves, so it is exact in plain JS
 * numbers and identical on every machine and process. Used for trace hashes.
 */
const FNV_OFFSET_HIGH = 0xcbf29ce4;
const FNV_OFFSET_LOW = 0x84222325;

export class Fnv64 {
  private high = FNV_OFFSET_HIGH;
  private low = FNV_OFFSET_LOW;

  /** Folds the UTF-16 code units of `text` (each split into two bytes). */
  updateString(text: string): this {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      this.updateByte(code & 0xff);
      this.updateByte(code >>> 8);
    }
    return this;
  }

  updateBytes(data: Uint8Array): this {
    for (const byte of data) this.updateByte(byte);
    return this;
  }

  /** Folds a number by its decimal text, which is stable for integers and doubles alike. */
  updateNumber(value: number): this {
    return this.updateString(String(value)).updateByte(0x1f);
  }

  updateByte(byte: number): this {
    let low = (this.low ^ byte) >>> 0;
    let high = this.high;
    // Multiply (high, low) by the FNV prime 0x100000001b3 modulo 2^64.
    const lowTimesPrimeLow = low * 0x1b3;
    const carry = Math.floor(lowTimesPrimeLow / 0x100000000);
    const newLow = lowTimesPrimeLow >>> 0;
    high = (Math.imul(high, 0x1b3) + Math.imul(low, 0x100) + carry) >>> 0;
    low = newLow;
    this.high = high;
    this.low = low;
    return this;
  }

  hex(): string {
    return this.high.toString(16).padStart(8, '0') + this.low.toString(16).padStart(8, '0');
  }
}

export function fnv64Hex(text: string): string {
  return new Fnv64().updateString(text).hex();
}

/** A 32-bit FNV-1a of a string: used to derive PRNG stream seeds from names. */
export function fnv32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
