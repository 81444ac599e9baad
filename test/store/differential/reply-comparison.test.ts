import { describe, expect, it } from 'vitest';
import { decodeAllReplies } from '../../support/resp-decoder.js';
import { encodeArray, encodeBulk, encodeInteger } from '../../support/resp-encoder.js';
import type { RespReply } from '../../support/resp-reply.js';
import { compareReplies, type SamplePool } from './reply-comparison.js';
import { ruleFor, type RuleContext } from './reply-rules.js';

const reply = (bytes: Buffer): RespReply => decodeAllReplies(bytes)[0] as RespReply;
const bulks = (...items: string[]): RespReply => reply(encodeArray(items.map((item) => encodeBulk(item))));
const argv = (...items: string[]): Buffer[] => items.map((item) => Buffer.from(item, 'latin1'));
const context = (encodings: Record<string, string> = {}): RuleContext => ({ encodings: new Map(Object.entries(encodings)), setMaxIntsetEntries: 512, firstSetSize: 0, lexRangeUndefined: false });
const noPool: SamplePool = { before: undefined, after: undefined };

function judge(command: Buffer[], real: RespReply, ours: RespReply, encodings: Record<string, string> = {}, pool = noPool): string | undefined {
  return compareReplies(ruleFor(command, real, context(encodings)), real, ours, pool);
}

describe('reply rules: what may differ between two servers', () => {
  it('lets a hashtable SMEMBERS come in any order, but not an intset one', () => {
    expect(judge(argv('SMEMBERS', 'k'), bulks('a', 'b'), bulks('b', 'a'), { k: 'hashtable' })).toBeUndefined();
    expect(judge(argv('SMEMBERS', 'k'), bulks('1', '2'), bulks('2', '1'), { k: 'intset' })).toBeDefined();
    expect(judge(argv('SMEMBERS', 'k'), bulks('a', 'b'), bulks('a', 'c'), { k: 'hashtable' })).toBeDefined();
  });

  it('compares a hashtable HGETALL as field/value pairs, a listpack one exactly', () => {
    expect(judge(argv('HGETALL', 'h'), bulks('f', '1', 'g', '2'), bulks('g', '2', 'f', '1'), { h: 'hashtable' })).toBeUndefined();
    expect(judge(argv('HGETALL', 'h'), bulks('f', '1', 'g', '2'), bulks('f', '2', 'g', '1'), { h: 'hashtable' })).toBeDefined();
    expect(judge(argv('HGETALL', 'h'), bulks('f', '1', 'g', '2'), bulks('g', '2', 'f', '1'), { h: 'listpack' })).toBeDefined();
  });

  it('orders SUNION only when every input is an intset and the result fits one', () => {
    expect(judge(argv('SUNION', 'a', 'b'), bulks('1', '2'), bulks('2', '1'), { a: 'intset', b: '' })).toBeDefined();
    expect(judge(argv('SUNION', 'a', 'b'), bulks('1', '2'), bulks('2', '1'), { a: 'intset', b: 'hashtable' })).toBeUndefined();
  });

  it('accepts TTLs a little apart and no other integers', () => {
    expect(judge(argv('PTTL', 'k'), reply(encodeInteger(999_990)), reply(encodeInteger(1_000_000)))).toBeUndefined();
    expect(judge(argv('TTL', 'k'), reply(encodeInteger(-1)), reply(encodeInteger(-2)))).toBeDefined();
    expect(judge(argv('STRLEN', 'k'), reply(encodeInteger(3)), reply(encodeInteger(4)))).toBeDefined();
  });

  it('checks random picks against the collection they came from', () => {
    const pool: SamplePool = { before: bulks('a', 'b', 'c'), after: undefined };
    expect(judge(argv('SRANDMEMBER', 's', '2'), bulks('a', 'b'), bulks('c', 'a'), {}, pool)).toBeUndefined();
    expect(judge(argv('SRANDMEMBER', 's', '2'), bulks('a', 'b'), bulks('a', 'a'), {}, pool)).toBe('ours picked an item twice where picks must be distinct');
    expect(judge(argv('SRANDMEMBER', 's', '-2'), bulks('a', 'b'), bulks('a', 'a'), {}, pool)).toBeUndefined();
    expect(judge(argv('SRANDMEMBER', 's', '2'), bulks('a', 'b'), bulks('a', 'z'), {}, pool)).toBe('ours picked an item that was not in the collection');
    expect(judge(argv('SRANDMEMBER', 's', '2'), bulks('a', 'b'), bulks('a'), {}, pool)).toBeDefined();
  });

  it('checks that SPOP removed exactly what it returned', () => {
    const popped = reply(encodeBulk('b'));
    expect(judge(argv('SPOP', 's'), reply(encodeBulk('a')), popped, {}, { before: bulks('a', 'b'), after: bulks('a') })).toBeUndefined();
    expect(judge(argv('SPOP', 's'), reply(encodeBulk('a')), popped, {}, { before: bulks('a', 'b'), after: bulks('b') })).toBeDefined();
  });

  it('compares a finished hashtable scan as a set, a compact one exactly', () => {
    const page = (cursor: string, ...items: string[]): RespReply => reply(encodeArray([encodeBulk(cursor), encodeArray(items.map((item) => encodeBulk(item)))]));
    expect(judge(argv('SSCAN', 's', '0'), page('0', 'a', 'b'), page('0', 'b', 'a'), { s: 'hashtable' })).toBeUndefined();
    expect(judge(argv('SSCAN', 's', '0'), page('0', '1', '2'), page('0', '2', '1'), { s: 'intset' })).toBeDefined();
    expect(judge(argv('SCAN', '0'), page('0', 'a'), page('5', 'a'))).toBeDefined();
  });

  it('always compares errors byte for byte', () => {
    const error = (text: string): RespReply => reply(Buffer.from(`-${text}\r\n`));
    expect(judge(argv('KEYS', '*'), error('ERR a'), error('ERR b'))).toBeDefined();
  });
});
