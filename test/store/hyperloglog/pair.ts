import { createStore, type Store } from '../../../src/store/embedded.js';
import { startRealRedis, type RealRedisServer } from '../../support/real-redis-server.js';
import type { RespConnection } from '../../support/resp-connection.js';
import { decodeAllReplies } from '../../support/resp-decoder.js';

/**
 * A real redis-server 7.0.15 and our embedded store driven with the same
 * binary-safe commands; `run` returns the raw reply bytes of each, so a
 * caller compares them byte for byte. Shared by the HLL and GEO tests.
 */
export interface ServerPair {
  reset(): Promise<void>;
  run(argv: readonly (string | Buffer)[]): Promise<{ readonly real: Buffer; readonly ours: Buffer }>;
  ours(): Store;
  stop(): Promise<void>;
}

export async function startServerPair(): Promise<ServerPair> {
  const server: RealRedisServer = await startRealRedis();
  const connection: RespConnection = await server.connect();
  let store = createStore();
  return {
    async reset() {
      store.close();
      store = createStore();
      await connection.command(['FLUSHALL']);
      await connection.command(['CONFIG', 'SET', 'hll-sparse-max-bytes', '3000']);
      await connection.command(['CONFIG', 'SET', 'zset-max-listpack-entries', '128']);
    },
    async run(argv) {
      const real = (await connection.command(argv)).raw;
      const ours = store.command(argv);
      const decoded = decodeAllReplies(ours);
      if (decoded.length !== 1) throw new Error(`our store sent ${decoded.length} replies`);
      return { real, ours };
    },
    ours: () => store,
    async stop() {
      store.close();
      connection.close();
      await server.stop();
    },
  };
}

/** Runs a sequence on both; the first command whose replies differ, with both replies, or undefined. */
export async function firstDifference(pair: ServerPair, commands: readonly (readonly (string | Buffer)[])[], observe?: (argv: readonly (string | Buffer)[], real: Buffer) => void): Promise<string | undefined> {
  for (const argv of commands) {
    const { real, ours } = await pair.run(argv);
    observe?.(argv, real);
    if (!real.equals(ours)) {
      const shown = argv.map((part) => (typeof part === 'string' ? part : JSON.stringify(part.toString('latin1')))).join(' ');
      return `${shown.slice(0, 300)}\n  real: ${JSON.stringify(real.toString('latin1').slice(0, 400))}\n  ours: ${JSON.stringify(ours.toString('latin1').slice(0, 400))}`;
    }
  }
  return undefined;
}
