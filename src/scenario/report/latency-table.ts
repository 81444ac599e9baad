import { checkLatency } from '../../checker/latency.js';
import type { LatencySummaryMs } from '../../checker/percentiles.js';
import type { Op } from '../../history/op.js';
import { csvTable } from './csv.js';

const round = (valueMs: number): number => Math.round(valueMs * 1000) / 1000;

function row(f: string, summary: LatencySummaryMs): (string | number)[] {
  return [f, summary.count, round(summary.p50Ms), round(summary.p95Ms), round(summary.p99Ms), round(summary.maxMs), round(summary.meanMs)];
}

/** latency.csv: latency percentiles (simulated ms) of ok operations, overall (`*`) and per :f. */
export function latencyCsv(history: readonly Op[]): string {
  const latency = checkLatency(history);
  const rows = latency.overall === null ? [] : [row('*', latency.overall)];
  for (const [f, summary] of Object.entries(latency.byF)) rows.push(row(f, summary));
  return csvTable(['f', 'count', 'p50Ms', 'p95Ms', 'p99Ms', 'maxMs', 'meanMs'], rows);
}
