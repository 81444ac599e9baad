/**
 * Shared by the serve benches: starting `redsim serve` and a real
 * redis-server as child processes on free ports, running redis-benchmark
 * against them, and reading a process's resident memory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const redisServerPath = process.env['REDSIM_REDIS_SERVER'] ?? '/usr/bin/redis-server';
export const redisBenchmarkPath = process.env['REDSIM_REDIS_BENCHMARK'] ?? '/usr/bin/redis-benchmark';
/** dist/bench/serve-support/ → dist/src/cli/main.js */
const redsimMain = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'cli', 'main.js');

export interface ServerUnderTest {
  readonly name: 'redsim' | 'redis-server';
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = address !== null && typeof address === 'object' ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const done = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk: Buffer) => done(chunk.toString('latin1').startsWith('+PONG')));
  });
}

/** Starts one server with persistence off and waits until it answers PING. */
export async function startServer(name: ServerUnderTest['name'], extraArguments: readonly string[] = []): Promise<ServerUnderTest> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const common = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dataDir, ...extraArguments];
  const child: ChildProcess =
    name === 'redsim'
      ? spawn(process.execPath, [redsimMain, 'serve', ...common], { stdio: 'ignore' })
      : spawn(redisServerPath, [...common, '--daemonize', 'no'], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 200 && !(await answersPing(port)); attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { name, port, pid: child.pid ?? 0, stop };
}

export interface BenchmarkRow {
  readonly test: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
}

/** Runs redis-benchmark with --csv and returns its rows (test name as redis-benchmark prints it). */
export function runRedisBenchmark(port: number, args: readonly string[]): { rows: BenchmarkRow[]; errors: string } {
  const result = spawnSync(redisBenchmarkPath, ['-h', '127.0.0.1', '-p', String(port), '--csv', ...args], { encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  const rows: BenchmarkRow[] = [];
  for (const line of (result.stdout ?? '').split('\n')) {
    const cells = line.split('","').map((cell) => cell.replace(/^"|"$/g, ''));
    if (cells.length < 5 || cells[0] === 'test') continue;
    rows.push({ test: cells[0] as string, requestsPerSecond: Number(cells[1]), p50Ms: Number(cells[4]) });
  }
  return { rows, errors: result.status === 0 ? (result.stderr ?? '').trim() : `exit ${String(result.status)}: ${result.stderr ?? ''}` };
}

/** VmRSS and VmHWM (peak) of a process in MB, from /proc (Linux). */
export function residentMemoryMb(pid: number): { rssMb: number; peakMb: number } {
  const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  const field = (name: string): number => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rssMb: Math.round(field('VmRSS')), peakMb: Math.round(field('VmHWM')) };
}

/** Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat. */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in microseconds, from /proc (Linux); 0 elsewhere. */
export function cpuTimeUs(pid: number): number {
  const path = `/proc/${pid}/stat`;
  if (!existsSync(path)) return 0;
  const stat = readFileSync(path, 'latin1');
  // Fields after the command name (which may hold spaces) start after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  return (ticks * 1_000_000) / CLOCK_TICKS_PER_SECOND;
}

export function toolsAvailable(): string | undefined {
  if (!existsSync(redisBenchmarkPath)) return `redis-benchmark not found at ${redisBenchmarkPath} (apt-get install redis-tools)`;
  if (!existsSync(redsimMain)) return `${redsimMain} missing: npm run build`;
  return undefined;
}
