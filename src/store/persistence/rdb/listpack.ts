import { string2ll } from '../../types/number-parsing.js';
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';

/**
 * Redis 7.0's listpack blob (listpack.c): a 6-byte header (total bytes,
 * element count), entries each followed by its back-length, and 0xFF.
 * Strings that are canonical int64 are stored as integers, as lpAppend does.
 */
const HEADER_BYTES = 6;
const END_MARK = 0xff;
const COUNT_UNKNOWN = 65535;

/** The encoded size of an entry's back-length (lpEncodeBacklen). */
function backlenBytes(entryBytes: number): number {
  if (entryBytes <= 127) return 1;
  if (entryBytes < 16383) return 2;
  if (entryBytes < 2097151) return 3;
  if (entryBytes < 268435455) return 4;
  return 5;
}

function writeBacklen(writer: ByteWriter, entryBytes: number): void {
  const size = backlenBytes(entryBytes);
  // Most significant 7-bit group first; every byte but the first has the high bit set.
  for (let group = size - 1; group >= 0; group--) {
    const bits = Math.floor(entryBytes / 2 ** (7 * group)) & 127;
    writer.byte(group === size - 1 ? bits : bits | 128);
  }
}

function writeIntegerEntry(writer: ByteWriter, value: bigint): number {
  const start = writer.size;
  if (value >= 0n && value <= 127n) {
    writer.byte(Number(value));
  } else if (value >= -4096n && value <= 4095n) {
    const bits = Number(value < 0n ? (1n << 13n) + value : value);
    writer.byte((bits >>> 8) | 0xc0).byte(bits & 0xff);
  } else if (value >= -32768n && value <= 32767n) {
    writer.byte(0xf1).uint16LE(Number(BigInt.asUintN(16, value)));
  } else if (value >= -8388608n && value <= 8388607n) {
    const bits = Number(BigInt.asUintN(24, value));
    writer.byte(0xf2).byte(bits & 0xff).byte((bits >>> 8) & 0xff).byte(bits >>> 16);
  } else if (value >= -2147483648n && value <= 2147483647n) {
    writer.byte(0xf3).uint32LE(Number(BigInt.asUintN(32, value)));
  } else {
    writer.byte(0xf4).bigInt64LE(value);
  }
  return writer.size - start;
}

function writeStringEntry(writer: ByteWriter, data: Uint8Array): number {
  const start = writer.size;
  if (data.length < 64) writer.byte(0x80 | data.length);
  else if (data.length < 4096) writer.byte(0xe0 | (data.length >>> 8)).byte(data.length & 0xff);
  else writer.byte(0xf0).uint32LE(data.length);
  writer.bytes(data);
  return writer.size - start;
}

function integerEntryBytes(value: bigint): number {
  if (value >= 0n && value <= 127n) return 1;
  if (value >= -4096n && value <= 4095n) return 2;
  if (value >= -32768n && value <= 32767n) return 3;
  if (value >= -8388608n && value <= 8388607n) return 4;
  if (value >= -2147483648n && value <= 2147483647n) return 5;
  return 9;
}

/** The size in bytes one element takes in a listpack (entry and back-length). */
export function listpackEntryBytes(element: Buffer): number {
  const value = element.length <= 20 ? string2ll(element) : undefined;
  const entryBytes = value !== undefined ? integerEntryBytes(value) : element.length + (element.length < 64 ? 1 : element.length < 4096 ? 2 : 5);
  return entryBytes + backlenBytes(entryBytes);
}

export const listpackOverheadBytes = HEADER_BYTES + 1;

/** lpNew + lpAppend of every element. */
export function encodeListpack(elements: readonly Buffer[]): Buffer {
  const writer = new ByteWriter(HEADER_BYTES + 1 + elements.reduce((sum, element) => sum + element.length + 3, 0));
  writer.uint32LE(0).uint16LE(0);
  for (const element of elements) {
    const value = string2ll(element);
    const entryBytes = value !== undefined ? writeIntegerEntry(writer, value) : writeStringEntry(writer, element);
    writeBacklen(writer, entryBytes);
  }
  writer.byte(END_MARK);
  const blob = writer.toBuffer();
  blob.writeUInt32LE(blob.length, 0);
  blob.writeUInt16LE(Math.min(elements.length, COUNT_UNKNOWN), 4);
  return blob;
}

/** Decodes one entry at the reader's position (the encoding byte already peeked as `first`). */
function readEntry(reader: ByteReader, first: number): Buffer {
  const what = 'listpack entry';
  reader.position++;
  if ((first & 0x80) === 0) return Buffer.from(String(first & 0x7f), 'latin1');
  if ((first & 0xc0) === 0x80) return Buffer.from(reader.bytes(first & 0x3f, what));
  if ((first & 0xe0) === 0xc0) {
    const bits = ((first & 0x1f) << 8) | reader.byte(what);
    return Buffer.from(String(bits >= 1 << 12 ? bits - (1 << 13) : bits), 'latin1');
  }
  if ((first & 0xf0) === 0xe0) return Buffer.from(reader.bytes(((first & 0x0f) << 8) | reader.byte(what), what));
  switch (first) {
    case 0xf0:
      return Buffer.from(reader.bytes(reader.uint32LE(what), what));
    case 0xf1:
      return Buffer.from(String(reader.bytes(2, what).readInt16LE(0)), 'latin1');
    case 0xf2:
      return Buffer.from(String(reader.bytes(3, what).readIntLE(0, 3)), 'latin1');
    case 0xf3:
      return Buffer.from(String(reader.bytes(4, what).readInt32LE(0)), 'latin1');
    case 0xf4:
      return Buffer.from(reader.bigInt64LE(what).toString(), 'latin1');
    default:
      return reader.fail(`invalid listpack entry encoding 0x${first.toString(16)}`, reader.position - 1);
  }
}

/** Every element of a listpack blob, validating its header, back-lengths and terminator. */
export function decodeListpack(blob: Buffer, baseOffset = 0): Buffer[] {
  const reader = new ByteReader(blob, 0, baseOffset);
  const totalBytes = reader.uint32LE('listpack total bytes');
  const count = reader.uint16LE('listpack element count');
  if (totalBytes !== blob.length) reader.fail(`listpack header says ${totalBytes} bytes, blob has ${blob.length}`, 0);
  const elements: Buffer[] = [];
  for (;;) {
    const first = reader.data[reader.position];
    if (first === undefined) return reader.fail('listpack without its 0xFF terminator');
    if (first === END_MARK) break;
    const entryStart = reader.position;
    elements.push(readEntry(reader, first));
    const entryBytes = reader.position - entryStart;
    const backlen = reader.bytes(backlenBytes(entryBytes), 'listpack entry back-length');
    if (decodeBacklen(backlen) !== entryBytes) reader.fail(`listpack back-length does not match the entry of ${entryBytes} bytes`, entryStart + entryBytes);
  }
  if (reader.position !== blob.length - 1) reader.fail('bytes after the listpack terminator', reader.position + 1);
  if (count !== COUNT_UNKNOWN && count !== elements.length) reader.fail(`listpack header counts ${count} elements, found ${elements.length}`, 4);
  return elements;
}

function decodeBacklen(bytes: Buffer): number {
  let value = 0;
  for (const byte of bytes) value = value * 128 + (byte & 127);
  return value;
}
