import { assert } from '../core/assert.js';
import { limits } from '../core/limits.js';
import { Prng } from '../core/prng.js';
import { eventKind } from './event-kind.js';
import { LogBook, type LogEntry } from './log-book.js';
import type { NetworkOptions } from './network/network-options.js';
import { SimNetwork } from './network/sim-network.js';
import { type RunOptions, type RunOutcome, Scheduler } from './scheduler.js';
import { type SimEvent, WORLD_HOST_INDEX } from './sim-event.js';
import { type HostOptions, SimHost } from './sim-host.js';
import { Trace } from './trace.js';
import { emptyWorldStats, type WorldStats } from './world-stats.js';

export interface WorldOptions {
  /** The one seed of the run: every random draw descends from it. */
  readonly seed: number;
  /** Wall-clock ms since the Unix epoch at true time 0 (default 2023-11-14T22:13:20Z). */
  readonly epochMs?: number;
  readonly network?: NetworkOptions;
  /** Trace entries kept in memory for printing (the hash covers all). */
  readonly traceEntriesKeptMax?: number;
  /** Log lines kept in memory. */
  readonly logEntriesKeptMax?: number;
  /** Sees every line a process logs, as it is logged. */
  readonly onLog?: (entry: LogEntry) => void;
}

/** A handle on a world-level event, to cancel it. */
export type WorldEventHandle = SimEvent;

const DEFAULT_EPOCH_MS = 1_700_000_000_000;
const DEFAULT_LOG_ENTRIES_KEPT_MAX = 10_000;

function runWorldCallback(callback: () => void): void {
  callback();
}

/**
 * A deterministic simulated world: hosts (clock, disk, one process), a
 * network between them, and one event loop over true simulated time in
 * integer microseconds. One seed gives one exact run; `trace.hash()` proves it.
 *
 * Typical use: `const world = new World({ seed })`, `world.addHost({ name:
 * 'n1' })`, `host.start(main)`, schedule faults with `world.at(...)`, then
 * `world.run({ untilUs })`.
 */
export class World {
  readonly seed: number;
  /** The root random stream; subsystems fork named streams from it (`net`, `disk/n1`, `process/n1/2`). */
  readonly prng: Prng;
  readonly trace: Trace;
  readonly network: SimNetwork;
  readonly stats: WorldStats = emptyWorldStats();
  readonly logs: LogBook;
  private readonly scheduler: Scheduler;
  private readonly hostList: SimHost[] = [];
  private readonly hostNames: string[] = [];
  private readonly epochUs: number;

  constructor(options: WorldOptions) {
    this.seed = options.seed;
    this.prng = Prng.root(options.seed);
    this.trace = new Trace(this.hostNames, options.traceEntriesKeptMax ?? limits.traceEntriesKeptMax);
    this.scheduler = new Scheduler(this.trace);
    this.network = new SimNetwork(this.scheduler, this.stats, this.prng.fork('net'), this.hostList, options.network);
    this.logs = new LogBook(options.logEntriesKeptMax ?? DEFAULT_LOG_ENTRIES_KEPT_MAX, options.onLog ?? null);
    this.epochUs = (options.epochMs ?? DEFAULT_EPOCH_MS) * 1000;
    assert(Number.isSafeInteger(this.epochUs), 'epochMs is an integer number of ms');
  }

  /** The hosts, in the order they were added (a host's index is its position). */
  get hosts(): readonly SimHost[] {
    return this.hostList;
  }

  host(name: string): SimHost {
    const host = this.hostList.find((candidate) => candidate.name === name);
    assert(host !== undefined, `the world has a host named ${name}`);
    return host;
  }

  addHost(options: HostOptions): SimHost {
    assert(options.name.length > 0 && !options.name.includes(':'), 'a host name is non-empty and has no colon');
    assert(!this.hostNames.includes(options.name), `host names are unique (${options.name})`);
    assert(this.hostList.length < limits.hostsMax, 'a world has at most hostsMax hosts');
    const services = { scheduler: this.scheduler, network: this.network, stats: this.stats, logs: this.logs, prng: this.prng, epochUs: this.epochUs };
    const host = new SimHost(options, this.hostList.length, services);
    this.hostList.push(host);
    this.hostNames.push(options.name);
    return host;
  }

  /** True simulated time, µs since the world began. */
  nowUs(): number {
    return this.scheduler.nowUs();
  }

  /** Events waiting to run. */
  get pendingEvents(): number {
    return this.scheduler.pendingCount;
  }

  /**
   * Schedules a world-level event (harness, nemesis) at true time `timeUs`
   * (>= now). `kind` and `detail` name it in the trace; keep them short.
   */
  at(timeUs: number, kind: string, detail: string | number, callback: () => void): WorldEventHandle {
    return this.scheduler.schedule(timeUs, eventKind(kind), WORLD_HOST_INDEX, detail, runWorldCallback, callback);
  }

  /** `at(now + delayUs, ...)`. */
  after(delayUs: number, kind: string, detail: string | number, callback: () => void): WorldEventHandle {
    return this.at(this.nowUs() + delayUs, kind, detail, callback);
  }

  cancel(handle: WorldEventHandle): void {
    this.scheduler.cancel(handle);
  }

  /** Runs events until `untilUs`, `eventsMax`, or nothing is left (see Scheduler.run). */
  run(options: RunOptions = {}): RunOutcome {
    return this.scheduler.run(options);
  }
}
