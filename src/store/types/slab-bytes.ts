/**
 * Small Buffers carved out of shared slabs, the way Node's own Buffer pool
 * carves them (a Uint8Array subclass on Buffer's prototype, over a region of
 * a larger ArrayBuffer): several times cheaper than `Buffer.from` or
 * `subarray` for the short keys, values and arguments the store copies on
 * every command. A region handed out is never written again; a full slab is
 * left to the views that still hold it.
 */
import { Buffer } from 'node:buffer';

class SlabView extends Uint8Array {}
Object.setPrototypeOf(SlabView.prototype, Buffer.prototype);

/** A Buffer over `length` bytes of `slab` from `start` (no copy). */
export function slabView(slab: ArrayBuffer, start: number, length: number): Buffer {
  return new SlabView(slab, start, length) as unknown as Buffer;
}

/** Copies of small byte strings, written once into slabs of `slabBytes`. */
export class SlabCopier {
  private slab: ArrayBuffer;
  private slabBytes: Uint8Array;
  private writeAt = 0;

  constructor(private readonly slabSize: number) {
    this.slab = new ArrayBuffer(slabSize);
    this.slabBytes = new Uint8Array(this.slab);
  }

  /** A copy of `data` (its own allocation when it would take more than an eighth of a slab). */
  copy(data: Uint8Array): Buffer {
    const length = data.length;
    if (length > this.slabSize >> 3) return Buffer.from(data);
    if (this.writeAt + length > this.slabSize) this.startSlab();
    const start = this.writeAt;
    this.slabBytes.set(data, start);
    this.writeAt = start + length;
    return slabView(this.slab, start, length);
  }

  /** A copy of text whose chars are all below 0x80 (the caller checked), as its bytes. */
  copyAsciiText(text: string): Buffer {
    const length = text.length;
    if (length > this.slabSize >> 3) return Buffer.from(text, 'latin1');
    if (this.writeAt + length > this.slabSize) this.startSlab();
    const start = this.writeAt;
    const bytes = this.slabBytes;
    for (let index = 0; index < length; index++) bytes[start + index] = text.charCodeAt(index);
    this.writeAt = start + length;
    return slabView(this.slab, start, length);
  }

  private startSlab(): void {
    this.slab = new ArrayBuffer(this.slabSize);
    this.slabBytes = new Uint8Array(this.slab);
    this.writeAt = 0;
  }
}
