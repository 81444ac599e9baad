import { verifyDumpPayload } from '../../persistence/dump-payload.js';
import { ByteReader, CorruptData } from '../../persistence/rdb/byte-reader.js';
import { ByteWriter } from '../../persistence/rdb/byte-writer.js';
import { Crc64 } from '../../persistence/rdb/crc64.js';
import { RDB_VERSION, rdbOpcodes } from '../../persistence/rdb/rdb-constants.js';
import { readFunctionLibrary, writeFunctionLibraries } from '../../persistence/rdb/rdb-functions.js';

/** RDB version (2 bytes) and CRC64 (8 bytes) after the libraries. */
const FOOTER_BYTES = 10;

/** functionDumpCommand: rdbSaveFunctions, the RDB version (LE) and the CRC64 of all before it (LE). */
export function createFunctionsDump(codes: readonly Buffer[], compress: boolean): Buffer {
  const writer = new ByteWriter(256);
  writeFunctionLibraries(writer, codes, { compress });
  writer.uint16LE(RDB_VERSION);
  writer.bytes(new Crc64().update(writer.view()).littleEndianBytes());
  return writer.toBuffer();
}

/** functionRestoreCommand's reading: the libraries' codes of a verified payload, or Redis's error text. */
export function readFunctionsDump(payload: Buffer): readonly Buffer[] | { readonly error: string } {
  if (!verifyDumpPayload(payload)) return { error: 'DUMP payload version or checksum are wrong' };
  const reader = new ByteReader(payload.subarray(0, payload.length - FOOTER_BYTES));
  const codes: Buffer[] = [];
  try {
    while (reader.position < payload.length - FOOTER_BYTES) {
      const type = reader.byte('function opcode');
      if (type !== rdbOpcodes.function && type !== rdbOpcodes.function2) return { error: 'given type is not a function' };
      codes.push(readFunctionLibrary(reader, type));
    }
  } catch (error: unknown) {
    if (error instanceof CorruptData) return { error: 'Failed loading library payload' };
    throw error;
  }
  return codes;
}
