import type { RedisObject } from '../../keyspace/object.js';
import { REDIS_VERSION } from '../../server/version.js';
import { ByteWriter } from './byte-writer.js';
import { Crc64 } from './crc64.js';
import { RDB_MAGIC, RDB_VERSION, rdbOpcodes } from './rdb-constants.js';
import { writeLength } from './rdb-length.js';
import { writeFunctionLibraries } from './rdb-functions.js';
import { writeString } from './rdb-string.js';
import { rdbTypeOf, writeValue, type ValueWriteOptions } from './rdb-value-writer.js';

/** One key as the RDB writer sees it. */
export interface RdbKeyEntry {
  readonly key: Buffer;
  readonly value: RedisObject;
  /** Absolute expiry in ms since the epoch. */
  readonly expireAtMs: number | undefined;
  /** RDB_OPCODE_IDLE (written under an LRU maxmemory policy). */
  readonly idleSeconds?: number;
  /** RDB_OPCODE_FREQ (written under an LFU maxmemory policy). */
  readonly lfuCounter?: number;
}

export interface RdbDatabaseSource {
  readonly id: number;
  readonly size: number;
  readonly expiresCount: number;
  entries(): Iterable<RdbKeyEntry>;
}

/**
 * The databases to write; the function libraries' codes, when present, go
 * before them (rdbSaveFunctions). They ride on the list so that every
 * writer of `databaseSources(node)` saves them.
 */
export type RdbDatasetSource = readonly RdbDatabaseSource[] & { readonly functionLibraries?: readonly Buffer[] };

export interface RdbReplicationInfo {
  readonly streamDb: number;
  readonly replicationId: string;
  readonly offset: number;
}

export interface RdbWriteOptions extends ValueWriteOptions {
  /** rdbchecksum: without it the trailing checksum is 0 (loaders skip the check). */
  readonly checksum: boolean;
  /** The ctime aux field, UNIX seconds. */
  readonly ctimeSeconds: number;
  /** The used-mem aux field. */
  readonly usedMemoryBytes: number;
  /** The aof-base aux field: 1 for the base file of a multi-part AOF. */
  readonly aofBase: boolean;
  /** repl-stream-db / repl-id / repl-offset aux fields (rdbPopulateSaveInfo), when replication has them. */
  readonly replication?: RdbReplicationInfo;
  /** Counts abstract work (keys written) for the complexity reports. */
  readonly countSteps?: (count: number) => void;
}

function writeAux(writer: ByteWriter, name: string, value: string, options: RdbWriteOptions): void {
  writer.byte(rdbOpcodes.aux);
  writeString(writer, Buffer.from(name, 'latin1'), options);
  writeString(writer, Buffer.from(value, 'latin1'), options);
}

/** rdbSaveInfoAuxFields */
function writeAuxFields(writer: ByteWriter, options: RdbWriteOptions): void {
  writeAux(writer, 'redis-ver', REDIS_VERSION, options);
  writeAux(writer, 'redis-bits', '64', options);
  writeAux(writer, 'ctime', String(options.ctimeSeconds), options);
  writeAux(writer, 'used-mem', String(options.usedMemoryBytes), options);
  if (options.replication !== undefined) {
    writeAux(writer, 'repl-stream-db', String(options.replication.streamDb), options);
    writeAux(writer, 'repl-id', options.replication.replicationId, options);
    writeAux(writer, 'repl-offset', String(options.replication.offset), options);
  }
  writeAux(writer, 'aof-base', options.aofBase ? '1' : '0', options);
}

/** rdbSaveKeyValuePair */
function writeKey(writer: ByteWriter, entry: RdbKeyEntry, options: RdbWriteOptions): void {
  if (entry.expireAtMs !== undefined) writer.byte(rdbOpcodes.expireTimeMs).bigInt64LE(BigInt(Math.trunc(entry.expireAtMs)));
  if (entry.idleSeconds !== undefined) {
    writer.byte(rdbOpcodes.idle);
    writeLength(writer, Math.max(0, Math.floor(entry.idleSeconds)));
  }
  if (entry.lfuCounter !== undefined) writer.byte(rdbOpcodes.freq).byte(entry.lfuCounter);
  writer.byte(rdbTypeOf(entry.value));
  writeString(writer, entry.key, options);
  writeValue(writer, entry.value, options);
}

/** rdbSaveDb: SELECTDB, RESIZEDB, then every key; nothing for an empty database. */
function writeDatabase(writer: ByteWriter, database: RdbDatabaseSource, options: RdbWriteOptions): void {
  if (database.size === 0) return;
  writer.byte(rdbOpcodes.selectDb);
  writeLength(writer, database.id);
  writer.byte(rdbOpcodes.resizeDb);
  writeLength(writer, database.size);
  writeLength(writer, database.expiresCount);
  let keys = 0;
  for (const entry of database.entries()) {
    writeKey(writer, entry, options);
    keys++;
  }
  options.countSteps?.(keys);
}

/** rdbSaveRio: a whole RDB version 10 file of these databases, as Redis 7.0 writes it. */
export function writeRdb(databases: RdbDatasetSource, options: RdbWriteOptions): Buffer {
  const writer = new ByteWriter(4096);
  writer.latin1(`${RDB_MAGIC}${String(RDB_VERSION).padStart(4, '0')}`);
  writeAuxFields(writer, options);
  writeFunctionLibraries(writer, databases.functionLibraries ?? [], options);
  for (const database of databases) writeDatabase(writer, database, options);
  writer.byte(rdbOpcodes.eof);
  const checksum = options.checksum ? new Crc64().update(writer.view()).littleEndianBytes() : Buffer.alloc(8);
  writer.bytes(checksum);
  return writer.toBuffer();
}
