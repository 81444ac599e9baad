import type { ByteReader } from './byte-reader.js';
import type { ByteWriter } from './byte-writer.js';
import { RDB_14BITLEN, RDB_32BITLEN, RDB_64BITLEN, RDB_6BITLEN, RDB_ENCVAL } from './rdb-constants.js';

const UINT32_MAX = 0xffffffff;

/** rdbSaveLen: 6, 14, 32 or 64 bits, big-endian beyond the first byte. */
export function writeLength(writer: ByteWriter, length: number): void {
  if (length < 1 << 6) {
    writer.byte((RDB_6BITLEN << 6) | length);
  } else if (length < 1 << 14) {
    writer.byte(((length >>> 8) & 0xff) | (RDB_14BITLEN << 6)).byte(length & 0xff);
  } else if (length <= UINT32_MAX) {
    writer.byte(RDB_32BITLEN).uint32BE(length);
  } else {
    writer.byte(RDB_64BITLEN).bigUint64BE(BigInt(length));
  }
}

/** A length, or the special encoding number when the byte says RDB_ENCVAL. */
export type LengthOrEncoding = { readonly encoded: false; readonly length: number } | { readonly encoded: true; readonly encoding: number };

/** rdbLoadLen */
export function readLengthOrEncoding(reader: ByteReader, what: string): LengthOrEncoding {
  const start = reader.position;
  const first = reader.byte(what);
  const kind = (first & 0xc0) >>> 6;
  if (kind === RDB_ENCVAL) return { encoded: true, encoding: first & 0x3f };
  if (kind === RDB_6BITLEN) return { encoded: false, length: first & 0x3f };
  if (kind === RDB_14BITLEN) return { encoded: false, length: ((first & 0x3f) << 8) | reader.byte(what) };
  if (first === RDB_32BITLEN) return { encoded: false, length: reader.uint32BE(what) };
  if (first === RDB_64BITLEN) {
    const value = reader.bigUint64BE(what);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) reader.fail(`${what}: length ${value} is too large`, start);
    return { encoded: false, length: Number(value) };
  }
  return reader.fail(`unknown length encoding ${first} in ${what}`, start);
}

/** A plain length (an encoded value is corruption here). */
export function readLength(reader: ByteReader, what: string): number {
  const start = reader.position;
  const result = readLengthOrEncoding(reader, what);
  if (result.encoded) return reader.fail(`expected a length for ${what}, found special encoding ${result.encoding}`, start);
  return result.length;
}

/** A length that counts items each at least `minimumBytesEach` long: refuses counts the remaining bytes cannot hold. */
export function readCount(reader: ByteReader, what: string, minimumBytesEach = 1): number {
  const start = reader.position;
  const count = readLength(reader, what);
  if (count * minimumBytesEach > reader.remaining) reader.fail(`${what}: ${count} items cannot fit in the ${reader.remaining} bytes left`, start);
  return count;
}
