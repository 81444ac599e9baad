import { assertNever } from '../../../core/assert.js';
import type { RedisObject } from '../../keyspace/object.js';
import { asRedisString } from '../../types/string.js';
import { formatDoubleG17 } from '../../protocol/double-format.js';
import { ByteWriter } from '../rdb/byte-writer.js';
import type { RdbDatasetSource } from '../rdb/rdb-writer.js';
import { appendCommand, selectCommand } from './resp-command.js';
import { writeStreamCommands } from './rewrite-stream.js';

/** AOF_REWRITE_ITEMS_PER_CMD */
const ITEMS_PER_COMMAND = 64;

const text = (value: string): Buffer => Buffer.from(value, 'latin1');

/** Commands of `name key item...` with at most 64 items (pairs count as one) each. */
function writeBatched(writer: ByteWriter, name: string, key: Buffer, items: readonly (readonly Buffer[])[]): void {
  for (let start = 0; start < items.length; start += ITEMS_PER_COMMAND) {
    const batch = items.slice(start, start + ITEMS_PER_COMMAND).flat();
    appendCommand(writer, [text(name), key, ...batch]);
  }
}

/** The commands rewriteAppendOnlyFileRio emits for one key (without its expire). */
function writeValueCommands(writer: ByteWriter, key: Buffer, value: RedisObject): void {
  switch (value.type) {
    case 'string': {
      const integer = asRedisString(value).integerValue();
      appendCommand(writer, [text('SET'), key, integer !== undefined ? text(integer.toString()) : value.bytes()]);
      return;
    }
    case 'list':
      return writeBatched(writer, 'RPUSH', key, value.toArray().map((element) => [element]));
    case 'set':
      return writeBatched(writer, 'SADD', key, Array.from(value.members(), (member) => [member]));
    case 'zset':
      return writeBatched(writer, 'ZADD', key, Array.from(value.entries(), ([member, score]) => [text(formatDoubleG17(score)), member]));
    case 'hash':
      return writeBatched(writer, 'HMSET', key, Array.from(value.entries(), ([field, fieldValue]) => [field, fieldValue]));
    case 'stream':
      return writeStreamCommands(writer, key, value);
    default:
      return assertNever(value, 'a known value type');
  }
}

/**
 * rewriteAppendOnlyFileRio: the dataset as commands (aof-use-rdb-preamble
 * no): first a FUNCTION LOAD per library (rewriteFunctions), then per non-empty db a SELECT, then per key SET / RPUSH / SADD / ZADD /
 * HMSET in batches of 64, and PEXPIREAT for keys with a TTL.
 */
export function rewriteAsCommands(databases: RdbDatasetSource, countSteps?: (count: number) => void): Buffer {
  const writer = new ByteWriter(4096);
  for (const code of databases.functionLibraries ?? []) appendCommand(writer, [text('FUNCTION'), text('LOAD'), code]);
  for (const database of databases) {
    if (database.size === 0) continue;
    writer.bytes(selectCommand(database.id));
    let keys = 0;
    for (const entry of database.entries()) {
      writeValueCommands(writer, entry.key, entry.value);
      if (entry.expireAtMs !== undefined) appendCommand(writer, [text('PEXPIREAT'), entry.key, text(String(Math.trunc(entry.expireAtMs)))]);
      keys++;
    }
    countSteps?.(keys);
  }
  return writer.toBuffer();
}
