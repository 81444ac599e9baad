import { fnv32 } from '../core/hash.js';
import type { Prng } from '../core/prng.js';
import type { Env, LogLevel } from '../env/env.js';
import { ProcessDiskContext } from './disk/process-disk-context.js';
import { ProcessFileSystem } from './disk/process-filesystem.js';
import type { SimDisk } from './disk/sim-disk.js';
import type { HostClock } from './host-clock.js';
import type { LogBook } from './log-book.js';
import { ProcessNetwork } from './network/process-network.js';
import type { SimNetwork } from './network/sim-network.js';
import { ProcessClock } from './process-clock.js';
import type { ProcessSlot } from './process-slot.js';
import type { Scheduler } from './scheduler.js';
import { SimTimers } from './sim-timers.js';
import type { WorldStats } from './world-stats.js';

/** Everything needed to build the env of one incarnation. */
export interface SimEnvParts {
  readonly hostName: string;
  readonly incarnation: number;
  readonly slot: ProcessSlot;
  readonly hostClock: HostClock;
  readonly disk: SimDisk;
  readonly network: SimNetwork;
  readonly scheduler: Scheduler;
  readonly stats: WorldStats;
  readonly logs: LogBook;
  readonly worldPrng: Prng;
  readonly exit: (code: number) => void;
}

/** A pid as Redis would print it: stable for a host and incarnation, in 100..99999. */
export function simulatedPid(hostName: string, incarnation: number): number {
  return 100 + (fnv32(`${hostName}#${incarnation}`) % 99_900);
}

/** The env of one incarnation of a host's process. */
export function createSimEnv(parts: SimEnvParts): Env {
  const clock = new ProcessClock(parts.slot, parts.hostClock);
  const { slot, scheduler, incarnation } = parts;
  return {
    hostName: parts.hostName,
    clock,
    timers: new SimTimers(scheduler, slot, incarnation, parts.hostClock, clock),
    fs: new ProcessFileSystem(new ProcessDiskContext(parts.disk, slot, incarnation, scheduler)),
    net: new ProcessNetwork(parts.network, slot, incarnation),
    rng: parts.worldPrng.fork(`process/${parts.hostName}/${incarnation}`),
    pid: simulatedPid(parts.hostName, incarnation),
    log(level: LogLevel, message: string): void {
      parts.logs.add({ timeUs: slot.processNowUs(), host: parts.hostName, incarnation, level, message });
    },
    countSteps(name: string, count: number): void {
      parts.stats.steps.set(name, (parts.stats.steps.get(name) ?? 0) + count);
    },
    exit(code: number): void {
      parts.exit(code);
    },
  };
}
