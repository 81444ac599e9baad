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
  private readonly keys: (Buffer | undefined)[] = new Array<Buffer | undefined>(SLOTS).fill(undefined);
  private readonly texts: string[] = new Array<string>(SLOTS).fill('');

  /** data[start, end) as latin1 text; undefined when empty or longer than INTERNED_TEXT_BYTES_MAX. */
  textOf(data: Buffer, start: number, end: number): string | undefined {
    const length = end - start;
    if (length === 0 || length > INTERNED_TEXT_BYTES_MAX) return undefined;
    let hash = length;
    for (let index = start; index < end; index++) hash = (Math.imul(hash, 31) + (data[index] as number)) | 0;
    const slot = hash & (SLOTS - 1);
    const key = this.keys[slot];
    if (key !== undefined && key.length === length && sameBytes(key, data, start)) return this.texts[slot] as string;
    const text = data.toString('latin1', start, end);
    this.keys[slot] = Buffer.from(data.subarray(start, end));
    this.texts[slot] = text;
    return text;
  }
}

function sameBytes(key: Buffer, data: Buffer, start: number): boolean {
  for (let index = 0; index < key.length; index++) {
    if (key[index] !== data[start + index]) return false;
  }
  return true;
}
