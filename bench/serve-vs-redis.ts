/**
 * Bench: redis-benchmark against `redsim serve` and against a real
 * redis-server 7.0.15 in the same run, same flags (-c 50 -n 100000, -P 1
 * and -P 16), per command, printed as a ratio. Target: redsim at least 0.5x
 * real Redis's throughput. The two servers are measured alternately, command
 * by command, so a busy machine colours both alike.
 * Run: `node dist/bench/serve-vs-redis.js` (or `npm run bench`).
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { redisServerPath, residentMemoryMb, runRedisBenchmark, startServer, toolsAvailable, type ServerUnderTest } from './serve-support/benchmark-tools.js';

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

export interface ServeFigure {
  readonly command: string;
  readonly pipeline: number;
  readonly redsimRequestsPerSecond: number;
  readonly redisRequestsPerSecond: number;
  readonly ratio: number;
}

function requestsPerSecond(server: ServerUnderTest, test: string, rowName: string, pipeline: number, requests: number): number {
  const { rows, errors } = runRedisBenchmark(server.port, ['-c', '50', '-n', String(requests), '-P', String(pipeline), '-t', test]);
  if (errors !== '') process.stderr.write(`serve-vs-redis: ${server.name} ${test} -P ${pipeline}: ${errors}\n`);
  return rows.find((row) => row.test === rowName)?.requestsPerSecond ?? 0;
}

export async function measureServeVsRedis(requests: number): Promise<ServeFigure[]> {
  const redsim = await startServer('redsim');
  const redis = await startServer('redis-server');
  const figures: ServeFigure[] = [];
  try {
    for (const pipeline of PIPELINES) {
      for (const [test, rowName] of TESTS) {
        const ours = requestsPerSecond(redsim, test, rowName, pipeline, requests);
        const theirs = requestsPerSecond(redis, test, rowName, pipeline, requests);
        figures.push({ command: rowName.split(' ')[0] ?? rowName, pipeline, redsimRequestsPerSecond: ours, redisRequestsPerSecond: theirs, ratio: theirs > 0 ? ours / theirs : 0 });
      }
    }
    const memory = residentMemoryMb(redsim.pid);
    process.stdout.write(`serve-vs-redis: redsim serve RSS after the run ${memory.rssMb} MB (peak ${memory.peakMb} MB)\n`);
  } finally {
    await redsim.stop();
    await redis.stop();
  }
  return figures;
}

function formatRate(requestsPerSecond: number): string {
  return `${(requestsPerSecond / 1000).toFixed(1)}k/s`.padStart(10);
}

export async function main(): Promise<ServeFigure[]> {
  const missing = toolsAvailable() ?? (existsSync(redisServerPath) ? undefined : `redis-server not found at ${redisServerPath}`);
  if (missing !== undefined) {
    process.stdout.write(`serve-vs-redis: skipped: ${missing}\n`);
    return [];
  }
  const figures = await measureServeVsRedis(100_000);
  process.stdout.write(`serve-vs-redis: ${'command'.padEnd(11)} ${'-P'.padStart(3)} ${'redsim'.padStart(10)} ${'redis'.padStart(10)}  ratio   (redis-benchmark -c 50 -n 100000)\n`);
  for (const figure of figures) {
    const verdict = figure.ratio >= TARGET_RATIO ? '' : `  (below the ${TARGET_RATIO}x target)`;
    process.stdout.write(
      `serve-vs-redis: ${figure.command.padEnd(11)} ${String(figure.pipeline).padStart(3)} ${formatRate(figure.redsimRequestsPerSecond)} ${formatRate(figure.redisRequestsPerSecond)}  ${figure.ratio.toFixed(2)}x${verdict}\n`,
    );
  }
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
