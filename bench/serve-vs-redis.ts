/**
 * Bench: redis-benchmark against `redsim serve` and against a real
 * redis-server 7.0.15 in the same run, same flags (-c 50, -P 1 and -P 16),
 * per command, printed as a ratio. Target: redsim at least 0.5x real
 * Redis's throughput.
 *
 * Same conditions for both: each server first gets one unmeasured warm-up
 * pass of every test (redsim's JIT compiles its hot paths during the first
 * hundred thousand commands; Redis has nothing to warm), then each
 * (command, -P) pair is measured in several rounds, the two servers in
 * alternating order (redsim first in even rounds, redis first in odd ones),
 * and the ratio printed is the median of the rounds' ratios, so a busy
 * moment of the shared machine colours one round, not the figure. -P 16
 * runs get 5x the requests of -P 1 runs, so that both last long enough to
 * measure (100k pipelined requests take Redis about 0.1 s).
 *
 * Run: `node dist/bench/serve-vs-redis.js [--rounds N] [--requests N]`
 * (or `npm run bench -- serve-vs-redis`).
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { cpuTimeUs, redisServerPath, residentMemoryMb, runRedisBenchmark, startServer, toolsAvailable, type ServerUnderTest } from './serve-support/benchmark-tools.js';

/** redis-benchmark -t names, and the row name it prints for each. */
const TESTS: readonly (readonly [string, string])[] = [
  ['set', 'SET'],
  ['get', 'GET'],
  ['incr', 'INCR'],
  ['lpush', 'LPUSH'],
  ['lrange_100', 'LRANGE_100 (first 100 elements)'],
  ['sadd', 'SADD'],
  ['hset', 'HSET'],
  ['zadd', 'ZADD'],
];
const PIPELINES = [1, 16] as const;
const TARGET_RATIO = 0.5;
const CLIENTS = 50;
const REQUESTS_DEFAULT = 100_000;
const ROUNDS_DEFAULT = 3;
/** -P 16 runs get this many times the requests of -P 1 runs. */
const PIPELINED_REQUESTS_FACTOR = 5;
const WARMUP_REQUESTS = 50_000;

export interface ServeFigure {
  readonly command: string;
  readonly pipeline: number;
  /** Medians over the rounds. */
  readonly redsimRequestsPerSecond: number;
  readonly redisRequestsPerSecond: number;
  /** The median of the rounds' ratios. */
  readonly ratio: number;
  /** Every round's ratio, in round order. */
  readonly roundRatios: readonly number[];
  /**
   * Medians over the rounds of each server's CPU time (user + system) per
   * request: less sensitive than throughput to what else the machine runs.
   */
  readonly redsimCpuUsPerRequest: number;
  readonly redisCpuUsPerRequest: number;
}

export interface ServeBenchOptions {
  /** Requests per -P 1 run (-P 16 runs get PIPELINED_REQUESTS_FACTOR times as many). */
  readonly requests: number;
  readonly rounds: number;
}

interface RunFigure {
  readonly requestsPerSecond: number;
  /** The server's CPU time during the run per request (LRANGE_100 runs also count the LPUSHes that fill the list). */
  readonly cpuUsPerRequest: number;
}

function requestsPerSecond(server: ServerUnderTest, test: string, rowName: string, pipeline: number, requests: number): number {
  return measureRun(server, test, rowName, pipeline, requests).requestsPerSecond;
}

function measureRun(server: ServerUnderTest, test: string, rowName: string, pipeline: number, requests: number): RunFigure {
  const cpuBeforeUs = cpuTimeUs(server.pid);
  const { rows, errors } = runRedisBenchmark(server.port, ['-c', String(CLIENTS), '-n', String(requests), '-P', String(pipeline), '-t', test]);
  const cpuUs = cpuTimeUs(server.pid) - cpuBeforeUs;
  if (errors !== '') process.stderr.write(`serve-vs-redis: ${server.name} ${test} -P ${pipeline}: ${errors}\n`);
  return { requestsPerSecond: rows.find((row) => row.test === rowName)?.requestsPerSecond ?? 0, cpuUsPerRequest: cpuUs / requests };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** One unmeasured pass of every test and pipeline on both servers. */
function warmUp(servers: readonly ServerUnderTest[]): void {
  for (const pipeline of PIPELINES) {
    for (const [test, rowName] of TESTS) {
      for (const server of servers) requestsPerSecond(server, test, rowName, pipeline, WARMUP_REQUESTS);
    }
  }
}

/** One (command, -P) pair over the rounds, alternating which server goes first. */
function measurePair(redsim: ServerUnderTest, redis: ServerUnderTest, test: string, rowName: string, pipeline: number, options: ServeBenchOptions): ServeFigure {
  const requests = pipeline > 1 ? options.requests * PIPELINED_REQUESTS_FACTOR : options.requests;
  const ours: number[] = [];
  const theirs: number[] = [];
  const ourCpu: number[] = [];
  const theirCpu: number[] = [];
  const roundRatios: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? [redsim, redis] : [redis, redsim];
    const runs = new Map(order.map((server) => [server.name, measureRun(server, test, rowName, pipeline, requests)] as const));
    const redsimRun = runs.get('redsim');
    const redisRun = runs.get('redis-server');
    const redsimRate = redsimRun?.requestsPerSecond ?? 0;
    const redisRate = redisRun?.requestsPerSecond ?? 0;
    ours.push(redsimRate);
    theirs.push(redisRate);
    ourCpu.push(redsimRun?.cpuUsPerRequest ?? 0);
    theirCpu.push(redisRun?.cpuUsPerRequest ?? 0);
    roundRatios.push(redisRate > 0 ? redsimRate / redisRate : 0);
  }
  return {
    command: rowName.split(' ')[0] ?? rowName,
    pipeline,
    redsimRequestsPerSecond: median(ours),
    redisRequestsPerSecond: median(theirs),
    ratio: median(roundRatios),
    roundRatios,
    redsimCpuUsPerRequest: median(ourCpu),
    redisCpuUsPerRequest: median(theirCpu),
  };
}

