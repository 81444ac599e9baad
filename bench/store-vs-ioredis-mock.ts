/**
 * Bench: in-process command throughput of our store (`createStore().command`:
 * the embedded direct path, i.e. dispatch, beforeSleep and the exact reply
 * bytes, without RESP request encoding and parsing) against ioredis-mock
 * (awaited calls), on the same commands and data sizes, measured in the same
 * run. The `via RESP` column is the network path in process
 * (`sendRaw(encodeRequest(argv))`: encode, parse, dispatch, reply bytes).
 * Target: at least 10x ioredis-mock on every command.
 * For SET, GET and INCR it also measures a bare Map store that returns the
 * same reply bytes in fresh Buffers and does nothing else
 * (store-support/bare-map-store.ts): the ceiling of the ratio on those
 * commands for any store answering like `command()` in this process.
 * Run: `node dist/bench/store-vs-ioredis-mock.js` (or `npm run bench`).
 */
import RedisMock from 'ioredis-mock';
import { pathToFileURL } from 'node:url';
import { createStore, type Store } from '../src/store/embedded.js';
import { encodeRequest } from '../src/store/protocol/request-encoder.js';
import { BareMapStore } from './store-support/bare-map-store.js';

type Redis = InstanceType<typeof RedisMock>;

/** One benched command: how ours and the mock issue it for iteration `i`. */
interface BenchedCommand {
  readonly name: string;
  readonly argv: (i: number) => string[];
  readonly mock: (redis: Redis, i: number) => Promise<unknown>;
  /**
   * Runs HOT_OPERATIONS_FACTOR times the operations: a round of the cheapest
   * commands is otherwise 2-3 ms, where JIT warm-up, one GC pause or one
   * preemption on a shared machine is most of what is measured. The bare
   * Map store (SET, GET and INCR only) runs beside them.
   */
  readonly hot?: boolean;
}

const HOT_OPERATIONS_FACTOR = 10;

export interface ThroughputFigure {
  readonly command: string;
  readonly oursOpsPerSecond: number;
  /** The same commands sent as RESP bytes (sendRaw): the parser's path. */
  readonly oursViaRespOpsPerSecond: number;
  readonly mockOpsPerSecond: number;
  readonly ratio: number;
  /** Hot commands: the bare Map store's ops/s and its ratio to ioredis-mock (the ceiling for `ratio`). */
  readonly bareMap: { readonly opsPerSecond: number; readonly ratio: number } | undefined;
  /** CPU time per operation (user + system, median round): the machine may be shared, CPU time is steadier than wall time. */
  readonly oursCpuNsPerOp: number;
  readonly mockCpuNsPerOp: number;
}

const keySpace = 1000;
const value = 'v'.repeat(16);
const slot = (i: number): string => String(i % keySpace);

const benchedCommands: readonly BenchedCommand[] = [
  { name: 'SET', argv: (i) => ['SET', `key:${slot(i)}`, value], mock: (r, i) => r.set(`key:${slot(i)}`, value), hot: true },
  { name: 'GET', argv: (i) => ['GET', `key:${slot(i)}`], mock: (r, i) => r.get(`key:${slot(i)}`), hot: true },
  { name: 'INCR', argv: () => ['INCR', 'counter'], mock: (r) => r.incr('counter'), hot: true },
  { name: 'LPUSH', argv: (i) => ['LPUSH', 'list', slot(i)], mock: (r, i) => r.lpush('list', slot(i)) },
  { name: 'LRANGE 0 99', argv: () => ['LRANGE', 'list', '0', '99'], mock: (r) => r.lrange('list', 0, 99) },
  { name: 'SADD', argv: (i) => ['SADD', 'set', `m:${slot(i)}`], mock: (r, i) => r.sadd('set', `m:${slot(i)}`) },
  { name: 'HSET', argv: (i) => ['HSET', 'hash', `f:${slot(i)}`, value], mock: (r, i) => r.hset('hash', `f:${slot(i)}`, value) },
  { name: 'ZADD', argv: (i) => ['ZADD', 'zset', slot(i * 7), `m:${slot(i)}`], mock: (r, i) => r.zadd('zset', slot(i * 7), `m:${slot(i)}`) },
  { name: 'ZRANGE 0 99', argv: () => ['ZRANGE', 'zset', '0', '99'], mock: (r) => r.zrange('zset', 0, 99) },
];

function wallMsNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Operations [from, from + count) of one command; each measure returns ops/s. */
interface Span {
  readonly from: number;
  readonly count: number;
}

