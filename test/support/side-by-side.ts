import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createStore, type Store } from '../../src/store/embedded.js';
import { startRealRedis, type RealRedisServer } from './real-redis-server.js';
import type { RespConnection } from './resp-connection.js';
import { decodeAllReplies } from './resp-decoder.js';
import { formatCommand, formatReply } from './resp-format.js';
import type { RespReply } from './resp-reply.js';

/**
 * Runs the same commands on a real redis-server 7.0.15 and on a fresh
 * embedded store, and compares the replies: byte for byte, or (for replies
 * whose order Redis leaves to its hash seed) as multisets of items.
 */
export interface SideBySide {
  /** A fresh store and an emptied real server, both with `config` applied. */
  reset(config?: Readonly<Record<string, string>>): Promise<void>;
  /** Sends `argv` to both and expects the same reply; returns ours. */
  same(argv: readonly string[], order?: Order): Promise<RespReply>;
  /** Sends `argv` to both and returns both replies, without comparing them. */
  replies(argv: readonly string[]): Promise<{ readonly real: RespReply; readonly ours: RespReply }>;
  /** Runs a script, each command compared exactly unless listed as unordered (by command name). */
  script(commands: readonly (readonly string[])[], unordered?: readonly string[]): Promise<void>;
  readonly store: () => Store;
  stop(): Promise<void>;
}

function itemsOf(reply: RespReply): string[] {
  if (reply.kind !== 'array' || reply.items === null) return [reply.raw.toString('latin1')];
  return reply.items.map((item) => item.raw.toString('latin1')).sort();
}

/** A SCAN reply as its cursor plus the sorted (member, score) pairs of its page. */
function scanPairsOf(reply: RespReply): string[] {
  if (reply.kind !== 'array' || reply.items === null) return [reply.raw.toString('latin1')];
  const [cursor, page] = reply.items as [RespReply, RespReply];
  const items = page.kind === 'array' && page.items !== null ? page.items.map((item) => item.raw.toString('latin1')) : [];
  const pairs = Array.from({ length: items.length / 2 }, (_, index) => `${items[index * 2]}${items[index * 2 + 1]}`).sort();
  return [cursor.raw.toString('latin1'), ...pairs];
}

/** exact: byte for byte; unordered: the same items; scan-pairs: same cursor and (member, score) pairs. */
export type Order = 'exact' | 'unordered' | 'scan-pairs';

export async function startSideBySide(): Promise<SideBySide> {
  const server: RealRedisServer = await startRealRedis();
  const connection: RespConnection = await server.connect();
  let store: Store = createStore();
  const same = async (argv: readonly string[], order: Order = 'exact'): Promise<RespReply> => {
    const real = await connection.command(argv);
    const [ours] = decodeAllReplies(store.command(argv));
    const label = formatCommand(argv);
    expect(ours, `${label}: no reply from our store`).toBeDefined();
    const oursReply = ours as RespReply;
    if (order === 'exact') expect(formatReply(oursReply), label).toBe(formatReply(real));
    else if (order === 'unordered') expect(itemsOf(oursReply), label).toEqual(itemsOf(real));
    else expect(scanPairsOf(oursReply), label).toEqual(scanPairsOf(real));
    return oursReply;
  };
  return {
    async reset(config = {}) {
      store.close();
      store = createStore({ config: { ...config } });
      await connection.command(['FLUSHALL']);
      for (const [name, value] of Object.entries(config)) await connection.command(['CONFIG', 'SET', name, value]);
      await connection.command(['CONFIG', 'SET', 'set-max-intset-entries', config['set-max-intset-entries'] ?? '512']);
      await connection.command(['CONFIG', 'SET', 'zset-max-listpack-entries', config['zset-max-listpack-entries'] ?? '128']);
      await connection.command(['CONFIG', 'SET', 'zset-max-listpack-value', config['zset-max-listpack-value'] ?? '64']);
    },
    same,
    async replies(argv) {
      const real = await connection.command(argv);
      const [ours] = decodeAllReplies(store.command(argv));
      expect(ours, `${formatCommand(argv)}: no reply from our store`).toBeDefined();
      return { real, ours: ours as RespReply };
    },
    async script(commands, unordered = []) {
      for (const argv of commands) await same(argv, unordered.includes((argv[0] as string).toLowerCase()) ? 'unordered' : 'exact');
    },
    store: () => store,
    async stop() {
      store.close();
      connection.close();
      await server.stop();
    },
  };
}

/**
 * Registers the hooks of a side-by-side test file: start both before all,
 * stop after all, and (unless `resetBeforeEach` is false) reset both before
 * each test with `config`. Returns a handle usable once the hooks have run.
 */
export function useSideBySide(options: { readonly resetBeforeEach?: boolean; readonly config?: Readonly<Record<string, string>> } = {}): SideBySide {
  let started: SideBySide | undefined;
  const current = (): SideBySide => {
    if (started === undefined) throw new Error('the side-by-side pair is used before beforeAll started it');
    return started;
  };
  beforeAll(async () => {
    started = await startSideBySide();
  });
  afterAll(async () => {
    await started?.stop();
  });
  if (options.resetBeforeEach !== false) beforeEach(async () => current().reset(options.config));
  return {
    reset: async (config) => current().reset(config),
    same: async (argv, order) => current().same(argv, order),
    replies: async (argv) => current().replies(argv),
    script: async (commands, unordered) => current().script(commands, unordered),
    store: () => current().store(),
    stop: async () => current().stop(),
  };
}
