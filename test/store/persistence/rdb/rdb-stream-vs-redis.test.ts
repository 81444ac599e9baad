import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../../src/store/embedded.js';
import { decodeAllReplies } from '../../../support/resp-decoder.js';
import { formatReply } from '../../../support/resp-format.js';
import type { RespConnection } from '../../../support/resp-connection.js';
import { loadRdbInto, rdbBytesOf } from '../support/rdb-helpers.js';
import { runTool, startRedisOn, temporaryDirectory, textOf } from '../support/real-redis-files.js';

const directory = temporaryDirectory('redsim-rdb-stream-');
afterAll(() => directory.remove());

/** Streams with several nodes, deletions, trimming, groups, consumers and pending entries. */
function streamCommands(): string[][] {
  const commands: string[][] = [['CONFIG', 'SET', 'stream-node-max-entries', '5']];
  for (let index = 1; index <= 23; index++) commands.push(['XADD', 'events', `${index}-${index % 3}`, 'kind', index % 2 === 0 ? 'even' : 'odd', 'n', String(index * 1000)]);
  commands.push(['XADD', 'events', '30-0', 'other', 'shape']);
  commands.push(['XDEL', 'events', '4-1', '9-0', '30-0']);
  commands.push(['XTRIM', 'events', 'MAXLEN', '~', '17']);
  commands.push(['XGROUP', 'CREATE', 'events', 'workers', '0']);
  commands.push(['XGROUP', 'CREATE', 'events', '1234', '$', 'ENTRIESREAD', '20']);
  commands.push(['XREADGROUP', 'GROUP', 'workers', 'alice', 'COUNT', '4', 'STREAMS', 'events', '>']);
  commands.push(['XREADGROUP', 'GROUP', 'workers', 'bob', 'COUNT', '3', 'STREAMS', 'events', '>']);
  commands.push(['XACK', 'events', 'workers', '12-0']);
  commands.push(['XGROUP', 'CREATECONSUMER', 'events', 'workers', 'idle-one']);
  commands.push(['XGROUP', 'CREATE', 'empty', 'g', '$', 'MKSTREAM']);
  commands.push(['XADD', 'gone', '5-5', 'a', '1']);
  commands.push(['XDEL', 'gone', '5-5']);
  commands.push(['XSETID', 'gone', '7-0', 'ENTRIESADDED', '3', 'MAXDELETEDID', '6-0']);
  commands.push(['XADD', 'big', '1-1', 'payload', 'x'.repeat(300), 'n', '-17']);
  return commands;
}

/** What must match after a load: entries, metadata, groups, PELs (times come from the file). */
const probes: string[][] = [
  ['XRANGE', 'events', '-', '+'],
  ['XINFO', 'STREAM', 'events', 'FULL'],
  ['XINFO', 'GROUPS', 'events'],
  ['XPENDING', 'events', 'workers'],
  ['XINFO', 'STREAM', 'empty', 'FULL'],
  ['XINFO', 'STREAM', 'gone', 'FULL'],
  ['XRANGE', 'big', '-', '+'],
  ['TYPE', 'events'],
];

/** XINFO STREAM FULL less radix-tree-nodes, which depends on the rax's internal layout. */
function comparable(reply: string): string {
  return reply.replace(/radix-tree-nodes([^:]{0,8}):\d+/g, 'radix-tree-nodes$1:?');
}

function ourProbes(store: Store): string[] {
  return probes.map((argv) => comparable(formatReply(decodeAllReplies(store.command(argv))[0] as never)));
}

async function theirProbes(connection: RespConnection): Promise<string[]> {
  const replies: string[] = [];
  for (const argv of probes) replies.push(comparable(formatReply(await connection.command(argv))));
  return replies;
}

describe('streams in RDB files against a real redis-server 7.0', () => {
  const store = createStore({ startEpochMs: Date.now(), config: { 'enable-debug-command': 'yes' } });
  for (const argv of streamCommands()) store.command(argv);

  it('redis-check-rdb accepts our file and redis-server loads the same streams, groups and PELs', async () => {
    writeFileSync(join(directory.path, 'ours.rdb'), rdbBytesOf(store.node));
    const check = runTool('redis-check-rdb', [join(directory.path, 'ours.rdb')]);
    expect(check.output).toContain('RDB looks OK');
    const server = await startRedisOn(directory.path, ['--dbfilename', 'ours.rdb']);
    try {
      const connection = await server.connect();
      expect(await textOf(connection, ['DEBUG', 'DIGEST'])).toBe(store.node.datasetDigest());
      expect(await theirProbes(connection)).toEqual(ourProbes(store));
      connection.close();
    } finally {
      await server.stop();
    }
  });

  it('we load the file redis-server saves of the same commands into the same streams', async () => {
    const server = await startRedisOn(directory.path, ['--dbfilename', 'theirs.rdb']);
    let theirs: string[];
    let digest: string;
    try {
      const connection = await server.connect();
      for (const argv of streamCommands()) await connection.command(argv);
      theirs = await theirProbes(connection);
      digest = await textOf(connection, ['DEBUG', 'DIGEST']);
      expect(await textOf(connection, ['SAVE'])).toBe('OK');
      connection.close();
    } finally {
      await server.stop();
    }
    const target = createStore({ startEpochMs: Date.now(), seed: 5 });
    loadRdbInto(target.node, readFileSync(join(directory.path, 'theirs.rdb')));
    expect(target.node.datasetDigest()).toBe(digest);
    expect(ourProbes(target)).toEqual(theirs);
  });

  it('DUMP payloads of streams restore on the other side', async () => {
    const server = await startRedisOn(directory.path, ['--dbfilename', 'dump-test.rdb']);
    try {
      const connection = await server.connect();
      const ours = store.call('DUMP', 'events') as Buffer;
      const restored = await connection.command(['RESTORE', 'events', '0', ours]);
      expect(formatReply(restored)).toBe('+OK');
      const ourDigest = String((store.call('DEBUG', 'DIGEST-VALUE', 'events') as unknown[])[0]);
      expect(ourDigest).toMatch(/^[0-9a-f]{40}$/);
      expect(await textOf(connection, ['DEBUG', 'DIGEST-VALUE', 'events'])).toBe(JSON.stringify([ourDigest]));
      expect(await textOf(connection, ['XINFO', 'GROUPS', 'events'])).toContain('workers');
      connection.close();
    } finally {
      await server.stop();
    }
  });
});