function cpuUsNow(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/** The CPU time of the last measured round of each side, ns per operation. */
const lastCpuNsPerOp = { ours: 0, mock: 0 };

function oursOpsPerSecond(store: Store, command: BenchedCommand, span: Span): number {
  const startMs = wallMsNow();
  const startCpuUs = cpuUsNow();
  for (let i = span.from; i < span.from + span.count; i++) store.command(command.argv(i));
  lastCpuNsPerOp.ours = ((cpuUsNow() - startCpuUs) * 1000) / span.count;
  return span.count / ((wallMsNow() - startMs) / 1000);
}

function bareMapOpsPerSecond(store: BareMapStore, command: BenchedCommand, span: Span): number {
  const startMs = wallMsNow();
  for (let i = span.from; i < span.from + span.count; i++) store.command(command.argv(i));
  return span.count / ((wallMsNow() - startMs) / 1000);
}

function oursViaRespOpsPerSecond(store: Store, command: BenchedCommand, span: Span): number {
  const startMs = wallMsNow();
  for (let i = span.from; i < span.from + span.count; i++) store.sendRaw(encodeRequest(command.argv(i)));
  return span.count / ((wallMsNow() - startMs) / 1000);
}

async function mockOpsPerSecond(redis: Redis, command: BenchedCommand, span: Span): Promise<number> {
  const startMs = wallMsNow();
  const startCpuUs = cpuUsNow();
  for (let i = span.from; i < span.from + span.count; i++) await command.mock(redis, i);
  lastCpuNsPerOp.mock = ((cpuUsNow() - startCpuUs) * 1000) / span.count;
  return span.count / ((wallMsNow() - startMs) / 1000);
}

/** Rounds per command: the sides alternate, and each side's median round counts (the machine is shared). */
const ROUNDS = 3;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Each side gets its own instance and the same operations per command, so
 * all hold the same data; commands run in table order, so LRANGE and ZRANGE
 * read what LPUSH and ZADD wrote. A command's operations are split into
 * ROUNDS rounds in which the sides take turns, and each side's figure is
 * its median round. A warm-up pass (same commands) runs first on throwaway
 * instances. Hot commands run more operations (see BenchedCommand.hot).
 */
export async function measureThroughput(operations: number): Promise<ThroughputFigure[]> {
  const warmStore = createStore();
  const warmViaResp = createStore();
  const warmRedis = new RedisMock();
  const warmBare = new BareMapStore();
  const operationsOf = (command: BenchedCommand): number => (command.hot === true ? operations * HOT_OPERATIONS_FACTOR : operations);
  for (const command of benchedCommands) {
    const warmSpan: Span = { from: 0, count: Math.ceil(operationsOf(command) / 4) };
    oursOpsPerSecond(warmStore, command, warmSpan);
    oursViaRespOpsPerSecond(warmViaResp, command, warmSpan);
    if (command.hot === true) bareMapOpsPerSecond(warmBare, command, warmSpan);
    await mockOpsPerSecond(warmRedis, command, warmSpan);
  }
  warmRedis.disconnect();
  const store = createStore();
  const viaResp = createStore();
  const redis = new RedisMock();
  const bare = new BareMapStore();
  const figures: ThroughputFigure[] = [];
  for (const command of benchedCommands) {
    const perRound = Math.ceil(operationsOf(command) / ROUNDS);
    const rates = { ours: [] as number[], viaResp: [] as number[], mock: [] as number[], bare: [] as number[] };
    const cpu = { ours: [] as number[], mock: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      const span: Span = { from: round * perRound, count: perRound };
      rates.ours.push(oursOpsPerSecond(store, command, span));
      cpu.ours.push(lastCpuNsPerOp.ours);
      rates.viaResp.push(oursViaRespOpsPerSecond(viaResp, command, span));
      if (command.hot === true) rates.bare.push(bareMapOpsPerSecond(bare, command, span));
      rates.mock.push(await mockOpsPerSecond(redis, command, span));
      cpu.mock.push(lastCpuNsPerOp.mock);
    }
    const ours = median(rates.ours);
    const mock = median(rates.mock);
    figures.push({
      command: command.name,
      oursOpsPerSecond: ours,
      oursViaRespOpsPerSecond: median(rates.viaResp),
      mockOpsPerSecond: mock,
      ratio: ours / mock,
      bareMap: rates.bare.length === 0 ? undefined : { opsPerSecond: median(rates.bare), ratio: median(rates.bare) / mock },
      oursCpuNsPerOp: median(cpu.ours),
      mockCpuNsPerOp: median(cpu.mock),
    });
  }
  redis.disconnect();
  return figures;
}

function formatRate(opsPerSecond: number): string {
  return `${(opsPerSecond / 1000).toFixed(1)}k ops/s`.padStart(14);
}

export async function main(): Promise<ThroughputFigure[]> {
  const figures = await measureThroughput(20_000);
  process.stdout.write(`store-vs-ioredis-mock: ${'command'.padEnd(12)} ${'ours'.padStart(14)} ${'ours via RESP'.padStart(14)} ${'ioredis-mock'.padStart(14)}  ratio  (CPU ns/op ours / mock = CPU ratio)\n`);
  for (const figure of figures) {
    const bare = figure.bareMap === undefined ? '' : `  [a bare Map with fresh reply Buffers: ${formatRate(figure.bareMap.opsPerSecond).trim()}, ${figure.bareMap.ratio.toFixed(1)}x]`;
    const verdict = (figure.ratio >= 10 ? '' : '  (below the 10x target)') + bare;
    const rates = `${formatRate(figure.oursOpsPerSecond)} ${formatRate(figure.oursViaRespOpsPerSecond)} ${formatRate(figure.mockOpsPerSecond)}`;
    const cpu = `(${figure.oursCpuNsPerOp.toFixed(0)} / ${figure.mockCpuNsPerOp.toFixed(0)} = ${(figure.mockCpuNsPerOp / figure.oursCpuNsPerOp).toFixed(1)}x)`;
    process.stdout.write(`store-vs-ioredis-mock: ${figure.command.padEnd(12)} ${rates}  ${figure.ratio.toFixed(1)}x  ${cpu}${verdict}\n`);
  }
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
