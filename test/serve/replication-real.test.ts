import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redisServerPath, startRealRedis } from '../support/real-redis-server.js';
import { RespConnection } from '../support/resp-connection.js';
import { startServeChild } from './serve-child.js';

async function run(port: number, commands: readonly (readonly string[])[]): Promise<string[]> {
  const connection = await RespConnection.open(port);
  try {
    return (await connection.pipeline(commands)).map((reply) => reply.raw.toString('latin1'));
  } finally {
    connection.close();
  }
}

/** Polls a read on the replica until it returns `expected` (replication is asynchronous). */
async function eventually(port: number, command: readonly string[], expected: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (await run(port, [command]))[0] ?? '';
    if (last === expected) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return last;
}

describe.skipIf(!existsSync(redisServerPath))('redsim serve --replicaof, over real sockets, with redis-server on the other end', () => {
  it('a real redis-server replicates from redsim serve: the full sync, then the stream', async () => {
    const master = await startServeChild({ extraArguments: ['--repl-diskless-sync-delay', '0'] });
    await run(master.port, [['SET', 'before', 'sync'], ['RPUSH', 'list', 'a', 'b']]);
    const replica = await startRealRedis({ extraArguments: ['--replicaof', '127.0.0.1', String(master.port)] });
    expect(await eventually(replica.port, ['GET', 'before'], '$4\r\nsync\r\n')).toBe('$4\r\nsync\r\n');
    await run(master.port, [['INCRBY', 'streamed', '7'], ['LPUSH', 'list', 'z']]);
    expect(await eventually(replica.port, ['GET', 'streamed'], '$1\r\n7\r\n')).toBe('$1\r\n7\r\n');
    expect(await eventually(replica.port, ['LRANGE', 'list', '0', '-1'], '*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\nb\r\n')).toBe('*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\nb\r\n');
    await replica.stop();
    await master.stop();
  });

  it('redsim serve --replicaof follows a real redis-server master and refuses writes', async () => {
    const master = await startRealRedis({ extraArguments: ['--repl-diskless-sync-delay', '0'] });
    await run(master.port, [['SET', 'from-real', '42']]);
    const replica = await startServeChild({ extraArguments: ['--replicaof', '127.0.0.1', String(master.port)] });
    expect(replica.output()).toMatch(/^\d+:S /m);
    expect(await eventually(replica.port, ['GET', 'from-real'], '$2\r\n42\r\n')).toBe('$2\r\n42\r\n');
    await run(master.port, [['HSET', 'h', 'f', 'v']]);
    expect(await eventually(replica.port, ['HGET', 'h', 'f'], '$1\r\nv\r\n')).toBe('$1\r\nv\r\n');
    expect(await run(replica.port, [['SET', 'x', '1']])).toEqual(["-READONLY You can't write against a read only replica.\r\n"]);
    await replica.stop();
    await master.stop();
  });
});
