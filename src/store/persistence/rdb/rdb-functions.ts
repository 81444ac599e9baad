import type { ByteReader } from './byte-reader.js';
import type { ByteWriter } from './byte-writer.js';
import { rdbOpcodes } from './rdb-constants.js';
import { readLength } from './rdb-length.js';
import { readString, writeString, type StringWriteOptions } from './rdb-string.js';

/** rdbSaveFunctions: RDB_OPCODE_FUNCTION2 and the library's whole code, per library. */
export function writeFunctionLibraries(writer: ByteWriter, codes: readonly Buffer[], options: StringWriteOptions): void {
  for (const code of codes) {
    writer.byte(rdbOpcodes.function2);
    writeString(writer, code, options);
  }
}

/**
 * rdbFunctionLoad's parsing (after the opcode): FUNCTION2 is the code; the
 * FUNCTION of 7.0 rc1/rc2 carries name, engine and an optional description
 * apart, and becomes `#!<engine> name=<name>\n<code>` as Redis rebuilds it.
 */
export function readFunctionLibrary(reader: ByteReader, opcode: number): Buffer {
  if (opcode === rdbOpcodes.function2) return readString(reader, 'function library payload');
  const name = readString(reader, 'function library name');
  const engine = readString(reader, 'function engine name');
  if (readLength(reader, 'function library description indicator') !== 0) readString(reader, 'function library description');
  const blob = readString(reader, 'function library blob');
  return Buffer.concat([Buffer.from('#!'), engine, Buffer.from(' name='), name, Buffer.from('\n'), blob]);
}
