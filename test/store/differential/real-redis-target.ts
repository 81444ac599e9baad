import { startRealRedis, type RealRedisServer } from '../../support/real-redis-server.js';
import type { RespConnection } from '../../support/resp-connection.js';
import { formatReply } from '../../support/resp-format.js';
import { arrayItems, bulkBytes } from '../../support/resp-reply.js';
import { defaultEncodingThresholds, type DifferentialTarget, type SequenceConfig } from './target.js';

/** The reference server: DEBUG enabled, since the final read-back compares DEBUG DIGEST. */
export async function startReferenceRedis(): Promise<RealRedisServer> {
  const server = await startRealRedis({ extraArguments: ['--enable-debug-command', 'yes'] });
  const connection = await server.connect();
  const info = bulkBytes(await connection.command(['INFO', 'server']))?.toString('latin1') ?? '';
  connection.close();
  const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  if (!version.startsWith('7.0.')) {
    await server.stop();
    throw new Error(`the differential test compares against redis-server 7.0.x (Debian bookworm's redis-server package), found ${version}`);
  }
  return server;
}

/**
 * A real redis-server reached over one connection, reused across
 * sequences: `begin` goes back to RESP2 (a sequence may have sent HELLO 3),
 * leaves any transaction, drops WATCHes and the client
 * name, selects db 0, FLUSHALLs and applies the sequence's config (the
 * thresholds it does not override go back to their defaults). Active expiry
 * is off, as in our store whose virtual clock stands still during a
 * sequence: keys expire only when a command looks them up.
 */
export async function realRedisTarget(server: RealRedisServer, label = 'real'): Promise<DifferentialTarget> {
  const connection: RespConnection = await server.connect();
  return {
    label,
    async begin(config: SequenceConfig): Promise<number> {
      const settings = { ...defaultEncodingThresholds, ...config };
      const configCommands = Object.entries(settings).map(([name, value]) => ['CONFIG', 'SET', name, value]);
      const replies = await connection.pipeline([
        ['HELLO', '2'],
        ['DISCARD'],
        ['UNWATCH'],
        ['SELECT', '0'],
        ['CLIENT', 'SETNAME', ''],
        ['FLUSHALL'],
        ['DEBUG', 'SET-ACTIVE-EXPIRE', '0'],
        ...configCommands,
        ['TIME'],
      ]);
      const failed = replies.slice(2, -1).find((reply) => reply.kind !== 'status' || reply.text !== 'OK');
      if (failed !== undefined) throw new Error(`${label}: resetting the server failed: ${formatReply(failed)}`);
      return timeReplyMs(replies[replies.length - 1]);
    },
    run: (commands) => connection.pipeline(commands),
    close: async () => connection.close(),
  };
}

function timeReplyMs(reply: Parameters<typeof arrayItems>[0] | undefined): number {
  const items = reply === undefined ? undefined : arrayItems(reply);
  const seconds = items?.[0] === undefined ? undefined : bulkBytes(items[0]);
  const micros = items?.[1] === undefined ? undefined : bulkBytes(items[1]);
  if (seconds === undefined || micros === undefined) throw new Error('TIME did not answer [seconds, microseconds]');
  return Number(seconds.toString('latin1')) * 1000 + Math.floor(Number(micros.toString('latin1')) / 1000);
}
