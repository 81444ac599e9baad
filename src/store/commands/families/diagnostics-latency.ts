import type { CommandContext, CommandSpec } from '../command.js';
import { argText, replyHelp } from '../../server/commands/spec.js';
import { diagnosticsOf, type Diagnostics } from '../../server/diagnostics-state.js';
import { serverContext } from '../../server/execution-context.js';
import { bucketsOf, cumulativeDistributionUs } from '../../server/latency-histogram.js';
import type { StoreNode } from '../../server/node.js';
import { latencyReport } from './diagnostics-latency-report.js';
import { renderSparkline, type SparklineSample } from './diagnostics-sparkline.js';

const LATENCY_HELP = [
  'DOCTOR',
  '    Return a human readable latency analysis report.',
  'GRAPH <event>',
  '    Return an ASCII latency graph for the <event> class.',
  'HISTORY <event>',
  '    Return time-latency samples for the <event> class.',
  'LATEST',
  '    Return the latest latency samples for all events.',
  'RESET [<event> ...]',
  '    Reset latency data of one or more <event> classes.',
  '    (default: reset all data for all event classes)',
  'HISTOGRAM [COMMAND ...]',
  '    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.',
  '    If no commands are specified then all histograms are replied.',
];

const GRAPH_COLUMNS = 80;
const GRAPH_ROWS = 4;

function stateOf(ctx: CommandContext): { readonly node: StoreNode; readonly diagnostics: Diagnostics } {
  const node = serverContext(ctx).node;
  return { node, diagnostics: diagnosticsOf(node) };
}

function nowSeconds(node: StoreNode): number {
  return Math.floor(node.env.clock.nowMs() / 1000);
}

/** LATENCY LATEST: [event, time of the last sample, its latency, all-time high] per event. */
export function latencyLatest(ctx: CommandContext): void {
  const { diagnostics } = stateOf(ctx);
  const events = Array.from(diagnostics.latencyEvents.entries());
  ctx.reply.arrayHeader(events.length);
  for (const [event, series] of events) {
    const latest = series.latest();
    ctx.reply.arrayHeader(4);
    ctx.reply.bulk(event);
    ctx.reply.integer(latest?.timeSeconds ?? 0);
    ctx.reply.integer(latest?.latencyMs ?? 0);
    ctx.reply.integer(series.maxMs);
  }
}

/** LATENCY HISTORY event: its [time, latency] samples, oldest first. */
export function latencyHistory(ctx: CommandContext): void {
  const samples = stateOf(ctx).diagnostics.latencyEvents.get(argText(ctx, 2))?.chronological() ?? [];
  ctx.reply.arrayHeader(samples.length);
  for (const sample of samples) {
    ctx.reply.arrayHeader(2);
    ctx.reply.integer(sample.timeSeconds);
    ctx.reply.integer(sample.latencyMs);
  }
}

/** LATENCY RESET [event ...]: how many events were dropped. */
export function latencyReset(ctx: CommandContext): void {
  const events = stateOf(ctx).diagnostics.latencyEvents;
  if (ctx.argv.length === 2) {
    ctx.reply.integer(events.reset());
    return;
  }
  let resets = 0;
  for (let index = 2; index < ctx.argv.length; index++) resets += events.reset(argText(ctx, index));
  ctx.reply.integer(resets);
}

/** The label of a sample: how long ago it happened, in s, m, h or d. */
function elapsedLabel(elapsedSeconds: number): string {
  if (elapsedSeconds < 60) return `${elapsedSeconds}s`;
  if (elapsedSeconds < 3600) return `${Math.trunc(elapsedSeconds / 60)}m`;
  if (elapsedSeconds < 86400) return `${Math.trunc(elapsedSeconds / 3600)}h`;
  return `${Math.trunc(elapsedSeconds / 86400)}d`;
}

