import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../../src/store/embedded.js';
import { rewriteAsCommands } from '../../../../src/store/persistence/aof/rewrite-commands.js';
import { databaseSources } from '../../../../src/store/persistence/dataset.js';
import { startRealRedis, type RealRedisServer } from '../../../support/real-redis-server.js';
import { decodeAllReplies } from '../../../support/resp-decoder.js';
import { formatReply } from '../../../support/resp-format.js';
import type { RespReply } from '../../../support/resp-reply.js';

let server: RealRedisServer;
beforeAll(async () => {
  server = await startRealRedis({ extraArguments: ['--enable-debug-command', 'yes'] });
});
afterAll(async () => {
  await server?.stop();
});

function buildStreams(store: Store): void {
  store.call('CONFIG', 'SET', 'stream-node-max-entries', '4');
  for (let index = 1; index <= 11; index++) store.call('XADD', 'orders', `${index}-0`, 'item', `i${index}`, 'qty', String(index));
  store.call('XDEL', 'orders', '3-0', '11-0');
  store.call('XGROUP', 'CREATE', 'orders', 'shipping', '0');
  store.call('XREADGROUP', 'GROUP', 'shipping', 'ann', 'COUNT', '3', 'STREAMS', 'orders', '>');
  store.call('XREADGROUP', 'GROUP', 'shipping', 'ben', 'COUNT', '2', 'STREAMS', 'orders', '>');
  store.call('XGROUP', 'CREATECONSUMER', 'orders', 'shipping', 'idle');
  store.call('XGROUP', 'CREATE', 'orders', 'audit', '$', 'ENTRIESREAD', '9');
  store.call('XADD', 'drained', '4-4', 'a', '1');
  store.call('XDEL', 'drained', '4-4');
}

/** The commands of a rewritten AOF, as argument lists. */
function rewrittenCommands(store: Store): Buffer[][] {
  const replies = decodeAllReplies(rewriteAsCommands(databaseSources(store.node)));
  return replies.map((reply: RespReply) => (reply.kind === 'array' && reply.items !== null ? reply.items.map((item) => (item.kind === 'bulk' && item.value !== null ? item.value : Buffer.alloc(0))) : []));
}

const probes = [
  ['XRANGE', 'orders', '-', '+'],
  ['XINFO', 'GROUPS', 'orders'],
  ['XPENDING', 'orders', 'shipping'],
  ['XPENDING', 'orders', 'shipping', '-', '+', '10', 'ann'],
  ['XINFO', 'STREAM', 'drained'],
  ['DEBUG', 'DIGEST-VALUE', 'orders'],
];

/** XPENDING's idle column depends on when the probe runs. */
const stable = (reply: string): string => reply.replace(/"(ann|ben)", :\d+, :/g, '"$1", :?, :');

describe('AOF rewrite of streams (rewriteStreamObject)', () => {
  it('rebuilds the same entries, metadata, groups and PELs in our store and in redis-server 7.0', async () => {
    const original = createStore({ startEpochMs: Date.now(), config: { 'enable-debug-command': 'yes' } });
    buildStreams(original);
    const commands = rewrittenCommands(original);
    expect(commands.map((argv) => argv[0]?.toString())).toContain('XSETID');
    const replayed = createStore({ startEpochMs: Date.now(), config: { 'enable-debug-command': 'yes' } });
    for (const argv of commands) replayed.command(argv);
    const connection = await server.connect();
    await connection.command(['FLUSHALL']);
    for (const argv of commands) await connection.command(argv);
    for (const argv of probes) {
      const ours = stable(formatReply(decodeAllReplies(original.command(argv))[0] as RespReply));
      expect(stable(formatReply(decodeAllReplies(replayed.command(argv))[0] as RespReply)), argv.join(' ')).toBe(ours);
      expect(stable(formatReply(await connection.command(argv))), argv.join(' ')).toBe(ours);
    }
    connection.close();
  });
});
