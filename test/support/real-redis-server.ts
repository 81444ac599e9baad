import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreeLoopbackPort } from './free-port.js';
import { RespConnection } from './resp-connection.js';

/** Where Debian's redis-server package installs the binary; REDSIM_REDIS_SERVER overrides. */
export const redisServerPath = process.env['REDSIM_REDIS_SERVER'] ?? '/usr/bin/redis-server';

export interface RealRedisServer {
  readonly port: number;
  /** Opens one more client connection to it. */
  connect(): Promise<RespConnection>;
  /** Kills the server and waits for it to exit. */
  stop(): Promise<void>;
}

export interface RealRedisOptions {
  /** Extra `--name value` arguments, e.g. ['--enable-debug-command', 'yes']. */
  readonly extraArguments?: readonly string[];
  readonly startTimeoutMs?: number;
}

const startAttemptsMax = 3;

/**
 * Starts a throwaway redis-server on a free 127.0.0.1 port with persistence
 * off, in a fresh temporary data directory (unless the caller passes --dir):
 * a full resync still writes dump.rdb there, never into the checkout.
 * Retries on another port if the one picked was taken in between.
 */
export async function startRealRedis(options: RealRedisOptions = {}): Promise<RealRedisServer> {
  if (!existsSync(redisServerPath)) {
    throw new Error(`redis-server not found at ${redisServerPath}: install Debian's redis-server package (or set REDSIM_REDIS_SERVER)`);
  }
  let lastError: unknown;
  for (let attempt = 0; attempt < startAttemptsMax; attempt++) {
    const port = await findFreeLoopbackPort();
    try {
      return await startOnPort(port, options);
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`could not start redis-server: ${String(lastError)}`);
}

async function startOnPort(port: number, options: RealRedisOptions): Promise<RealRedisServer> {
  const callerChoosesDir = (options.extraArguments ?? []).includes('--dir');
  const dataDir = callerChoosesDir ? null : mkdtempSync(join(tmpdir(), 'redsim-real-redis-'));
  const removeDataDir = (): void => {
    if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  };
  const argumentsList = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', ...(dataDir === null ? [] : ['--dir', dataDir])];
  // LC_ALL=C: SORT ALPHA compares with strcoll, which then compares bytes as our store does.
  const child = spawn(redisServerPath, [...argumentsList, ...(options.extraArguments ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C' },
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  try {
    await waitUntilServing(port, child, options.startTimeoutMs ?? 10_000);
  } catch (error) {
    await stopChild(child);
    removeDataDir();
    throw new Error(`${String(error)}\n${output.join('').slice(-2000)}`);
  }
  return {
    port,
    connect: () => RespConnection.open(port),
    stop: async () => {
      await stopChild(child);
      removeDataDir();
    },
  };
}

async function waitUntilServing(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    try {
      const connection = await RespConnection.open(port);
      const reply = await connection.command(['PING']);
      connection.close();
      if (reply.kind === 'status' && reply.text === 'PONG') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server did not answer PING on port ${port} within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const forceTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(forceTimer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
