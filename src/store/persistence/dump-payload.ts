import type { RedisObject } from '../keyspace/object.js';
import { ByteReader, CorruptData } from './rdb/byte-reader.js';
import { ByteWriter } from './rdb/byte-writer.js';
import { Crc64 } from './rdb/crc64.js';
import { RDB_VERSION } from './rdb/rdb-constants.js';
import { EMPTY_KEY, readValue, type ValueReadContext } from './rdb/rdb-value-reader.js';
import { rdbTypeOf, writeValue, type ValueWriteOptions } from './rdb/rdb-value-writer.js';

/** Version (2 bytes) and CRC64 (8 bytes) after the serialized value. */
const FOOTER_BYTES = 10;

/** createDumpPayload: type byte, value as RDB serializes it, RDB version (LE), CRC64 of all before (LE). */
export function createDumpPayload(value: RedisObject, options: ValueWriteOptions): Buffer {
  const writer = new ByteWriter(64);
  writer.byte(rdbTypeOf(value));
  writeValue(writer, value, options);
  writer.uint16LE(RDB_VERSION);
  writer.bytes(new Crc64().update(writer.view()).littleEndianBytes());
  return writer.toBuffer();
}

/** verifyDumpPayload: at least the footer, a version we read, a matching checksum. */
export function verifyDumpPayload(payload: Buffer): boolean {
  if (payload.length < FOOTER_BYTES) return false;
  const footer = payload.length - FOOTER_BYTES;
  if (payload.readUInt16LE(footer) > RDB_VERSION) return false;
  const checksum = new Crc64().update(payload, 0, payload.length - 8).littleEndianBytes();
  return checksum.equals(payload.subarray(payload.length - 8));
}

/** rdbLoadObjectType + rdbLoadObject over a verified payload; undefined for "Bad data format". */
export function readDumpPayload(payload: Buffer, context: ValueReadContext): RedisObject | undefined {
  const body = payload.subarray(0, payload.length - FOOTER_BYTES);
  const reader = new ByteReader(body);
  try {
    const type = reader.byte('object type');
    const value = readValue(reader, type, context);
    return value === EMPTY_KEY ? undefined : value;
  } catch (error: unknown) {
    if (error instanceof CorruptData) return undefined;
    throw error;
  }
}
