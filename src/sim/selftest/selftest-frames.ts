import { assert } from '../../core/assert.js';

/**
 * Wire and file formats of the self-test. A message frame carries the
 * sender, the stream's nonce and the message's index on that stream, with a
 * checksum: a receiver can tell a reordered, duplicated, foreign or
 * corrupted frame. A log record carries its own index, so a reader can find
 * the valid prefix of a log after a power loss.
 */
export const FRAME_BYTES = 16;
export const RECORD_BYTES = 32;
const FRAME_MAGIC = 0xa5;
const RECORD_MAGIC = 0x5a;

function checksum32(a: number, b: number, c: number): number {
  let hash = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  hash = Math.imul(hash ^ b ^ (hash >>> 15), 0xc2b2ae35);
  hash = Math.imul(hash ^ c ^ (hash >>> 13), 0x27d4eb2f);
  return (hash ^ (hash >>> 16)) >>> 0;
}

export interface Frame {
  readonly senderIndex: number;
  readonly nonce: number;
  readonly messageIndex: number;
}

function writeUint32(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value >>> 24;
  bytes[offset + 1] = (value >>> 16) & 0xff;
  bytes[offset + 2] = (value >>> 8) & 0xff;
  bytes[offset + 3] = value & 0xff;
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return (((bytes[offset] as number) << 24) | ((bytes[offset + 1] as number) << 16) | ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number)) >>> 0;
}

export function encodeFrame(frame: Frame): Uint8Array {
  const bytes = new Uint8Array(FRAME_BYTES);
  bytes[0] = FRAME_MAGIC;
  bytes[1] = frame.senderIndex;
  writeUint32(bytes, 4, frame.nonce);
  writeUint32(bytes, 8, frame.messageIndex);
  writeUint32(bytes, 12, checksum32(frame.senderIndex, frame.nonce, frame.messageIndex));
  return bytes;
}

/** Decodes one frame; a malformed frame is a broken stream, which the self-test asserts never happens. */
export function decodeFrame(bytes: Uint8Array, offset: number): Frame {
  assert(bytes[offset] === FRAME_MAGIC, 'a stream carries whole frames, in order (magic)');
  const frame = { senderIndex: bytes[offset + 1] as number, nonce: readUint32(bytes, offset + 4), messageIndex: readUint32(bytes, offset + 8) };
  assert(readUint32(bytes, offset + 12) === checksum32(frame.senderIndex, frame.nonce, frame.messageIndex), 'a stream delivers the bytes sent (frame checksum)');
  return frame;
}

/** Splits a byte stream into frames, keeping a partial frame for the next chunk. */
export class FrameReader {
  private pending = new Uint8Array(0);

  push(chunk: Uint8Array): Frame[] {
    const joined = this.pending.length === 0 ? chunk : concatBytes(this.pending, chunk);
    const frames: Frame[] = [];
    let offset = 0;
    for (; offset + FRAME_BYTES <= joined.length; offset += FRAME_BYTES) frames.push(decodeFrame(joined, offset));
    this.pending = offset === joined.length ? new Uint8Array(0) : joined.slice(offset);
    return frames;
  }
}

function concatBytes(left: Uint8Array, right: Uint8Array): Uint8Array {
  const joined = new Uint8Array(left.length + right.length);
  joined.set(left);
  joined.set(right, left.length);
  return joined;
}

function readUint16(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] as number) << 8) | (bytes[offset + 1] as number);
}

export function encodeRecord(hostIndex: number, recordIndex: number, incarnation: number): Uint8Array {
  const bytes = new Uint8Array(RECORD_BYTES);
  const incarnationLow = incarnation & 0xffff;
  bytes[0] = RECORD_MAGIC;
  bytes[1] = hostIndex;
  bytes[2] = incarnationLow >>> 8;
  bytes[3] = incarnationLow & 0xff;
  writeUint32(bytes, 4, recordIndex);
  writeUint32(bytes, 8, checksum32(hostIndex, recordIndex, incarnationLow));
  for (let offset = 12; offset < RECORD_BYTES; offset++) bytes[offset] = (recordIndex * 7 + offset) & 0xff;
  return bytes;
}

function isValidRecord(bytes: Uint8Array, offset: number, hostIndex: number, recordIndex: number): boolean {
  if (bytes[offset] !== RECORD_MAGIC || bytes[offset + 1] !== hostIndex || readUint32(bytes, offset + 4) !== recordIndex) return false;
  if (readUint32(bytes, offset + 8) !== checksum32(hostIndex, recordIndex, readUint16(bytes, offset + 2))) return false;
  for (let position = 12; position < RECORD_BYTES; position++) {
    if (bytes[offset + position] !== ((recordIndex * 7 + position) & 0xff)) return false;
  }
  return true;
}

/** How many whole valid records the log starts with (record i at offset 32·i, carrying index i). */
export function validRecordCount(log: Uint8Array, hostIndex: number): number {
  let count = 0;
  while ((count + 1) * RECORD_BYTES <= log.length && isValidRecord(log, count * RECORD_BYTES, hostIndex, count)) count++;
  return count;
}

/** A snapshot file: a version and a fixed body, checksummed. */
export const SNAPSHOT_BYTES = 600;

export function encodeSnapshot(hostIndex: number, version: number): Uint8Array {
  const bytes = new Uint8Array(SNAPSHOT_BYTES);
  writeUint32(bytes, 0, version);
  writeUint32(bytes, 4, checksum32(hostIndex, version, SNAPSHOT_BYTES));
  for (let offset = 8; offset < SNAPSHOT_BYTES; offset++) bytes[offset] = (version * 13 + offset + hostIndex) & 0xff;
  return bytes;
}
