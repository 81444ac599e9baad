import { assert } from '../core/assert.js';
import type { Prng } from '../core/prng.js';
import type { Env, ProcessMain } from '../env/env.js';
import type { DiskOptions } from './disk/disk-options.js';
import { type PowerLossReport, SimDisk } from './disk/sim-disk.js';
import { kernelKinds } from './event-kind.js';
import { HostClock } from './host-clock.js';
import type { LogBook } from './log-book.js';
import type { NetworkHost, SimNetwork } from './network/sim-network.js';
import { ProcessSlot, type ProcessState } from './process-slot.js';
import type { Scheduler } from './scheduler.js';
import { createSimEnv } from './sim-env.js';
import type { WorldStats } from './world-stats.js';

export interface HostOptions {
  /** The host's address on the network (e.g. `n1`). */
  readonly name: string;
  /** Wall clock ahead of true time by this much at creation (negative: behind). */
  readonly clockOffsetMs?: number;
  /** Clock rate error in parts per million (positive: the host's clock runs fast). */
  readonly clockDriftPpm?: number;
  readonly disk?: DiskOptions;
}

/** What a host needs from its world. */
export interface HostServices {
  readonly scheduler: Scheduler;
  readonly network: SimNetwork;
  readonly stats: WorldStats;
  readonly logs: LogBook;
  readonly prng: Prng;
  readonly epochUs: number;
}

interface ProcessStart {
  readonly main: ProcessMain;
  readonly env: Env;
}

function runProcessMain(start: ProcessStart): void {
  start.main(start.env);
}

/**
 * A simulated machine: a clock, a disk and one process slot. The harness
 * starts, kills, pauses, resumes and restarts its process and cuts its
 * power; every start is a new incarnation with a fresh env.
 */
export class SimHost implements NetworkHost {
  readonly name: string;
  readonly clock: HostClock;
  readonly disk: SimDisk;
  readonly process: ProcessSlot;
  private main: ProcessMain | null = null;

  constructor(
    options: HostOptions,
    readonly index: number,
    private readonly services: HostServices,
  ) {
    this.name = options.name;
    const nowUs = (): number => services.scheduler.nowUs();
    this.clock = new HostClock(nowUs, services.epochUs, options.clockOffsetMs ?? 0, options.clockDriftPpm ?? 0);
    this.disk = new SimDisk(options.name, nowUs, services.prng.fork(`disk/${options.name}`), options.disk);
    this.process = new ProcessSlot(services.scheduler, services.stats, index);
  }

  /** The current (or last) incarnation number; 0 before the first start. */
  get incarnation(): number {
    return this.process.incarnation;
  }

  get state(): ProcessState {
    return this.process.state;
  }

  /** Its process is running or paused. */
  get isUp(): boolean {
    return this.process.isAlive;
  }

  /** Starts `main` as a new incarnation; `main(env)` runs as this incarnation's first event. */
  start(main: ProcessMain): number {
    assert(!this.process.isAlive, `host ${this.name} starts a process only when none is alive`);
    this.main = main;
    const incarnation = this.process.begin();
    this.services.stats.processStarts++;
    const env = createSimEnv({
      hostName: this.name,
      incarnation,
      slot: this.process,
      hostClock: this.clock,
      disk: this.disk,
      network: this.services.network,
      scheduler: this.services.scheduler,
      stats: this.services.stats,
      logs: this.services.logs,
      worldPrng: this.services.prng,
      exit: (code) => this.exitProcess(incarnation, code),
    });
    this.process.scheduleFor(incarnation, this.services.scheduler.nowUs(), kernelKinds.processStart, incarnation, runProcessMain, { main, env });
    return incarnation;
  }

  /** Starts the last started main again (restart from disk); kills the live process first. */
  restart(): number {
    assert(this.main !== null, `host ${this.name} restarts only a process it started before`);
    if (this.process.isAlive) this.kill();
    return this.start(this.main);
  }

  /** The process dies at once (SIGKILL); the page cache survives. False if none was alive. */
  kill(): boolean {
    if (!this.process.isAlive) return false;
    this.process.end('dead');
    this.services.stats.processKills++;
    this.services.network.processEnded(this.index, false);
    return true;
  }

  /** The power goes: the process dies and the disk keeps only what the power-loss policy lets through. */
  powerLoss(): PowerLossReport {
    this.kill();
    this.services.stats.powerLosses++;
    return this.disk.powerLoss();
  }

  /** Stops the process (SIGSTOP): its events wait, in order, until resume. False if it was not running. */
  pause(): boolean {
    if (this.process.state !== 'running') return false;
    this.process.pause();
    return true;
  }

  resume(): boolean {
    if (this.process.state !== 'paused') return false;
    this.process.resume();
    return true;
  }

  private exitProcess(incarnation: number, code: number): void {
    if (!this.process.isCurrent(incarnation)) return;
    this.process.end('exited', code);
    this.services.network.processEnded(this.index, true);
  }
}
