import type { Store } from '../../../../src/store/embedded.js';

/** Commands that build every type in every encoding Redis 7.0 has, with TTLs, across two databases. */
export function sampleDatasetCommands(nowMs: number): string[][] {
  const commands: string[][] = [
    ['SET', 'str:int', '12345'],
    ['SET', 'str:negative', '-9000000000'],
    ['SET', 'str:embstr', 'hello world'],
    ['SET', 'str:raw', 'x'.repeat(60) + 'unique tail'],
    ['SET', 'str:compressible', 'abcabcabc'.repeat(50)],
    ['SET', 'str:binary', '\u0000\u0001\u00ff\r\n'],
    ['SET', 'str:expiring', 'soon', 'PXAT', String(nowMs + 3_600_000)],
    ['SET', 'str:bigint', '9223372036854775807'],
    ['RPUSH', 'list:small', 'a', '1', '-2', '300', '70000', '-5000000000', 'b'.repeat(70)],
    ['SADD', 'set:int16', '1', '2', '3', '-4'],
    ['SADD', 'set:int64', '1', '9000000000000'],
    ['SADD', 'set:table', 'a', 'b', 'c', '1'],
    ['ZADD', 'zset:small', '1', 'one', '2.5', 'two', '-inf', 'low', 'inf', 'high', '3', '10'],
    ['HSET', 'hash:small', 'f1', 'v1', 'f2', '2', 'n', '-77'],
    ['HSET', 'hash:long', 'field', 'v'.repeat(100)],
    ['EXPIRE', 'hash:small', '100000'],
    ['SELECT', '3'],
    ['SET', 'db3:key', 'in db three'],
    ['SELECT', '0'],
  ];
  const bigList = ['RPUSH', 'list:big'];
  for (let index = 0; index < 3000; index++) bigList.push(index % 3 === 0 ? String(index) : `element-${index}`);
  commands.push(bigList);
  const bigSet = ['SADD', 'set:bigint'];
  for (let index = 0; index < 600; index++) bigSet.push(String(index * 7));
  commands.push(bigSet);
  const bigZset = ['ZADD', 'zset:skiplist'];
  for (let index = 0; index < 200; index++) bigZset.push(String(index / 4), `member-${index}`);
  commands.push(bigZset);
  const bigHash = ['HSET', 'hash:table'];
  for (let index = 0; index < 600; index++) bigHash.push(`field-${index}`, String(index));
  commands.push(bigHash);
  return commands;
}

export function loadSampleDataset(store: Store): void {
  for (const command of sampleDatasetCommands(store.node.env.clock.nowMs())) {
    const reply = store.call(...command);
    if (reply instanceof Error) throw reply;
  }
}

/** The encodings the sample holds, as OBJECT ENCODING prints them: every one must be there. */
export const sampleEncodings: Readonly<Record<string, string>> = {
  'str:int': 'int',
  'str:embstr': 'embstr',
  'str:raw': 'raw',
  'list:small': 'quicklist',
  'set:int16': 'intset',
  'set:table': 'hashtable',
  'set:bigint': 'hashtable',
  'zset:small': 'listpack',
  'zset:skiplist': 'skiplist',
  'hash:small': 'listpack',
  'hash:table': 'hashtable',
  'hash:long': 'hashtable',
};