export async function measureServeVsRedis(options: ServeBenchOptions): Promise<ServeFigure[]> {
  const redsim = await startServer('redsim');
  const redis = await startServer('redis-server');
  const figures: ServeFigure[] = [];
  try {
    warmUp([redsim, redis]);
    for (const pipeline of PIPELINES) {
      for (const [test, rowName] of TESTS) figures.push(measurePair(redsim, redis, test, rowName, pipeline, options));
    }
    const memory = residentMemoryMb(redsim.pid);
    process.stdout.write(`serve-vs-redis: redsim serve RSS after the run ${memory.rssMb} MB (peak ${memory.peakMb} MB)\n`);
  } finally {
    await redsim.stop();
    await redis.stop();
  }
  return figures;
}

function formatCpu(figure: ServeFigure): string {
  return `${figure.redsimCpuUsPerRequest.toFixed(2).padStart(6)} / ${figure.redisCpuUsPerRequest.toFixed(2).padEnd(6)}`.padEnd(27);
}

function formatRate(requestsPerSecond: number): string {
  return `${(requestsPerSecond / 1000).toFixed(1)}k/s`.padStart(10);
}

/** `--rounds N` and `--requests N` from the command line, else the defaults. */
export function parseBenchOptions(argv: readonly string[]): ServeBenchOptions {
  const known = new Set(['--requests', '--rounds']);
  for (let index = 0; index < argv.length; index += 2) {
    const flag = argv[index] as string;
    if (!known.has(flag)) throw new RangeError(`serve-vs-redis: unknown flag ${flag} (known: --requests N, --rounds N)`);
  }
  const valueOf = (flag: string, fallback: number): number => {
    const at = argv.indexOf(flag);
    if (at === -1) return fallback;
    const text = argv[at + 1];
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0) throw new RangeError(`serve-vs-redis: ${flag} must be a positive integer, got ${String(text)}`);
    return value;
  };
  return { requests: valueOf('--requests', REQUESTS_DEFAULT), rounds: valueOf('--rounds', ROUNDS_DEFAULT) };
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<ServeFigure[]> {
  const missing = toolsAvailable() ?? (existsSync(redisServerPath) ? undefined : `redis-server not found at ${redisServerPath}`);
  if (missing !== undefined) {
    process.stdout.write(`serve-vs-redis: skipped: ${missing}\n`);
    return [];
  }
  const options = parseBenchOptions(argv);
  const figures = await measureServeVsRedis(options);
  const flags = `redis-benchmark -c ${CLIENTS} -n ${options.requests} (-P 16: ${options.requests * PIPELINED_REQUESTS_FACTOR}), median of ${options.rounds} alternating rounds`;
  process.stdout.write(`serve-vs-redis: ${'command'.padEnd(11)} ${'-P'.padStart(3)} ${'redsim'.padStart(10)} ${'redis'.padStart(10)}  ratio   cpu µs/req redsim/redis   rounds   (${flags})\n`);
  for (const figure of figures) {
    const verdict = figure.ratio >= TARGET_RATIO ? '' : `  (below the ${TARGET_RATIO}x target)`;
    const rounds = figure.roundRatios.map((ratio) => ratio.toFixed(2)).join(' ');
    process.stdout.write(
      `serve-vs-redis: ${figure.command.padEnd(11)} ${String(figure.pipeline).padStart(3)} ${formatRate(figure.redsimRequestsPerSecond)} ${formatRate(figure.redisRequestsPerSecond)}  ${figure.ratio.toFixed(2)}x  ${formatCpu(figure)}  [${rounds}]${verdict}\n`,
    );
  }
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
