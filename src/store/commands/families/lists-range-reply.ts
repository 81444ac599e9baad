/**
 * addListRangeReply's bulk strings, encoded straight from the list's packed
 * nodes into one piece of protocol: no Buffer per element. A bulk string is
 * `$<length>\r\n<bytes>\r\n` in RESP2 and RESP3 alike, so one encoding
 * serves both; the array header goes through the writer as usual.
 */
import type { ReplyWriter } from '../../protocol/reply-writer.js';
import type { ListValue } from '../../types/list.js';
import type { ElementVisitor } from '../../types/list-packed-node.js';
import { slabView } from '../../types/slab-bytes.js';
import { assert } from '../../../core/assert.js';

const DOLLAR = 0x24;
const CR = 0x0d;
const LF = 0x0a;
const ZERO = 0x30;
/** Elements shorter than this are copied byte by byte (cheaper than a native copy call for a few bytes). */
const LOOP_COPY_BYTES_MAX = 32;

function decimalDigits(value: number): number {
  if (value < 10) return 1;
  if (value < 100) return 2;
  let digits = 3;
  for (let rest = (value / 1000) | 0; rest > 0; rest = (rest / 10) | 0) digits++;
  return digits;
}

/** Writes `value` (a length: a non-negative int32) in decimal at `at`; returns the position after it. */
function writeDecimal(target: Uint8Array, at: number, value: number): number {
  if (value < 10) {
    target[at] = ZERO + value;
    return at + 1;
  }
  const digits = decimalDigits(value);
  let rest = value;
  for (let index = digits - 1; index >= 0; index--) {
    const quotient = (rest / 10) | 0;
    target[at + index] = ZERO + (rest - quotient * 10);
    rest = quotient;
  }
  return at + digits;
}

/**
 * Encoded replies are written into write-once slabs (as slab-bytes.ts
 * carves its copies): a region is never written again once handed to the
 * reply writer, so the writer may copy it or keep it, and a small reply
 * costs no Buffer allocation of its own.
 */
const ENCODING_SLAB_BYTES = 64 * 1024;
let encodingSlab = new ArrayBuffer(ENCODING_SLAB_BYTES);
let encodingSlabBytes = new Uint8Array(encodingSlab);
let encodingSlabUsed = 0;

/** Writes `$<length>\r\n<bytes>\r\n` per element it sees into `target` from `at` on. */
class BulkEncoder implements ElementVisitor {
  target: Uint8Array = encodingSlabBytes;
  at = 0;

  element(bytes: Uint8Array, begin: number, length: number): void {
    const target = this.target;
    let at = this.at;
    target[at++] = DOLLAR;
    at = writeDecimal(target, at, length);
    target[at++] = CR;
    target[at++] = LF;
    if (length <= LOOP_COPY_BYTES_MAX) {
      for (let index = 0; index < length; index++) target[at + index] = bytes[begin + index] as number;
    } else {
      target.set(bytes.subarray(begin, begin + length), at);
    }
    at += length;
    target[at++] = CR;
    target[at++] = LF;
    this.at = at;
  }
}

// One serves every reply: commands run one at a time, and it does not outlive the call.
const bulkEncoder = new BulkEncoder();

/** Points bulkEncoder at a fresh region with room for `bytesMax`. */
function startRegion(bytesMax: number): void {
  if (bytesMax > ENCODING_SLAB_BYTES >> 3) {
    bulkEncoder.target = Buffer.allocUnsafe(bytesMax);
    bulkEncoder.at = 0;
    return;
  }
  if (encodingSlabUsed + bytesMax > ENCODING_SLAB_BYTES) {
    encodingSlab = new ArrayBuffer(ENCODING_SLAB_BYTES);
    encodingSlabBytes = new Uint8Array(encodingSlab);
    encodingSlabUsed = 0;
  }
  bulkEncoder.target = encodingSlabBytes;
  bulkEncoder.at = encodingSlabUsed;
}

/** The region bulkEncoder wrote since `regionStart`, as a Buffer; the slab's unused tail stays free. */
function finishRegion(regionStart: number): Buffer {
  const target = bulkEncoder.target;
  if (target !== encodingSlabBytes) return Buffer.from(target.buffer, target.byteOffset + regionStart, bulkEncoder.at - regionStart);
  encodingSlabUsed = bulkEncoder.at;
  return slabView(encodingSlab, regionStart, bulkEncoder.at - regionStart);
}

/** Replies positions [start, end] (clamped, inclusive) of `list` head to tail as an array of bulk strings. */
export function replyListRangeEncoded(reply: ReplyWriter, list: ListValue, start: number, end: number): void {
  const count = end - start + 1;
  reply.arrayHeader(count);
  const dataBytes = list.rangeByteLength(start, end);
  // No element is longer than all of them together: that bounds every length line.
  const bytesMax = dataBytes + count * (1 + decimalDigits(dataBytes) + 4);
  startRegion(bytesMax);
  const regionStart = bulkEncoder.at;
  list.visitRange(start, end, bulkEncoder);
  assert(bulkEncoder.at - regionStart <= bytesMax, 'the encoded range fits its region');
  reply.raw(finishRegion(regionStart));
}
