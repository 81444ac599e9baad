import type { OpValue } from '../history/op.js';
import { RespError, RespMap, RespPush, RespSet, type RespValue } from '../store/protocol/reply-decoder.js';

const integerText = /^-?(0|[1-9]\d{0,14})$/;

/**
 * A bulk string as a history value: an integer when it spells one that is
 * safe (workloads write integers and the checkers compare values by kind),
 * else its UTF-8 text.
 */
export function historyValueOfBulk(bulk: Buffer): number | string {
  const text = bulk.toString('utf8');
  return integerText.test(text) ? Number(text) : text;
}

/** A reply as a history value: nil → null, bulk → integer or text, arrays element-wise. */
export function historyValueOf(reply: RespValue): OpValue {
  if (reply === null) return null;
  if (Buffer.isBuffer(reply)) return historyValueOfBulk(reply);
  if (typeof reply === 'bigint') return reply.toString();
  if (reply instanceof RespError) return reply.message;
  if (Array.isArray(reply)) return reply.map((item) => historyValueOf(item));
  // RESP3 aggregates (a client after HELLO 3) read like their RESP2 arrays.
  if (reply instanceof RespMap) return reply.entries.flatMap(([field, value]) => [historyValueOf(field), historyValueOf(value)]);
  if (reply instanceof RespSet || reply instanceof RespPush) return reply.items.map((item) => historyValueOf(item));
  return reply;
}

/** The elements of a multi-bulk reply as history values, sorted when `sorted` (SMEMBERS has no order). */
export function historyElementsOf(reply: RespValue, sorted: boolean): OpValue[] | null {
  if (!Array.isArray(reply)) return null;
  const elements = reply.map((item) => historyValueOf(item));
  if (!sorted) return elements;
  return elements.sort((left, right) => compareHistoryValues(left, right));
}

function compareHistoryValues(left: OpValue, right: OpValue): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  const leftText = String(left);
  const rightText = String(right);
  return leftText < rightText ? -1 : leftText > rightText ? 1 : 0;
}
