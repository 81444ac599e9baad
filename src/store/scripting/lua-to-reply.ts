import type { ReplyWriter } from '../protocol/reply-writer.js';
import { LuaFunction, type LuaTable, type LuaValue } from './lua/api.js';
import { luaToBytes } from './lua-bytes.js';

/** Nesting levels converted before giving up (Lua's C stack limit stops Redis at a similar depth). */
const DEPTH_MAX = 1000;
const LONG_LONG_MIN = -(2n ** 63n);
const TWO_TO_63 = 2 ** 63;

/** Where a script's result goes: the caller's reply, and errors with or without counting them in the stats. */
export interface ReplySink {
  readonly reply: ReplyWriter;
  /** An error reply; `message` has no leading `-`. `ignoreStats`: already counted when the inner command failed. */
  error(message: string, ignoreStats: boolean): void;
}

/**
 * luaReplyToRedisReply (script_lua.c): string → bulk, number → integer
 * (truncated as C's cast does), boolean → 1 / null (RESP2 scripts) or a
 * RESP3 boolean (after redis.setresp(3)), table → error (`err`), status
 * (`ok`), double, big number, verbatim string, map, set, or else an array
 * that stops at the first nil; anything else → null.
 */
export function luaToReply(sink: ReplySink, value: LuaValue, scriptProtocol: 2 | 3, depth = 0): void {
  const reply = sink.reply;
  if (typeof value === 'string') reply.bulk(luaToBytes(value));
  else if (typeof value === 'number') reply.integer(truncatedToLongLong(value));
  else if (typeof value === 'boolean') booleanToReply(reply, value, scriptProtocol);
  else if (isTable(value)) {
    if (depth >= DEPTH_MAX) sink.error('ERR reached lua stack limit', false);
    else tableToReply(sink, value, scriptProtocol, depth);
  } else reply.nullBulk();
}

function booleanToReply(reply: ReplyWriter, value: boolean, scriptProtocol: 2 | 3): void {
  if (scriptProtocol === 3) reply.boolean(value);
  else if (value) reply.raw(':1\r\n');
  else reply.nullBulk();
}

function isTable(value: LuaValue): value is LuaTable {
  return typeof value === 'object' && !(value instanceof LuaFunction);
}

/** (long long) of a double on x86-64: truncation, and the "integer indefinite" LLONG_MIN when out of range. */
export function truncatedToLongLong(value: number): number | bigint {
  if (Number.isNaN(value) || value >= TWO_TO_63 || value < -TWO_TO_63) return LONG_LONG_MIN;
  const truncated = Math.trunc(value);
  if (Number.isSafeInteger(truncated)) return truncated === 0 ? 0 : truncated;
  return BigInt(truncated);
}

function tableToReply(sink: ReplySink, table: LuaTable, scriptProtocol: 2 | 3, depth: number): void {
  const reply = sink.reply;
  const err = table.get('err');
  if (typeof err === 'string') {
    sink.error(err, table.get('ignore_error_stats_update') === true);
    return;
  }
  const ok = table.get('ok');
  if (typeof ok === 'string') return reply.status(ok.replace(/[\r\n]/g, ' '));
  const double = table.get('double');
  if (typeof double === 'number') return reply.double(double);
  const bigNumber = table.get('big_number');
  if (typeof bigNumber === 'string') return reply.bigNumber(bigNumber.replace(/[\r\n]/g, ' '));
  if (verbatimToReply(reply, table.get('verbatim_string'))) return;
  const map = table.get('map');
  if (isTable(map)) return mapToReply(sink, map, scriptProtocol, depth);
  const set = table.get('set');
  if (isTable(set)) return setToReply(sink, set, scriptProtocol, depth);
  let length = 0;
  while (table.get(length + 1) !== undefined) length++;
  reply.arrayHeader(length);
  for (let index = 1; index <= length; index++) luaToReply(sink, table.get(index), scriptProtocol, depth + 1);
}

function verbatimToReply(reply: ReplyWriter, verbatim: LuaValue): boolean {
  if (!isTable(verbatim)) return false;
  const format = verbatim.get('format');
  const text = verbatim.get('string');
  if (typeof format !== 'string' || typeof text !== 'string') return false;
  reply.verbatim(luaToBytes(text), format.slice(0, 3));
  return true;
}

function entriesOf(table: LuaTable): [LuaValue, LuaValue][] {
  const entries: [LuaValue, LuaValue][] = [];
  for (let entry = table.next(undefined); entry !== undefined; entry = table.next(entry[0])) entries.push(entry);
  return entries;
}

function mapToReply(sink: ReplySink, map: LuaTable, scriptProtocol: 2 | 3, depth: number): void {
  const entries = entriesOf(map);
  sink.reply.mapHeader(entries.length);
  for (const [key, value] of entries) {
    luaToReply(sink, key, scriptProtocol, depth + 1);
    luaToReply(sink, value, scriptProtocol, depth + 1);
  }
}

function setToReply(sink: ReplySink, set: LuaTable, scriptProtocol: 2 | 3, depth: number): void {
  const entries = entriesOf(set);
  sink.reply.setHeader(entries.length);
  for (const [member] of entries) luaToReply(sink, member, scriptProtocol, depth + 1);
}
