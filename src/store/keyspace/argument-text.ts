/**
 * The latin1 text of a few argument Buffers of the running command, when
 * the caller already had it (the embedded store gets ASCII strings, whose
 * text is their latin1 text). The keyspace names keys by that text
 * (`binaryKey`), and dispatch looks commands up by it: decoding the bytes
 * again costs more than the rest of a GET.
 *
 * Only argument Buffers that are never written to again are remembered
 * (the embedded store's write-once slabs), so a Buffer and its text stay
 * equal for as long as either lives; a Buffer not remembered is decoded.
 */
const REMEMBERED_MAX = 4;
const rememberedBuffers: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(REMEMBERED_MAX).fill(undefined);
const rememberedTexts: string[] = new Array<string>(REMEMBERED_MAX).fill('');

/** Remembers `text` for argument `index` (only the first REMEMBERED_MAX arguments are). */
export function rememberArgumentText(index: number, data: Uint8Array, text: string): void {
  if (index >= REMEMBERED_MAX) return;
  rememberedBuffers[index] = data;
  rememberedTexts[index] = text;
}

/** The remembered latin1 text of `data`, or undefined. */
export function rememberedArgumentText(data: Uint8Array): string | undefined {
  if (data === rememberedBuffers[0]) return rememberedTexts[0];
  if (data === rememberedBuffers[1]) return rememberedTexts[1];
  if (data === rememberedBuffers[2]) return rememberedTexts[2];
  if (data === rememberedBuffers[3]) return rememberedTexts[3];
  return undefined;
}
