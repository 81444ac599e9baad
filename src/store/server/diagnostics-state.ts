import type { Prng } from '../../core/prng.js';
import type { CommandSpec } from '../commands/command.js';
import type { Client } from './client.js';
import { LatencyEvents } from './latency-events.js';
import { LatencyHistogram } from './latency-histogram.js';
import type { StoreNode } from './node.js';
import { SlowLog } from './slow-log.js';

/** A blocking command waiting to be logged in the slow log when a key serves it. */
export interface BlockedCommand {
  readonly spec: CommandSpec;
  readonly argv: readonly Buffer[];
  readonly durationUs: number;
  /** The block's deadline on the host's clock (0: none): a client unblocked at or after it timed out, which Redis does not log. */
  readonly deadlineMs: number;
}

/**
 * One node's diagnostics (server.slowlog, server.latency_events,
 * server.monitors and the commands' latency histograms) with the configs
 * they read, cached until a CONFIG SET.
 */
export class Diagnostics {
  readonly slowLog = new SlowLog();
  readonly latencyEvents = new LatencyEvents();
  /** MONITOR clients, in the order they attached (listAddNodeTail). */
  readonly monitors = new Set<Client>();
  /** Commands that blocked while the slow log would have logged them: logged once served (updateStatsOnUnblock). */
  readonly blockedCommands = new Map<Client, BlockedCommand>();
  slowlogThresholdUs = 0;
  slowlogLengthMax = 0;
  latencyThresholdMs = 0;
  latencyTracking = true;
  /** True when every command must be looked at even if it took no time: a monitor is attached, the slow log logs everything, or latency tracking is off. */
  observesEveryCommand = false;
  /**
   * While a client's buffered commands run back to back (a batch), the
   * clock read that ends one command starts the next: one read per command
   * instead of two. -1 outside a batch or before its first command ends.
   */
  chainedStartUs = -1;
  /** Nesting of command batches (processInputBuffer may run inside another's command, e.g. CLIENT UNPAUSE). */
  batchDepth = 0;
  private monitorGuardInstalled = false;
  private lolwutStream: Prng | undefined;
  private beforeSleepHookInstalled = false;
  private histograms = new Map<string, LatencyHistogram>();
  private histogramsGeneration: number;

  constructor(private readonly node: StoreNode) {
    this.histogramsGeneration = node.stats.resetGeneration;
    this.readConfig();
    node.config.onChange(() => this.readConfig());
  }

  private readConfig(): void {
    const config = this.node.config;
    this.slowlogThresholdUs = config.integer('slowlog-log-slower-than');
    this.slowlogLengthMax = config.integer('slowlog-max-len');
    this.latencyThresholdMs = config.integer('latency-monitor-threshold');
    this.latencyTracking = config.flag('latency-tracking');
    // Redis trims on the next push (this CONFIG SET's own), which is at once when the log is enabled.
    if (this.slowlogThresholdUs >= 0) this.slowLog.trim(this.slowlogLengthMax);
    this.updateObservesEveryCommand();
  }

  updateObservesEveryCommand(): void {
    this.observesEveryCommand = this.monitors.size > 0 || this.slowlogThresholdUs === 0 || !this.latencyTracking;
  }

  /** A call made while latency-tracking was off: Redis leaves it out of the command's histogram. */
  countUntrackedCall(spec: CommandSpec): void {
    this.histogramFor(spec).skipCall();
  }

  attachMonitor(client: Client): void {
    if (!this.monitorGuardInstalled) {
      this.monitorGuardInstalled = true;
      this.node.addCommandGuard((guarded, spec) => this.monitorRefusal(guarded, spec));
    }
    this.monitors.add(client);
    this.updateObservesEveryCommand();
  }

  /** LOLWUT's rand(): a stream of its own, so drawing never shifts the commands' random draws. */
  lolwutRng(): Prng {
    this.lolwutStream ??= this.node.env.rng.fork('lolwut');
    return this.lolwutStream;
  }

  /** Runs `hook` at every beforeSleep from now on (installed once per node). */
  installBeforeSleepHook(hook: () => void): void {
    if (this.beforeSleepHookInstalled) return;
    this.beforeSleepHookInstalled = true;
    this.node.addBeforeSleepHook(hook);
  }

  /** processCommand's CLIENT_SLAVE check: a monitor may not run commands that read, write or may replicate. */
  private monitorRefusal(client: Client, spec: CommandSpec): string | undefined {
    if (this.monitors.size === 0 || !this.monitors.has(client)) return undefined;
    const flags = spec.flags;
    if (flags.includes('write') || flags.includes('readonly') || flags.includes('may_replicate')) return "ERR Replica can't interact with the keyspace";
    return undefined;
  }

  detachMonitor(client: Client): void {
    if (this.monitors.delete(client)) this.updateObservesEveryCommand();
  }

  /** The histogram of a command's measurable durations; CONFIG RESETSTAT drops them all. */
  histogramFor(spec: CommandSpec): LatencyHistogram {
    this.dropHistogramsAfterReset();
    let histogram = this.histograms.get(spec.name);
    if (histogram === undefined) {
      histogram = new LatencyHistogram();
      this.histograms.set(spec.name, histogram);
    }
    return histogram;
  }

  /** A histogram by full command name (LATENCY HISTOGRAM, INFO latencystats). */
  histogramNamed(fullName: string): LatencyHistogram | undefined {
    this.dropHistogramsAfterReset();
    return this.histograms.get(fullName);
  }

  private dropHistogramsAfterReset(): void {
    if (this.histogramsGeneration === this.node.stats.resetGeneration) return;
    this.histogramsGeneration = this.node.stats.resetGeneration;
    this.histograms = new Map();
  }
}

const diagnosticsByNode = new WeakMap<StoreNode, Diagnostics>();
/** The last node asked for: a process holds one node, or calls come in runs for one node. */
let lastNode: StoreNode | undefined;
let lastDiagnostics: Diagnostics | undefined;

/** The node's diagnostics, made on first use. */
export function diagnosticsOf(node: StoreNode): Diagnostics {
  if (node === lastNode) return lastDiagnostics as Diagnostics;
  let diagnostics = diagnosticsByNode.get(node);
  if (diagnostics === undefined) {
    diagnostics = new Diagnostics(node);
    diagnosticsByNode.set(node, diagnostics);
  }
  lastNode = node;
  lastDiagnostics = diagnostics;
  return diagnostics;
}
