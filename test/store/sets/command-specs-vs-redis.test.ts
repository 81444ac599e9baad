import { describe, expect, it } from 'vitest';
import { setCommands } from '../../../src/store/commands/families/sets.js';
import { zsetCommands } from '../../../src/store/commands/families/zsets.js';
import { formatReply } from '../../support/resp-format.js';
import type { RespReply } from '../../support/resp-reply.js';
import { useSideBySide } from '../../support/side-by-side.js';

const both = useSideBySide({ resetBeforeEach: false });

/** COMMAND INFO's name, arity, flags, first/last key, step and ACL categories (the table's part, not the key specs). */
function tableFields(reply: RespReply): string[] {
  if (reply.kind !== 'array' || reply.items === null) return [formatReply(reply)];
  const [entry] = reply.items;
  if (entry === undefined || entry.kind !== 'array' || entry.items === null) return [formatReply(reply)];
  return entry.items.slice(0, 7).map(formatReply);
}

const names = [...setCommands, ...zsetCommands].map((spec) => spec.name);

describe('set and sorted set command specs match redis-server 7.0.15', () => {
  it('defines the 17 set and 35 sorted set commands of Redis 7.0', () => {
    expect(setCommands).toHaveLength(17);
    expect(zsetCommands).toHaveLength(35);
  });

  it.each(names)('COMMAND INFO %s: arity, flags, key range and ACL categories', async (name) => {
    const { real, ours } = await both.replies(['COMMAND', 'INFO', name]);
    expect(tableFields(real)).toHaveLength(7);
    expect(tableFields(ours)).toEqual(tableFields(real));
  });

  it('COMMAND GETKEYS finds the keys of the numkeys-style commands like Redis', async () => {
    await both.reset();
    for (const argv of [
      ['SINTERCARD', '2', 'a', 'b', 'LIMIT', '1'],
      ['ZUNIONSTORE', 'dst', '2', 'a', 'b', 'WEIGHTS', '1', '2'],
      ['ZINTER', '1', 'a'],
      ['ZDIFF', '2', 'a', 'b', 'WITHSCORES'],
      ['ZMPOP', '2', 'a', 'b', 'MIN'],
      ['BZMPOP', '0', '1', 'a', 'MAX', 'COUNT', '2'],
      ['ZINTERCARD', '2', 'a', 'b'],
      ['SMOVE', 'a', 'b', 'm'],
      ['BZPOPMIN', 'a', 'b', '0'],
      ['ZRANGESTORE', 'dst', 'src', '0', '-1'],
      ['SINTERSTORE', 'dst', 'a', 'b'],
    ]) {
      await both.same(['COMMAND', 'GETKEYS', ...argv]);
    }
  });
});
