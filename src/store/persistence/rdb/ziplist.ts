import { ByteReader } from './byte-reader.js';

/**
 * The ziplist blob of Redis before 7.0 (ziplist.c), read only: RDB files of
 * older versions hold lists, hashes and zsets in it (types 10, 12, 13, 14).
 */
const HEADER_BYTES = 10;
const END_MARK = 0xff;

function readEntry(reader: ByteReader): Buffer {
  const what = 'ziplist entry';
  const prevlen = reader.byte(what);
  if (prevlen === 254) reader.uint32LE(what);
  const encoding = reader.byte(what);
  switch (encoding >>> 6) {
    case 0:
      return Buffer.from(reader.bytes(encoding & 0x3f, what));
    case 1:
      return Buffer.from(reader.bytes(((encoding & 0x3f) << 8) | reader.byte(what), what));
    case 2:
      if (encoding !== 0x80) return reader.fail(`invalid ziplist string encoding 0x${encoding.toString(16)}`, reader.position - 1);
      return Buffer.from(reader.bytes(reader.uint32BE(what), what));
    default:
      return readIntegerEntry(reader, encoding);
  }
}

function readIntegerEntry(reader: ByteReader, encoding: number): Buffer {
  const what = 'ziplist integer';
  const text = (value: bigint | number): Buffer => Buffer.from(String(value), 'latin1');
  switch (encoding) {
    case 0xc0:
      return text(reader.bytes(2, what).readInt16LE(0));
    case 0xd0:
      return text(reader.bytes(4, what).readInt32LE(0));
    case 0xe0:
      return text(reader.bigInt64LE(what));
    case 0xf0:
      return text(reader.bytes(3, what).readIntLE(0, 3));
    case 0xfe:
      return text(reader.bytes(1, what).readInt8(0));
    default:
      if (encoding >= 0xf1 && encoding <= 0xfd) return text((encoding & 0x0f) - 1);
      return reader.fail(`invalid ziplist encoding 0x${encoding.toString(16)}`, reader.position - 1);
  }
}

/** Every element of a ziplist blob. */
export function decodeZiplist(blob: Buffer, baseOffset = 0): Buffer[] {
  const reader = new ByteReader(blob, 0, baseOffset);
  const totalBytes = reader.uint32LE('ziplist total bytes');
  reader.uint32LE('ziplist tail offset');
  const count = reader.uint16LE('ziplist length');
  if (totalBytes !== blob.length) reader.fail(`ziplist header says ${totalBytes} bytes, blob has ${blob.length}`, 0);
  const elements: Buffer[] = [];
  while (reader.data[reader.position] !== END_MARK) {
    if (reader.remaining === 0) reader.fail('ziplist without its 0xFF terminator');
    elements.push(readEntry(reader));
  }
  if (reader.position !== blob.length - 1) reader.fail('bytes after the ziplist terminator', reader.position + 1);
  if (count !== 65535 && count !== elements.length) reader.fail(`ziplist header counts ${count} elements, found ${elements.length}`, 8);
  return elements;
}

export const ziplistHeaderBytes = HEADER_BYTES;
