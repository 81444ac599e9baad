import { describe, expect, it } from 'vitest';
import { useSideBySide } from '../../support/side-by-side.js';

const both = useSideBySide();

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, index) => String(from + index));

describe('set commands answer like redis-server 7.0.15', () => {
  it('SADD/SREM/SCARD/SISMEMBER/SMISMEMBER/SMEMBERS on intsets, with ascending SMEMBERS and exact encodings', async () => {
    await both.script([
      ['SADD', 's', '5', '-3', '10', '0', '5'],
      ['SMEMBERS', 's'],
      ['OBJECT', 'ENCODING', 's'],
      ['SCARD', 's'],
      ['SISMEMBER', 's', '10'],
      ['SISMEMBER', 's', '010'],
      ['SMISMEMBER', 's', '0', 'x', '-3'],
      ['SMISMEMBER', 'missing', 'a', 'b'],
      ['SREM', 's', '5', '7', 'x'],
      ['SMEMBERS', 's'],
      ['SREM', 's', '-3', '10', '0', '99'],
      ['EXISTS', 's'],
      ['SREM', 's', 'a'],
      ['SADD', 's'],
      ['SMEMBERS', 'missing'],
      ['SET', 'str', 'v'],
      ['SADD', 'str', 'a'],
      ['SMEMBERS', 'str'],
      ['SCARD', 'str'],
      ['SMISMEMBER', 'str', 'a'],
    ]);
  });

  it('converts to hashtable past set-max-intset-entries or on a non-canonical integer, never back', async () => {
    await both.reset({ 'set-max-intset-entries': '4' });
    await both.script([
      ['SADD', 's', '1', '2', '3', '4'],
      ['OBJECT', 'ENCODING', 's'],
      ['SADD', 's', '5'],
      ['OBJECT', 'ENCODING', 's'],
      ['SREM', 's', '5', '4'],
      ['OBJECT', 'ENCODING', 's'],
      ['SADD', 't', '1', '+2'],
      ['OBJECT', 'ENCODING', 't'],
      ['SADD', 'u', '9223372036854775807', '-9223372036854775808'],
      ['OBJECT', 'ENCODING', 'u'],
      ['SMEMBERS', 'u'],
      ['SADD', 'v', '9223372036854775808'],
      ['OBJECT', 'ENCODING', 'v'],
      ['SADD', 'w', '-0'],
      ['OBJECT', 'ENCODING', 'w'],
    ]);
  });

  it('SMOVE between sets, onto itself, from a missing key and across types', async () => {
    await both.script([
      ['SADD', 'a', '1', '2'],
      ['SMOVE', 'a', 'b', '1'],
      ['SMEMBERS', 'b'],
      ['OBJECT', 'ENCODING', 'b'],
      ['SMOVE', 'a', 'b', '9'],
      ['SMOVE', 'a', 'a', '2'],
      ['SMOVE', 'a', 'a', '3'],
      ['SMOVE', 'missing', 'b', '1'],
      ['SET', 'str', 'x'],
      ['SMOVE', 'missing', 'str', '1'],
      ['SMOVE', 'a', 'str', '2'],
      ['SMOVE', 'str', 'a', '2'],
      ['SMOVE', 'a', 'b', '2'],
      ['EXISTS', 'a'],
      ['SMEMBERS', 'b'],
      ['SADD', 'c', 'x'],
      ['SMOVE', 'c', 'b', 'x'],
      ['OBJECT', 'ENCODING', 'b'],
      ['SCARD', 'b'],
    ]);
  });

  it('set algebra with intsets replies in ascending order and stores intsets', async () => {
    await both.script([
      ['SADD', 'a', ...range(1, 20)],
      ['SADD', 'b', ...range(10, 30)],
      ['SADD', 'c', '15', '16', '17', '99'],
      ['SINTER', 'a', 'b'],
      ['SINTER', 'a', 'b', 'c'],
      ['SINTER', 'a', 'missing'],
      ['SUNION', 'a', 'c'],
      ['SDIFF', 'a', 'b'],
      ['SDIFF', 'b', 'a', 'c'],
      ['SDIFF', 'a', 'a'],
      ['SDIFF', 'missing', 'a'],
      ['SINTERSTORE', 'd', 'a', 'c'],
      ['SMEMBERS', 'd'],
      ['OBJECT', 'ENCODING', 'd'],
      ['SUNIONSTORE', 'e', 'a', 'b', 'c'],
      ['SCARD', 'e'],
      ['SDIFFSTORE', 'f', 'a', 'b'],
      ['SMEMBERS', 'f'],
      ['SINTERSTORE', 'f', 'a', 'missing'],
      ['EXISTS', 'f'],
      ['SDIFFSTORE', 'a', 'a', 'a'],
      ['EXISTS', 'a'],
      ['SINTERCARD', '2', 'b', 'c'],
      ['SINTERCARD', '2', 'b', 'c', 'LIMIT', '2'],
      ['SINTERCARD', '2', 'b', 'c', 'LIMIT', '0'],
      ['SINTERCARD', '1', 'missing'],
    ]);
  });

  it('set algebra on hashtables gives the same members (order is the hash seed\'s)', async () => {
    await both.script(
      [
        ['SADD', 'a', 'x', 'y', 'z', '1', '2'],
        ['SADD', 'b', 'y', 'z', 'w', '2'],
        ['SINTER', 'a', 'b'],
        ['SUNION', 'a', 'b'],
        ['SDIFF', 'a', 'b'],
        ['SMEMBERS', 'a'],
        ['SINTERSTORE', 'c', 'a', 'b'],
        ['OBJECT', 'ENCODING', 'c'],
        ['SUNIONSTORE', 'd', 'a', 'missing'],
        ['SCARD', 'd'],
        ['SADD', 'n', '1', '2', '3'],
        ['SINTERSTORE', 'e', 'a', 'n'],
        ['OBJECT', 'ENCODING', 'e'],
        ['SMEMBERS', 'e'],
      ],
      ['sinter', 'sunion', 'sdiff', 'smembers'],
    );
  });

  it('rejects bad arguments with Redis 7.0 errors', async () => {
    await both.script([
      ['SADD', 'a', '1', '2', '3'],
      ['SET', 'str', 'v'],
      ['SINTERCARD', '0', 'a'],
      ['SINTERCARD', 'x', 'a'],
      ['SINTERCARD', '3', 'a'],
      ['SINTERCARD', '1', 'a', 'LIMIT', '-1'],
      ['SINTERCARD', '1', 'a', 'LIMIT', 'x'],
      ['SINTERCARD', '1', 'a', 'LIMIT'],
      ['SINTERCARD', '1', 'a', 'junk'],
      ['SINTERCARD', '2', 'missing', 'str'],
      ['SINTER', 'missing', 'str'],
      ['SUNION', 'a', 'str'],
      ['SDIFFSTORE', 'd', 'a', 'str'],
      ['SPOP', 'a', '-1'],
      ['SPOP', 'a', 'x'],
      ['SPOP', 'a', '1', '2'],
      ['SRANDMEMBER', 'a', 'x'],
      ['SRANDMEMBER', 'a', '1', '2'],
      ['SRANDMEMBER', 'a', '-9223372036854775808'],
      ['SSCAN', 'a', 'x'],
      ['SSCAN', 'a', ' 0'],
      ['SSCAN', 'a', '0', 'COUNT', '0'],
      ['SSCAN', 'a', '0', 'COUNT', 'x'],
      ['SSCAN', 'a', '0', 'TYPE', 'set'],
      ['SSCAN', 'a', '0', 'MATCH'],
      ['SSCAN', 'missing', '0', 'COUNT', '0'],
      ['SSCAN', 'str', '0'],
      ['SSCAN', 'a', '18446744073709551616'],
      ['SADD'],
      ['SMOVE', 'a', 'b'],
    ]);
  });

  it('SPOP and SRANDMEMBER reply shapes: whole small sets exactly, counts and empties', async () => {
    await both.script([
      ['SADD', 'a', '3', '1', '2'],
      ['SRANDMEMBER', 'a', '3'],
      ['SRANDMEMBER', 'a', '10'],
      ['SRANDMEMBER', 'a', '0'],
      ['SRANDMEMBER', 'missing'],
      ['SRANDMEMBER', 'missing', '5'],
      ['SPOP', 'missing'],
      ['SPOP', 'missing', '2'],
      ['SPOP', 'a', '0'],
      ['SPOP', 'a', '3'],
      ['EXISTS', 'a'],
      ['SADD', 'b', '7'],
      ['SPOP', 'b'],
      ['EXISTS', 'b'],
      ['SADD', 'c', '7'],
      ['SRANDMEMBER', 'c', '-3'],
      ['SRANDMEMBER', 'c'],
      ['SPOP', 'c', '1'],
    ]);
  });

  it('SSCAN of an intset returns everything at once, with MATCH applied', async () => {
    await both.script([
      ['SADD', 'a', ...range(1, 30)],
      ['SSCAN', 'a', '0'],
      ['SSCAN', 'a', '0', 'MATCH', '1*', 'COUNT', '2'],
      ['SSCAN', 'a', '5', 'MATCH', '*0'],
      ['SSCAN', 'missing', '0'],
    ]);
  });

  it('SSCAN of a hashtable visits every member over a full cursor cycle', async () => {
    const members = range(1, 300).map((number) => `m${number}`);
    await both.same(['SADD', 'a', ...members]);
    let cursor = '0';
    const seen = new Set<string>();
    do {
      const reply = await both.store().call('SSCAN', 'a', cursor, 'COUNT', '7');
      const [next, items] = reply as [Buffer, Buffer[]];
      cursor = next.toString();
      for (const item of items) seen.add(item.toString());
    } while (cursor !== '0');
    expect([...seen].sort()).toEqual(members.slice().sort());
  });
});
