import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRealEnv } from '../../../src/env/real/real-env.js';
import { replicationOf } from '../../../src/store/replication/replication.js';
import { StoreNode } from '../../../src/store/server/node.js';
import { findFreeLoopbackPort } from '../../support/free-port.js';
import { startRealRedis, type RealRedisServer } from '../../support/real-redis-server.js';
import type { RespReply } from '../../support/resp-reply.js';

/** The text of a status or bulk reply. */
function textOf(reply: RespReply): string {
  if (reply.kind === 'status' || reply.kind === 'error') return reply.text;
  if (reply.kind === 'bulk') return reply.value?.toString('latin1') ?? '';
  return reply.raw.toString('latin1');
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function ourNode(config: Readonly<Record<string, string | number>>): Promise<{ readonly node: StoreNode; readonly port: number }> {
  const baseDir = mkdtempSync(join(tmpdir(), 'redsim-repl-'));
  const port = await findFreeLoopbackPort();
  const node = new StoreNode({ env: createRealEnv({ baseDir, seed: 7, log: () => undefined, exit: () => undefined }), config: { port, save: '', 'repl-diskless-sync-delay': 0, ...config } });
  replicationOf(node);
  const error = node.start();
  if (error !== undefined) throw error;
  cleanups.push(() => {
    node.stop();
    rmSync(baseDir, { recursive: true, force: true });
  });
  return { node, port };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sink = { localAddress: 'test:1', remoteAddress: 'test:2', write: () => undefined, close: () => undefined, pendingBytes: () => 0 };

async function realRedis(extra: readonly string[]): Promise<RealRedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'redsim-real-'));
  const server = await startRealRedis({ extraArguments: ['--dir', dir, '--enable-debug-command', 'yes', '--repl-diskless-sync-delay', '0', ...extra] });
  cleanups.push(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return server;
}

async function fill(connection: Awaited<ReturnType<RealRedisServer['connect']>>, prefix: string): Promise<void> {
  await connection.pipeline([
    ['SET', `${prefix}:s`, 'value'], ['SET', `${prefix}:n`, '12345'], ['RPUSH', `${prefix}:l`, 'a', 'b', 'c'], ['HSET', `${prefix}:h`, 'f', 'v', 'g', 'w'],
    ['SADD', `${prefix}:set`, '1', '2', 'x'], ['ZADD', `${prefix}:z`, '1.5', 'a', '2', 'b'], ['SELECT', '2'], ['SET', `${prefix}:db2`, 'x'], ['SELECT', '0'],
  ]);
}

describe('replication against a real redis-server 7.0.15', () => {
  for (const diskless of ['yes', 'no']) {
    it(`our replica syncs from a real master (repl-diskless-sync ${diskless}) and follows its stream to the same DEBUG DIGEST`, async () => {
      const master = await realRedis(['--repl-diskless-sync', diskless]);
      const client = await master.connect();
      await fill(client, 'before');
      const { node } = await ourNode({});
      node.executeCommand(node.createClient(sink), ['REPLICAOF', '127.0.0.1', String(master.port)]);
      await until(() => replicationOf(node).link?.state === 'connected');
      await fill(client, 'after');
      await client.command(['EXPIRE', 'before:s', '100']);
      const masterDigest = textOf(await client.command(['DEBUG', 'DIGEST']));
      await until(() => node.datasetDigest() === masterDigest);
      expect(node.datasetDigest()).toBe(masterDigest);
    }, 30_000);
  }

  it('a real replica syncs from our master and follows our stream to the same DEBUG DIGEST', async () => {
    const { node, port } = await ourNode({});
    const writer = node.createClient(sink);
    for (const argv of [['SET', 'a', '1'], ['RPUSH', 'l', 'x', 'y'], ['HSET', 'h', 'f', 'v'], ['SELECT', '3'], ['SADD', 's', 'm']]) node.executeCommand(writer, argv);
    const replica = await realRedis(['--replicaof', '127.0.0.1', String(port)]);
    const client = await replica.connect();
    await until(async () => textOf(await client.command(['INFO', 'replication'])).includes('master_link_status:up'));
    for (const argv of [['SET', 'b', '2'], ['ZADD', 'z', '3', 'q'], ['SELECT', '0'], ['INCR', 'counter'], ['DEL', 'a']]) node.executeCommand(writer, argv);
    await until(async () => textOf(await client.command(['DEBUG', 'DIGEST'])) === node.datasetDigest());
    expect(textOf(await client.command(['DEBUG', 'DIGEST']))).toBe(node.datasetDigest());
    expect(textOf(await client.command(['ROLE']))).toContain('slave');
  }, 30_000);
});
