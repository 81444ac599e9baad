/**
 * Bench: in-process command throughput of our store (`createStore().command`,
 * the full path: RESP request encoding and parsing, dispatch, reply bytes)
 * against ioredis-mock (awaited calls), on the same commands and data sizes,
 * measured in the same run. Target: at least 10x ioredis-mock on every command.
 * Run: `node dist/bench/store-vs-ioredis-mock.js` (or `npm run bench`).
 */
import RedisMock from 'ioredis-mock';
import { pathToFileURL } from 'node:url';
import { createStore, type Store } from '../src/store/embedded.js';

type Redis = InstanceType<typeof RedisMock>;

/** One benched command: how ours and the mock issue it for iteration `i`. */
interface BenchedCommand {
  readonly name: string;
  readonly ours: (store: Store, i: number) => void;
  readonly mock: (redis: Redis, i: number) => Promise<unknown>;
}

export interface ThroughputFigure {
  readonly command: string;
  readonly oursOpsPerSecond: number;
  readonly mockOpsPerSecond: number;
  readonly ratio: number;
}

const keySpace = 1000;
const value = 'v'.repeat(16);
const slot = (i: number): string => String(i % keySpace);

const benchedCommands: readonly BenchedCommand[] = [
  { name: 'SET', ours: (s, i) => s.command(['SET', `key:${slot(i)}`, value]), mock: (r, i) => r.set(`key:${slot(i)}`, value) },
  { name: 'GET', ours: (s, i) => s.command(['GET', `key:${slot(i)}`]), mock: (r, i) => r.get(`key:${slot(i)}`) },
  { name: 'INCR', ours: (s) => s.command(['INCR', 'counter']), mock: (r) => r.incr('counter') },
  { name: 'LPUSH', ours: (s, i) => s.command(['LPUSH', 'list', slot(i)]), mock: (r, i) => r.lpush('list', slot(i)) },
  { name: 'LRANGE 0 99', ours: (s) => s.command(['LRANGE', 'list', '0', '99']), mock: (r) => r.lrange('list', 0, 99) },
  { name: 'SADD', ours: (s, i) => s.command(['SADD', 'set', `m:${slot(i)}`]), mock: (r, i) => r.sadd('set', `m:${slot(i)}`) },
  { name: 'HSET', ours: (s, i) => s.command(['HSET', 'hash', `f:${slot(i)}`, value]), mock: (r, i) => r.hset('hash', `f:${slot(i)}`, value) },
  { name: 'ZADD', ours: (s, i) => s.command(['ZADD', 'zset', slot(i * 7), `m:${slot(i)}`]), mock: (r, i) => r.zadd('zset', slot(i * 7), `m:${slot(i)}`) },
  { name: 'ZRANGE 0 99', ours: (s) => s.command(['ZRANGE', 'zset', '0', '99']), mock: (r) => r.zrange('zset', 0, 99) },
];

function wallMsNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function oursOpsPerSecond(store: Store, command: BenchedCommand, operations: number): number {
  const startMs = wallMsNow();
  for (let i = 0; i < operations; i++) command.ours(store, i);
  return operations / ((wallMsNow() - startMs) / 1000);
}

async function mockOpsPerSecond(redis: Redis, command: BenchedCommand, operations: number): Promise<number> {
  const startMs = wallMsNow();
  for (let i = 0; i < operations; i++) await command.mock(redis, i);
  return operations / ((wallMsNow() - startMs) / 1000);
}

/**
 * Each side gets its own instance and the same number of operations per
 * command, so both hold the same data; commands run in table order, so
 * LRANGE and ZRANGE read what LPUSH and ZADD wrote. A warm-up pass (same
 * commands) runs first on throwaway instances.
 */
export async function measureThroughput(operations: number): Promise<ThroughputFigure[]> {
  const warmStore = createStore();
  const warmRedis = new RedisMock();
  for (const command of benchedCommands) {
    oursOpsPerSecond(warmStore, command, Math.ceil(operations / 4));
    await mockOpsPerSecond(warmRedis, command, Math.ceil(operations / 4));
  }
  warmRedis.disconnect();
  const store = createStore();
  const redis = new RedisMock();
  const figures: ThroughputFigure[] = [];
  for (const command of benchedCommands) {
    const ours = oursOpsPerSecond(store, command, operations);
    const mock = await mockOpsPerSecond(redis, command, operations);
    figures.push({ command: command.name, oursOpsPerSecond: ours, mockOpsPerSecond: mock, ratio: ours / mock });
  }
  redis.disconnect();
  return figures;
}

function formatRate(opsPerSecond: number): string {
  return `${(opsPerSecond / 1000).toFixed(1)}k ops/s`.padStart(14);
}

export async function main(): Promise<ThroughputFigure[]> {
  const figures = await measureThroughput(20_000);
  process.stdout.write(`store-vs-ioredis-mock: ${'command'.padEnd(12)} ${'ours'.padStart(14)} ${'ioredis-mock'.padStart(14)}  ratio\n`);
  for (const figure of figures) {
    const verdict = figure.ratio >= 10 ? '' : '  (below the 10x target)';
    process.stdout.write(`store-vs-ioredis-mock: ${figure.command.padEnd(12)} ${formatRate(figure.oursOpsPerSecond)} ${formatRate(figure.mockOpsPerSecond)}  ${figure.ratio.toFixed(1)}x${verdict}\n`);
  }
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
