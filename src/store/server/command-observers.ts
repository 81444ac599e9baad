import type { CommandSpec } from '../commands/command.js';
import type { Client } from './client.js';
import type { CommandStats } from './stats.js';
import { redactedArguments } from './command-redaction.js';
import { diagnosticsOf, type Diagnostics } from './diagnostics-state.js';
import { monitorLine } from './monitor-line.js';
import type { StoreNode } from './node.js';

/** Commands that feed MONITOR themselves before they run, so the commands of a script show after it (evalCommand, fcallCommandGeneric). */
const SCRIPT_COMMANDS: ReadonlySet<string> = new Set(['eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'fcall', 'fcall_ro']);

/**
 * call()'s start: the time the duration is measured from, in µs of the
 * node's wall clock as Redis's ustime() (virtual in the simulator, where a
 * command takes no time); call() also takes its fixed time from it, so one
 * clock read serves both. A script command is shown to monitors now,
 * before what it runs.
 */
export function commandStarting(node: StoreNode, client: Client, spec: CommandSpec, argv: readonly Buffer[]): number {
  const diagnostics = diagnosticsOf(node);
  if (diagnostics.blockedCommands.size > 0) logServedBlockedCommands(node, diagnostics);
  if (diagnostics.monitors.size > 0 && SCRIPT_COMMANDS.has(spec.name)) feedMonitors(node, diagnostics, client, spec, argv);
  const chained = diagnostics.chainedStartUs;
  return chained >= 0 ? chained : node.env.clock.nowUs();
}

/**
 * A client's buffered commands are about to run back to back: from the
 * second on, a command's start is the previous one's end (the time between
 * them, parsing the next request, counts to the next command). Saves one
 * clock read per command, which is most of what timing costs in
 * `redsim serve` (a monotonic read is ~60 ns in Node).
 */
export function commandBatchStarting(node: StoreNode): void {
  const diagnostics = diagnosticsOf(node);
  diagnostics.batchDepth++;
  diagnostics.chainedStartUs = -1;
}

/** The batch is over: the next command reads the clock afresh (idle time must never count). */
export function commandBatchFinished(node: StoreNode): void {
  const diagnostics = diagnosticsOf(node);
  diagnostics.batchDepth--;
  diagnostics.chainedStartUs = -1;
}

/**
 * call()'s end: the duration goes to INFO commandstats, the command's
 * latency histogram, the latency monitor and the slow log; the command to
 * monitors. A command that took no time, with no monitor attached and the
 * slow log not logging everything, needs nothing: that is the whole cost
 * in the simulator.
 */
export function commandFinished(node: StoreNode, client: Client, spec: CommandSpec, argv: readonly Buffer[], startUs: number, stats: CommandStats): void {
  const endUs = node.env.clock.nowUs();
  const durationUs = endUs - startUs;
  const diagnostics = diagnosticsOf(node);
  if (diagnostics.batchDepth > 0) diagnostics.chainedStartUs = endUs;
  if (durationUs <= 0 && !diagnostics.observesEveryCommand) return;
  // The AOF loader (and a script it runs) calls without CMD_CALL_SLOWLOG / CMD_CALL_STATS; monitors see nothing while loading.
  if (client.kind === 'loader' || (node.loading && client.isScript)) return;
  if (!diagnostics.latencyTracking) diagnostics.countUntrackedCall(spec);
  if (durationUs > 0) recordDuration(node, diagnostics, client, spec, durationUs, stats);
  if (diagnostics.slowlogThresholdUs >= 0 && durationUs >= diagnostics.slowlogThresholdUs) logSlowCommand(node, diagnostics, client, spec, argv, durationUs);
  if (diagnostics.monitors.size === 0) return;
  // RESET leaves monitor mode before call() feeds the monitors (clearClientConnectionState).
  if (spec.name === 'reset') diagnostics.detachMonitor(client);
  if (spec.flags.includes('skip_monitor') || spec.flags.includes('admin') || SCRIPT_COMMANDS.has(spec.name)) return;
  feedMonitors(node, diagnostics, client, spec, argv);
}

function recordDuration(node: StoreNode, diagnostics: Diagnostics, client: Client, spec: CommandSpec, durationUs: number, stats: CommandStats): void {
  stats.microseconds += durationUs;
  if (diagnostics.latencyTracking && client.blocked === undefined) {
    const histogram = stats.latencyHistogram ?? diagnostics.histogramFor(spec);
    stats.latencyHistogram = histogram;
    histogram.recordUs(durationUs);
  }
  const latencyMs = Math.floor(durationUs / 1000);
  if (diagnostics.latencyThresholdMs > 0 && latencyMs >= diagnostics.latencyThresholdMs) {
    const event = spec.flags.includes('fast') ? 'fast-command' : 'command';
    diagnostics.latencyEvents.addSample(event, latencyMs, Math.floor(node.env.clock.nowMs() / 1000));
  }
}

/** slowlogPushCurrentCommand: not for skip_slowlog commands (EXEC, secrets); a client that blocked is logged once served. */
function logSlowCommand(node: StoreNode, diagnostics: Diagnostics, client: Client, spec: CommandSpec, argv: readonly Buffer[], durationUs: number): void {
  if (spec.flags.includes('skip_slowlog')) return;
  const blocked = client.blocked;
  if (blocked !== undefined) {
    diagnostics.blockedCommands.set(client, { spec, argv, durationUs, deadlineMs: blocked.options.deadlineMs });
    // Served clients are noticed before the next command or at beforeSleep, whichever comes first: before the client can go away.
    diagnostics.installBeforeSleepHook(() => {
      if (diagnostics.blockedCommands.size > 0) logServedBlockedCommands(node, diagnostics);
    });
    return;
  }
  pushSlowLogEntry(node, diagnostics, client, spec, argv, durationUs);
}

/**
 * updateStatsOnUnblock's slow log entry, written before the next command
 * runs or at beforeSleep (nothing in between can log). A client that timed
 * out or went away while blocked is not logged, as in Redis.
 */
function logServedBlockedCommands(node: StoreNode, diagnostics: Diagnostics): void {
  for (const [client, blocked] of Array.from(diagnostics.blockedCommands)) {
    if (client.blocked !== undefined && !client.closed) continue;
    diagnostics.blockedCommands.delete(client);
    const timedOut = blocked.deadlineMs !== 0 && node.commandTimeMs() >= blocked.deadlineMs;
    if (client.closed || timedOut || diagnostics.slowlogThresholdUs < 0) continue;
    pushSlowLogEntry(node, diagnostics, client, blocked.spec, blocked.argv, blocked.durationUs);
  }
}

function pushSlowLogEntry(node: StoreNode, diagnostics: Diagnostics, client: Client, spec: CommandSpec, argv: readonly Buffer[], durationUs: number): void {
  diagnostics.slowLog.push(
    {
      timeSeconds: Math.floor(node.env.clock.nowMs() / 1000),
      durationUs,
      argv: redactedArguments(spec.name, argv),
      peerId: client.isScript ? '?:0' : client.transport.remoteAddress,
      clientName: client.name,
    },
    diagnostics.slowlogLengthMax,
  );
}

/** replicationFeedMonitors: one status line to every monitor; monitors that went away leave the list. */
function feedMonitors(node: StoreNode, diagnostics: Diagnostics, client: Client, spec: CommandSpec, argv: readonly Buffer[]): void {
  if (node.loading) return;
  const source = client.isScript ? ({ kind: 'script' } as const) : ({ kind: 'address', address: client.transport.remoteAddress } as const);
  const line = monitorLine(node.env.clock.nowUs(), client.dbIndex, source, redactedArguments(spec.name, argv));
  for (const monitor of Array.from(diagnostics.monitors)) {
    if (monitor.closed) {
      diagnostics.detachMonitor(monitor);
      continue;
    }
    monitor.reply.status(line);
  }
}

/**
 * latencyAddSampleIfNeeded for other layers (expire-cycle, eviction-cycle,
 * aof-fsync-always, fork...): records `latencyMs` under `event` when
 * latency-monitor-threshold is set and reached.
 */
export function addLatencySampleIfNeeded(node: StoreNode, event: string, latencyMs: number): void {
  const diagnostics = diagnosticsOf(node);
  if (diagnostics.latencyThresholdMs === 0 || latencyMs < diagnostics.latencyThresholdMs) return;
  diagnostics.latencyEvents.addSample(event, Math.floor(latencyMs), Math.floor(node.env.clock.nowMs() / 1000));
}
