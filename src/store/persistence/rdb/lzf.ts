import { assert } from '../../../core/assert.js';

/**
 * LZF as liblzf 3.6 (Redis's lzf_c.c / lzf_d.c, VERY_FAST, HLOG 16):
 * compressed runs are literals `000LLLLL` + L+1 bytes, short back
 * references `LLLooooo oooooooo` (L+2 bytes from offset o+1) and long ones
 * `111ooooo LLLLLLLL oooooooo` (L+9 bytes).
 */
const HASH_LOG = 16;
const HASH_SIZE = 1 << HASH_LOG;
const MAX_LITERAL = 1 << 5;
const MAX_OFFSET = 1 << 13;
const MAX_REFERENCE = (1 << 8) + (1 << 3);

/**
 * One hash table for every call (allocating 256 KiB per string would
 * dominate the cost of saving). Slots hold `generation base + position`; a
 * slot below the current call's base is stale, as an uninitialised slot is
 * in liblzf.
 */
const sharedTable = new Int32Array(HASH_SIZE);
let nextBase = 1;

function claimBase(length: number): number {
  if (nextBase + length + 1 >= 0x7fffffff) {
    sharedTable.fill(0);
    nextBase = 1;
  }
  const base = nextBase;
  nextBase += length + 1;
  return base;
}

function hashIndex(value: number): number {
  return (((value >>> (3 * 8 - HASH_LOG)) - value * 5) >>> 0) & (HASH_SIZE - 1);
}

/**
 * Compresses `input` into at most `outputMax` bytes; undefined when the
 * result would not fit (Redis then stores the string uncompressed).
 */
export function lzfCompress(input: Uint8Array, outputMax: number): Uint8Array | undefined {
  if (input.length === 0 || outputMax <= 0) return undefined;
  const table = sharedTable;
  const base = claimBase(input.length);
  const output = new Uint8Array(outputMax + 3);
  const inputEnd = input.length;
  let inputPosition = 0;
  let outputPosition = 1;
  let literalCount = 0;
  let hash = ((input[0] as number) << 8) | (input[1] ?? 0);
  while (inputPosition < inputEnd - 2) {
    hash = ((hash << 8) | (input[inputPosition + 2] as number)) >>> 0;
    const slot = hashIndex(hash);
    const reference = (table[slot] as number) - base;
    table[slot] = base + inputPosition;
    const offset = inputPosition - reference - 1;
    if (reference > 0 && offset < MAX_OFFSET && matchesThree(input, reference, inputPosition)) {
      if (outputPosition + 3 + 1 >= outputMax && outputPosition - (literalCount === 0 ? 1 : 0) + 3 + 1 >= outputMax) return undefined;
      output[outputPosition - literalCount - 1] = literalCount - 1;
      if (literalCount === 0) outputPosition--;
      const length = matchLength(input, reference, inputPosition) - 2;
      inputPosition++;
      if (length < 7) {
        output[outputPosition++] = (offset >>> 8) + (length << 5);
      } else {
        output[outputPosition++] = (offset >>> 8) + (7 << 5);
        output[outputPosition++] = length - 7;
      }
      output[outputPosition++] = offset & 0xff;
      literalCount = 0;
      outputPosition++;
      inputPosition += length + 1;
      if (inputPosition >= inputEnd - 2) break;
      inputPosition -= 2;
      hash = ((input[inputPosition] as number) << 8) | (input[inputPosition + 1] as number);
      for (let step = 0; step < 2; step++) {
        hash = ((hash << 8) | (input[inputPosition + 2] as number)) >>> 0;
        table[hashIndex(hash)] = base + inputPosition;
        inputPosition++;
      }
    } else {
      if (outputPosition >= outputMax) return undefined;
      literalCount++;
      output[outputPosition++] = input[inputPosition++] as number;
      if (literalCount === MAX_LITERAL) {
        output[outputPosition - literalCount - 1] = literalCount - 1;
        literalCount = 0;
        outputPosition++;
      }
    }
  }
  if (outputPosition + 3 > outputMax) return undefined;
  while (inputPosition < inputEnd) {
    literalCount++;
    output[outputPosition++] = input[inputPosition++] as number;
    if (literalCount === MAX_LITERAL) {
      output[outputPosition - literalCount - 1] = literalCount - 1;
      literalCount = 0;
      outputPosition++;
    }
  }
  output[outputPosition - literalCount - 1] = literalCount - 1;
  if (literalCount === 0) outputPosition--;
  assert(outputPosition <= outputMax, 'lzf output stays within its bound');
  return output.subarray(0, outputPosition);
}

function matchesThree(input: Uint8Array, reference: number, position: number): boolean {
  return input[reference] === input[position] && input[reference + 1] === input[position + 1] && input[reference + 2] === input[position + 2];
}

/** The match length (at least 3) between `reference` and `position`, capped as liblzf caps it. */
function matchLength(input: Uint8Array, reference: number, position: number): number {
  const maxLength = Math.min(input.length - position - 2, MAX_REFERENCE);
  let length = 2;
  do length++;
  while (length < maxLength && input[reference + length] === input[position + length]);
  return length;
}

/** Decompresses into exactly `outputLength` bytes; undefined if the data is not valid LZF of that length. */
export function lzfDecompress(input: Uint8Array, outputLength: number): Uint8Array | undefined {
  const output = new Uint8Array(outputLength);
  let inputPosition = 0;
  let outputPosition = 0;
  while (inputPosition < input.length) {
    const control = input[inputPosition++] as number;
    if (control < 32) {
      const length = control + 1;
      if (outputPosition + length > outputLength || inputPosition + length > input.length) return undefined;
      output.set(input.subarray(inputPosition, inputPosition + length), outputPosition);
      outputPosition += length;
      inputPosition += length;
      continue;
    }
    let length = control >>> 5;
    if (length === 7) {
      if (inputPosition >= input.length) return undefined;
      length += input[inputPosition++] as number;
    }
    if (inputPosition >= input.length) return undefined;
    const reference = outputPosition - ((control & 0x1f) << 8) - 1 - (input[inputPosition++] as number);
    length += 2;
    if (outputPosition + length > outputLength || reference < 0) return undefined;
    for (let index = 0; index < length; index++) output[outputPosition++] = output[reference + index] as number;
  }
  return outputPosition === outputLength ? output : undefined;
}