/** LATENCY GRAPH event: latencyCommandGenSparkeline's text, or an error when the event has no samples. */
export function latencyGraph(ctx: CommandContext): void {
  const { node, diagnostics } = stateOf(ctx);
  const event = argText(ctx, 2);
  const series = diagnostics.latencyEvents.get(event);
  if (series === undefined) {
    ctx.reply.error(`ERR No samples available for event '${event}'`);
    return;
  }
  const now = nowSeconds(node);
  const samples: SparklineSample[] = series.chronological().map((sample) => ({ value: sample.latencyMs, label: elapsedLabel(now - sample.timeSeconds) }));
  const values = samples.map((sample) => sample.value);
  const high = values.length === 0 ? 0 : Math.max(...values);
  const low = values.length === 0 ? 0 : Math.min(...values);
  const header = `${event} - high ${high} ms, low ${low} ms (all time high ${series.maxMs} ms)\n${'-'.repeat(GRAPH_COLUMNS)}\n`;
  ctx.reply.verbatim(header + renderSparkline(samples, GRAPH_COLUMNS, GRAPH_ROWS), 'txt');
}

export function latencyDoctor(ctx: CommandContext): void {
  const { node, diagnostics } = stateOf(ctx);
  ctx.reply.verbatim(latencyReport(node, diagnostics), 'txt');
}

export function latencyHelp(ctx: CommandContext): void {
  replyHelp(ctx, argText(ctx, 0).toUpperCase(), LATENCY_HELP);
}

/** fillCommandCDF: {calls, histogram_usec: {µs: cumulative count}}. */
function replyCommandDistribution(ctx: CommandContext, fullName: string, buckets: readonly (readonly [number, number])[]): void {
  ctx.reply.bulk(fullName);
  ctx.reply.mapHeader(2);
  ctx.reply.bulk('calls');
  ctx.reply.integer(buckets.reduce((sum, [, count]) => sum + count, 0));
  ctx.reply.bulk('histogram_usec');
  const distribution = cumulativeDistributionUs(buckets);
  ctx.reply.mapHeader(distribution.length);
  for (const [microseconds, cumulative] of distribution) {
    ctx.reply.integer(microseconds);
    ctx.reply.integer(cumulative);
  }
}

/** A command's histogram buckets; empty when Redis would have no histogram (never ran, or only untracked). */
function bucketsNamed(node: StoreNode, diagnostics: Diagnostics, fullName: string): [number, number][] {
  return bucketsOf(diagnostics.histogramNamed(fullName), node.stats.commands.get(fullName)?.calls ?? 0);
}

/** The specs LATENCY HISTOGRAM names cover: the named commands with their subcommands, unknown names skipped. */
function specsNamed(ctx: CommandContext, node: StoreNode): CommandSpec[] {
  const specs: CommandSpec[] = [];
  for (let index = 2; index < ctx.argv.length; index++) {
    const name = argText(ctx, index).toLowerCase();
    const [container, sub] = name.split('|', 2);
    const base = node.commandTable.get(container ?? '');
    if (base === undefined) continue;
    if (sub !== undefined) {
      const found = base.subcommands?.find((candidate) => candidate.name === name);
      if (found !== undefined) specs.push(found);
      continue;
    }
    specs.push(base, ...(base.subcommands ?? []));
  }
  return specs;
}

/** LATENCY HISTOGRAM [command ...]: the latency distribution of every (or each named) command that ran. */
export function latencyHistogram(ctx: CommandContext): void {
  const { node, diagnostics } = stateOf(ctx);
  const specs = ctx.argv.length === 2 ? allSpecs(node) : specsNamed(ctx, node);
  const tracked = specs.map((spec) => [spec.name, bucketsNamed(node, diagnostics, spec.name)] as const).filter(([, buckets]) => buckets.length > 0);
  ctx.reply.mapHeader(tracked.length);
  for (const [name, buckets] of tracked) replyCommandDistribution(ctx, name, buckets);
}

function allSpecs(node: StoreNode): CommandSpec[] {
  const specs: CommandSpec[] = [];
  for (const spec of node.commandTable.values()) specs.push(spec, ...(spec.subcommands ?? []));
  return specs;
}
