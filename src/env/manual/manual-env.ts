import { EnvError } from '../../core/errors.js';
import { Prng } from '../../core/prng.js';
import type { Env, LogLevel } from '../env.js';
import type { Network } from '../network.js';
import { ManualClock } from './manual-clock.js';
import { ManualTimers } from './manual-timers.js';
import { MemoryFileSystem } from './memory-filesystem.js';

export interface ManualEnvOptions {
  readonly seed: number;
  /** Wall-clock start, ms since the epoch (default 2024-01-01T00:00:00Z). */
  readonly startEpochMs?: number;
  readonly hostName?: string;
  /** Receives log lines (default: dropped). */
  readonly log?: (level: LogLevel, message: string) => void;
}

export const DEFAULT_START_EPOCH_MS = 1_704_067_200_000;

/** An Env whose time moves only when told: for the embedded store and unit tests. */
export interface ManualEnv extends Env {
  readonly clock: ManualClock;
  readonly timers: ManualTimers;
  readonly fs: MemoryFileSystem;
  /** The exit code the process asked for, if it did. */
  exitCode(): number | undefined;
}

/** A network with no peers: listening works but nobody connects; connecting is refused. */
function isolatedNetwork(soon: (callback: () => void) => void): Network {
  let nextConnectionId = 1;
  return {
    listen: (port) => (port < 0 || port > 65535 ? new EnvError('EADDRINUSE', `port ${port}`) : { port, close: () => undefined }),
    connect: (options, handlers) => {
      soon(() => handlers.onClose('refused'));
      return {
        connectionId: nextConnectionId++,
        localAddress: 'embedded:0',
        remoteAddress: `${options.host}:${options.port}`,
        write: () => undefined,
        close: () => undefined,
        pendingBytes: () => 0,
      };
    },
  };
}

export function createManualEnv(options: ManualEnvOptions): ManualEnv {
  const clock = new ManualClock(options.startEpochMs ?? DEFAULT_START_EPOCH_MS);
  const timers = new ManualTimers(clock);
  const soon = (callback: () => void): void => timers.soon(callback);
  let exitCode: number | undefined;
  return {
    hostName: options.hostName ?? 'embedded',
    clock,
    timers,
    fs: new MemoryFileSystem(soon),
    net: isolatedNetwork(soon),
    rng: Prng.root(options.seed).fork(options.hostName ?? 'embedded'),
    pid: 1,
    log: (level, message) => options.log?.(level, message),
    exit: (code) => {
      exitCode = code;
    },
    exitCode: () => exitCode,
  };
}
