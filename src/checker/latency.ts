import { usToMs } from '../core/units.js';
import type { Op } from '../history/op.js';
import { pairOperations } from '../history/operation.js';
import { summarizeLatenciesMs, type LatencySummaryMs } from './percentiles.js';
import type { Validity } from './verdict.js';

export interface LatencyOptions {
  /** Bounds that make the verdict false when exceeded (simulated ms). */
  readonly p99MsMax?: number;
  readonly maxMsMax?: number;
}

export interface LatencyResult {
  readonly valid: Validity;
  /** Latency of ok operations, invocation to completion, in simulated ms. */
  readonly overall: LatencySummaryMs | null;
  readonly byF: Readonly<Record<string, LatencySummaryMs>>;
  readonly violations: readonly string[];
}

/** Latency percentiles (p50/p95/p99/max, simulated ms) of operations that completed ok, overall and per :f. */
export function checkLatency(history: readonly Op[], options: LatencyOptions = {}): LatencyResult {
  const pairing = pairOperations(history);
  if (!pairing.ok) return { valid: 'unknown', overall: null, byF: {}, violations: [`op ${pairing.problem.opIndex}: ${pairing.problem.problem}`] };
  const all: number[] = [];
  const perF = new Map<string, number[]>();
  for (const operation of pairing.operations) {
    if (operation.outcome !== 'ok' || operation.completion === null) continue;
    const latencyMs = usToMs(operation.completion.time - operation.invoke.time);
    all.push(latencyMs);
    const list = perF.get(operation.f) ?? [];
    list.push(latencyMs);
    perF.set(operation.f, list);
  }
  const overall = summarizeLatenciesMs(all);
  const byF: Record<string, LatencySummaryMs> = {};
  for (const f of [...perF.keys()].sort()) {
    const summary = summarizeLatenciesMs(perF.get(f) ?? []);
    if (summary !== null) byF[f] = summary;
  }
  const violations: string[] = [];
  if (overall !== null && options.p99MsMax !== undefined && overall.p99Ms > options.p99MsMax) violations.push(`p99 ${overall.p99Ms} ms > ${options.p99MsMax} ms`);
  if (overall !== null && options.maxMsMax !== undefined && overall.maxMs > options.maxMsMax) violations.push(`max ${overall.maxMs} ms > ${options.maxMsMax} ms`);
  const valid: Validity = overall === null ? 'unknown' : violations.length === 0;
  return { valid, overall, byF, violations };
}
