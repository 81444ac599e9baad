import { afterAll, beforeAll } from 'vitest';
import { RawReplyConnection } from './raw-reply-connection.js';
import { startRealRedis, type RealRedisServer } from './real-redis-server.js';
import type { RespConnection } from './resp-connection.js';

/** Starts a real redis-server 7.0.15 for the enclosing describe block and opens `open(server)` to it; the returned function gives the connection inside tests. */
function useRealRedis<Connection extends { close(): void }>(open: (server: RealRedisServer) => Promise<Connection>): () => Connection {
  let server: RealRedisServer | undefined;
  let connection: Connection | undefined;
  beforeAll(async () => {
    server = await startRealRedis();
    connection = await open(server);
  }, 20_000);
  afterAll(async () => {
    connection?.close();
    await server?.stop();
  });
  return () => {
    if (connection === undefined) throw new Error('the real redis-server connection is made in beforeAll');
    return connection;
  };
}

/** A decoded-reply connection to a real redis-server started for the enclosing describe block. */
export function useRealRedisConnection(): () => RespConnection {
  return useRealRedis((server) => server.connect());
}

/** A raw-bytes connection to a real redis-server started for the enclosing describe block. */
export function useRealRedisRawConnection(): () => RawReplyConnection {
  return useRealRedis((server) => RawReplyConnection.open(server.port));
}
