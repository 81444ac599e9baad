import { ll2string, string2ll } from '../../types/number-parsing.js';
import type { ByteReader } from './byte-reader.js';
import type { ByteWriter } from './byte-writer.js';
import { RDB_ENC_INT16, RDB_ENC_INT32, RDB_ENC_INT8, RDB_ENC_LZF, RDB_ENCVAL } from './rdb-constants.js';
import { readLength, readLengthOrEncoding, writeLength } from './rdb-length.js';
import { lzfCompress, lzfDecompress } from './lzf.js';

/** Strings of at most this many bytes are tried as integers (rdbSaveRawString). */
const INTEGER_TRY_BYTES_MAX = 11;
/** Strings longer than this are tried with LZF when rdbcompression is on. */
const COMPRESS_BYTES_MIN = 21;

export interface StringWriteOptions {
  /** rdbcompression */
  readonly compress: boolean;
}

/** rdbEncodeInteger: the int8/16/32 special encodings; false when the value needs more. */
function writeEncodedInteger(writer: ByteWriter, value: bigint): boolean {
  if (value >= -128n && value <= 127n) {
    writer.byte((RDB_ENCVAL << 6) | RDB_ENC_INT8).byte(Number(value) & 0xff);
  } else if (value >= -32768n && value <= 32767n) {
    writer.byte((RDB_ENCVAL << 6) | RDB_ENC_INT16).uint16LE(Number(value) & 0xffff);
  } else if (value >= -2147483648n && value <= 2147483647n) {
    writer.byte((RDB_ENCVAL << 6) | RDB_ENC_INT32).uint32LE(Number(value) >>> 0);
  } else {
    return false;
  }
  return true;
}

/** rdbSaveLongLongAsStringObject: an int-encoded string value. */
export function writeIntegerString(writer: ByteWriter, value: bigint): void {
  if (writeEncodedInteger(writer, value)) return;
  const text = ll2string(value);
  writeLength(writer, text.length);
  writer.bytes(text);
}

/** rdbSaveRawString: integer encoding for short canonical integers, LZF when it saves space, else raw. */
export function writeString(writer: ByteWriter, data: Uint8Array, options: StringWriteOptions): void {
  if (data.length <= INTEGER_TRY_BYTES_MAX && data.length > 0) {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.length);
    const value = string2ll(buffer);
    if (value !== undefined && writeEncodedInteger(writer, value)) return;
  }
  if (options.compress && data.length >= COMPRESS_BYTES_MIN && writeCompressed(writer, data)) return;
  writeLength(writer, data.length);
  writer.bytes(data);
}

/** rdbSaveLzfStringObject: only when the compressed form is at least 4 bytes smaller. */
function writeCompressed(writer: ByteWriter, data: Uint8Array): boolean {
  const compressed = lzfCompress(data, data.length - 4);
  if (compressed === undefined) return false;
  writer.byte((RDB_ENCVAL << 6) | RDB_ENC_LZF);
  writeLength(writer, compressed.length);
  writeLength(writer, data.length);
  writer.bytes(compressed);
  return true;
}

/** rdbGenericLoadStringObject: the bytes of a string in any of its encodings. */
export function readString(reader: ByteReader, what: string): Buffer {
  const start = reader.position;
  const header = readLengthOrEncoding(reader, what);
  if (!header.encoded) return Buffer.from(reader.bytes(header.length, what));
  switch (header.encoding) {
    case RDB_ENC_INT8:
      return ll2string(BigInt(reader.bytes(1, what).readInt8(0)));
    case RDB_ENC_INT16:
      return ll2string(BigInt(reader.bytes(2, what).readInt16LE(0)));
    case RDB_ENC_INT32:
      return ll2string(BigInt(reader.bytes(4, what).readInt32LE(0)));
    case RDB_ENC_LZF:
      return readCompressed(reader, what);
    default:
      return reader.fail(`unknown string encoding ${header.encoding} in ${what}`, start);
  }
}

function readCompressed(reader: ByteReader, what: string): Buffer {
  const start = reader.position;
  const compressedLength = readLength(reader, `${what} (compressed length)`);
  const length = readLength(reader, `${what} (uncompressed length)`);
  const compressed = reader.bytes(compressedLength, `${what} (LZF data)`);
  if (length === 0) return reader.fail(`${what}: LZF string of length 0`, start);
  const output = lzfDecompress(compressed, length);
  if (output === undefined) return reader.fail(`${what}: invalid LZF compressed string`, start);
  return Buffer.from(output.buffer, output.byteOffset, output.length);
}
