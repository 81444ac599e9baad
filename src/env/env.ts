import type { Prng } from '../core/prng.js';
import type { Clock } from './clock.js';
import type { FileSystem } from './filesystem.js';
import type { Network } from './network.js';
import type { Timers } from './timers.js';

export type LogLevel = 'debug' | 'verbose' | 'notice' | 'warning';

/**
 * Everything a process (store node, sentinel, client) may touch of the world.
 * The store sees only this; the simulator and `env/real` implement it.
 */
export interface Env {
  /** The host's name in the sim (`n1`), or the machine's in real mode. */
  readonly hostName: string;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly fs: FileSystem;
  readonly net: Network;
  /** This process's own random stream. */
  readonly rng: Prng;
  /** The process id Redis would print (stable per incarnation in the sim). */
  readonly pid: number;
  log(level: LogLevel, message: string): void;
  /** Step counting for complexity reports: add `count` to counter `name`. */
  countSteps?(name: string, count: number): void;
  /** The process asks to exit (SHUTDOWN); the env stops delivering events to it. */
  exit(code: number): void;
}

/** A process body: started with its env, it reacts to callbacks from then on. */
export type ProcessMain = (env: Env) => void;
