import { assert } from '../../../core/assert.js';
import type { StreamObject } from '../../keyspace/object.js';
import { streamIdText } from '../../types/stream-id.js';
import { isStreamValue } from '../../types/stream.js';
import type { ByteWriter } from '../rdb/byte-writer.js';
import { appendCommand } from './resp-command.js';

const text = (value: string): Buffer => Buffer.from(value, 'latin1');

/**
 * rewriteStreamObject (aof.c): one XADD per entry (or XADD MAXLEN 0 0-1 x y
 * for an empty stream), XSETID with ENTRIESADDED and MAXDELETEDID, then per
 * group XGROUP CREATE ... ENTRIESREAD, and per consumer either XGROUP
 * CREATECONSUMER or one XCLAIM ... TIME RETRYCOUNT JUSTID FORCE per pending entry.
 */
export function writeStreamCommands(writer: ByteWriter, key: Buffer, value: StreamObject): void {
  assert(isStreamValue(value), 'streams are StreamValue objects');
  if (value.length() > 0) {
    for (const [id, fields] of value.entryList()) appendCommand(writer, [text('XADD'), key, text(streamIdText(id)), ...fields]);
  } else {
    appendCommand(writer, [text('XADD'), key, text('MAXLEN'), text('0'), text('0-1'), text('x'), text('y')]);
  }
  appendCommand(writer, [text('XSETID'), key, text(streamIdText(value.lastId)), text('ENTRIESADDED'), text(String(value.entriesAdded)), text('MAXDELETEDID'), text(streamIdText(value.maxDeletedEntryId))]);
  for (const group of value.groups()) {
    appendCommand(writer, [text('XGROUP'), text('CREATE'), key, group.name, text(streamIdText(group.lastId)), text('ENTRIESREAD'), text(String(group.entriesRead))]);
    for (const consumer of group.consumers()) {
      if (consumer.pending.size === 0) {
        appendCommand(writer, [text('XGROUP'), text('CREATECONSUMER'), key, group.name, consumer.name]);
        continue;
      }
      for (const [id, nack] of consumer.pending) {
        appendCommand(writer, [text('XCLAIM'), key, group.name, consumer.name, text('0'), text(streamIdText(id)), text('TIME'), text(String(nack.deliveryTimeMs)), text('RETRYCOUNT'), text(String(nack.deliveryCount)), text('JUSTID'), text('FORCE')]);
      }
    }
  }
}
