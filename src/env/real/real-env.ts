import * as os from 'node:os';
import type { EnvError } from '../../core/errors.js';
import { Prng } from '../../core/prng.js';
import type { Env, LogLevel } from '../env.js';
import { RealClock } from './real-clock.js';
import { RealFileSystem } from './real-filesystem.js';
import { RealNetwork } from './real-network.js';
import { RealTimers } from './real-timers.js';

export interface RealEnvOptions {
  /** Working directory for every relative path (Redis's `dir`). */
  readonly baseDir: string;
  /** Address to listen on (default 127.0.0.1). */
  readonly bindAddress?: string;
  /** Seed of the process's random stream (default: the wall clock). */
  readonly seed?: number;
  readonly hostName?: string;
  /** Where log lines go (default: stderr, in Redis's format). */
  readonly log?: (level: LogLevel, message: string) => void;
  /** What `env.exit` does (default: process.exit). */
  readonly exit?: (code: number) => void;
}

const levelMarks: Readonly<Record<LogLevel, string>> = { debug: '.', verbose: '-', notice: '*', warning: '#' };

function redisStyleLog(level: LogLevel, message: string): void {
  const now = new Date();
  const stamp = `${now.toUTCString().slice(5, 16)} ${now.toISOString().slice(11, 23)}`;
  process.stderr.write(`${process.pid}:M ${stamp} ${levelMarks[level]} ${message}\n`);
}

/** The env of a real process: the wall clock, Node timers, node:fs under `baseDir`, node:net. */
export function createRealEnv(options: RealEnvOptions): Env {
  const log = options.log ?? redisStyleLog;
  const steps = new Map<string, number>();
  return {
    hostName: options.hostName ?? os.hostname(),
    clock: new RealClock(),
    timers: new RealTimers(),
    fs: new RealFileSystem(options.baseDir),
    net: new RealNetwork(options.bindAddress ?? '127.0.0.1', (error: EnvError) => log('warning', error.message)),
    rng: Prng.root(options.seed ?? Date.now()),
    pid: process.pid,
    log,
    countSteps(name: string, count: number): void {
      steps.set(name, (steps.get(name) ?? 0) + count);
    },
    exit: options.exit ?? ((code: number) => process.exit(code)),
  };
}
