import { InputError } from '../../../core/errors.js';
import { binaryKey, type RedisObject } from '../../keyspace/object.js';
import { ByteReader, CorruptData } from './byte-reader.js';
import { Crc64 } from './crc64.js';
import { RDB_MAGIC, RDB_VERSION, rdbOpcodes } from './rdb-constants.js';
import { readFunctionLibrary } from './rdb-functions.js';
import { readLength } from './rdb-length.js';
import { readString } from './rdb-string.js';
import { EMPTY_KEY, readValue, type ValueReadContext } from './rdb-value-reader.js';

/** One key read from an RDB file. */
export interface LoadedKey {
  readonly key: Buffer;
  readonly value: RedisObject;
  readonly expireAtMs: number | undefined;
  readonly idleSeconds: number | undefined;
  readonly lfuFrequency: number | undefined;
}

/** Keys by database index, in file order; and the function libraries' codes, in file order. */
export type LoadedDatabases = ReadonlyMap<number, readonly LoadedKey[]> & { readonly functionLibraries?: readonly Buffer[] };

export interface LoadedRdb {
  readonly version: number;
  readonly aux: ReadonlyMap<string, Buffer>;
  /** Keys by database index, in file order, carrying the function libraries (replaceDataset applies both). */
  readonly databases: LoadedDatabases;
  /** Where the RDB ends (the checksum's end): an old-style AOF preamble continues there. */
  readonly endOffset: number;
  readonly keysLoaded: number;
  /** Keys already expired at load time, skipped as a master skips them. */
  readonly expiredSkipped: number;
  /** Empty collections, skipped as Redis 7.0 skips them. */
  readonly emptySkipped: number;
}

export interface RdbLoadOptions extends ValueReadContext {
  /** The file's name, for error messages. */
  readonly file: string;
  readonly databaseCount: number;
  /** A master loading an RDB skips keys already expired; an AOF preamble and a replica keep them. */
  readonly skipExpiredBeforeMs: number | undefined;
  /** Counts abstract work (keys read) for the complexity reports. */
  readonly countSteps?: (count: number) => void;
}

interface PendingKeyMeta {
  expireAtMs: number | undefined;
  idleSeconds: number | undefined;
  lfuFrequency: number | undefined;
}

interface LoadState {
  readonly reader: ByteReader;
  readonly options: RdbLoadOptions;
  readonly aux: Map<string, Buffer>;
  readonly databases: Map<number, LoadedKey[]>;
  readonly functionLibraries: Buffer[];
  readonly seenKeys: Map<number, Set<string>>;
  currentDb: number;
  meta: PendingKeyMeta;
  keysLoaded: number;
  expiredSkipped: number;
  emptySkipped: number;
}

function readHeader(reader: ByteReader): number {
  const magic = reader.bytes(5, 'RDB signature').toString('latin1');
  if (magic !== RDB_MAGIC) reader.fail(`wrong signature trying to load DB from file (expected 'REDIS', found '${magic}')`, 0);
  const versionText = reader.bytes(4, 'RDB version').toString('latin1');
  const version = /^\d{4}$/.test(versionText) ? Number(versionText) : Number.NaN;
  if (!(version >= 1 && version <= RDB_VERSION)) reader.fail(`can't handle RDB format version '${versionText}'`, 5);
  return version;
}

function freshMeta(): PendingKeyMeta {
  return { expireAtMs: undefined, idleSeconds: undefined, lfuFrequency: undefined };
}

/** Handles one opcode; returns false at EOF. */
function readOpcode(state: LoadState, opcode: number): boolean {
  const reader = state.reader;
  switch (opcode) {
    case rdbOpcodes.eof:
      return false;
    case rdbOpcodes.expireTime:
      state.meta.expireAtMs = reader.bytes(4, 'expire time (s)').readInt32LE(0) * 1000;
      return true;
    case rdbOpcodes.expireTimeMs:
      state.meta.expireAtMs = Number(reader.bigInt64LE('expire time (ms)'));
      return true;
    case rdbOpcodes.freq:
      state.meta.lfuFrequency = reader.byte('LFU frequency');
      return true;
    case rdbOpcodes.idle:
      state.meta.idleSeconds = readLength(reader, 'LRU idle time');
      return true;
    case rdbOpcodes.selectDb:
      return selectDb(state);
    case rdbOpcodes.resizeDb:
      readLength(reader, 'RESIZEDB db size');
      readLength(reader, 'RESIZEDB expires size');
      return true;
    case rdbOpcodes.function:
    case rdbOpcodes.function2:
      state.functionLibraries.push(readFunctionLibrary(reader, opcode));
      return true;
    case rdbOpcodes.aux:
      state.aux.set(readString(reader, 'aux field name').toString('latin1'), readString(reader, 'aux field value'));
      return true;
    default:
      readKey(state, opcode);
      return true;
  }
}

