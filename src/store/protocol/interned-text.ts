import { Buffer } from 'node:buffer';
import { assert } from '../../core/assert.js';

/**
 * The latin1 text of short byte strings that repeat from request to request
 * (command names), found by their bytes: a hit costs a hash and a compare
 * instead of decoding a new string (decoding is a call into the runtime,
 * several times the cost of the lookup). A fixed table, overwritten on
 * collision: bounded memory whatever clients send.
 */
const SLOTS = 256;
/** Longer byte strings are not interned (command names are at most ~20 bytes). */
export const INTERNED_TEXT_BYTES_MAX = 24;

export class InternedTexts {
  private readonly texts: string[];
  /** Per slot, the text's bytes as a Buffer nobody writes into, made when first asked for (see lastSharedBytes). */
  private readonly sharedBytes: (Buffer | undefined)[];
  private readonly slotMask: number;
  private lastSlot = -1;

  /** `slots`: a power of two. */
  constructor(slots = SLOTS) {
    assert(slots > 0 && (slots & (slots - 1)) === 0, 'interned text slots are a power of two');
    this.texts = new Array<string>(slots).fill('');
    this.sharedBytes = new Array<Buffer | undefined>(slots).fill(undefined);
    this.slotMask = slots - 1;
  }

  /** data[start, end) as latin1 text; undefined when empty or longer than INTERNED_TEXT_BYTES_MAX. */
  textOf(data: Buffer, start: number, end: number): string | undefined {
    const length = end - start;
    if (length === 0 || length > INTERNED_TEXT_BYTES_MAX) return undefined;
    let hash = length;
    for (let index = start; index < end; index++) hash = (Math.imul(hash, 31) + (data[index] as number)) | 0;
    return this.textOfHashed(data, start, end, hash);
  }

  /**
   * textOf for a caller that computed the hash while passing over the bytes
   * (the parser, as it copies an argument), the way textOf does: from the
   * length, hash = hash * 31 + byte (int32) per byte. Any other hash still
   * gives the right text, only a worse slot.
   */
  textOfHashed(data: Buffer, start: number, end: number, hash: number): string {
    const length = end - start;
    assert(length > 0 && length <= INTERNED_TEXT_BYTES_MAX, 'an interned text is short and not empty');
    const slot = hash & this.slotMask;
    this.lastSlot = slot;
    const known = this.texts[slot] as string;
    // A latin1 text has one char per byte: compared to the bytes without keeping a copy of them.
    if (known.length === length && sameBytes(known, data, start)) return known;
    const text = data.toString('latin1', start, end);
    this.texts[slot] = text;
    this.sharedBytes[slot] = undefined;
    return text;
  }

  /**
   * The bytes of the text the last textOf/textOfHashed answered, as one
   * Buffer shared by every caller that asks for the same text: callers must
   * never write into it (command names: the parser hands the same argv[0]
   * to every SET instead of a new Buffer per request).
   */
  lastSharedBytes(): Buffer {
    const slot = this.lastSlot;
    assert(slot >= 0, 'a text was looked up before its shared bytes are asked for');
    let bytes = this.sharedBytes[slot];
    if (bytes === undefined) {
      bytes = Buffer.from(this.texts[slot] as string, 'latin1');
      this.sharedBytes[slot] = bytes;
    }
    return bytes;
  }
}

function sameBytes(text: string, data: Buffer, start: number): boolean {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) !== data[start + index]) return false;
  }
  return true;
}