function selectDb(state: LoadState): boolean {
  const start = state.reader.position;
  const index = readLength(state.reader, 'SELECTDB index');
  if (index >= state.options.databaseCount) {
    state.reader.fail(`data file was created with a Redis server configured to handle more than ${state.options.databaseCount} databases (SELECTDB ${index})`, start);
  }
  state.currentDb = index;
  return true;
}

function readKey(state: LoadState, type: number): void {
  const reader = state.reader;
  if (type === rdbOpcodes.moduleAux) {
    reader.fail(`unsupported RDB opcode ${type} (modules are not supported)`, reader.position - 1);
  }
  const keyStart = reader.position;
  const key = readString(reader, 'key');
  const value = readValue(reader, type, state.options);
  const meta = state.meta;
  state.meta = freshMeta();
  const seen = state.seenKeys.get(state.currentDb) ?? new Set<string>();
  state.seenKeys.set(state.currentDb, seen);
  if (seen.has(binaryKey(key))) reader.fail(`RDB has duplicated key '${key.toString('latin1')}' in DB ${state.currentDb}`, keyStart);
  seen.add(binaryKey(key));
  if (value === EMPTY_KEY) {
    state.emptySkipped++;
    return;
  }
  const skipBefore = state.options.skipExpiredBeforeMs;
  if (skipBefore !== undefined && meta.expireAtMs !== undefined && meta.expireAtMs < skipBefore) {
    state.expiredSkipped++;
    return;
  }
  const keys = state.databases.get(state.currentDb) ?? [];
  state.databases.set(state.currentDb, keys);
  keys.push({ key, value, expireAtMs: meta.expireAtMs, idleSeconds: meta.idleSeconds, lfuFrequency: meta.lfuFrequency });
  state.keysLoaded++;
}

function verifyChecksum(reader: ByteReader, version: number): void {
  if (version < 5) return;
  const eofEnd = reader.position;
  const stored = reader.bytes(8, 'RDB checksum');
  if (stored.every((byte) => byte === 0)) return;
  const computed = new Crc64().update(reader.data, 0, eofEnd).littleEndianBytes();
  if (!computed.equals(stored)) {
    reader.fail(`wrong RDB checksum expected: (${stored.readBigUInt64LE(0).toString(16)}) got: (${computed.readBigUInt64LE(0).toString(16)})`, eofEnd);
  }
}

/**
 * rdbLoadRio over a whole buffer: every key into fresh per-database lists,
 * nothing applied to a node. A corrupt or truncated file gives an
 * InputError naming the offset and what was expected.
 */
export function loadRdb(data: Uint8Array, options: RdbLoadOptions): LoadedRdb | InputError {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.length);
  const reader = new ByteReader(buffer);
  const state: LoadState = { reader, options, aux: new Map(), databases: new Map(), functionLibraries: [], seenKeys: new Map(), currentDb: 0, meta: freshMeta(), keysLoaded: 0, expiredSkipped: 0, emptySkipped: 0 };
  try {
    const version = readHeader(reader);
    while (readOpcode(state, reader.byte('opcode or type'))) {
      // one opcode or key per turn
    }
    verifyChecksum(reader, version);
    options.countSteps?.(state.keysLoaded);
    const databases: LoadedDatabases = Object.assign(state.databases, { functionLibraries: state.functionLibraries });
    return { version, aux: state.aux, databases, endOffset: reader.position, keysLoaded: state.keysLoaded, expiredSkipped: state.expiredSkipped, emptySkipped: state.emptySkipped };
  } catch (error: unknown) {
    if (error instanceof CorruptData) return new InputError(options.file, `offset ${error.offset}`, error.problem);
    throw error;
  }
}
