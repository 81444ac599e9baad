import { pathToFileURL } from 'node:url';
import { checkLinearizability } from '../src/checker/linearizability/check-linearizability.js';
import { Prng } from '../src/core/prng.js';
import { generateAtomicRegisterHistory } from '../src/history/synthetic/atomic-register-history.js';

/**
 * Linearizability checker throughput on generated cas-register histories
 * (10 keys; reads, writes, 20% cas, 5% failed writes; optionally 1% timeouts).
 * Prints ms per history and operations checked per second.
 */
export interface LinearizabilityBenchRow {
  readonly operations: number;
  readonly events: number;
  readonly clients: number;
  readonly infoFraction: number;
  readonly valid: boolean | 'unknown';
  readonly msMedian: number;
  readonly operationsPerSecond: number;
  readonly statesExplored: number;
}

const keyCount = 10;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function measure(operations: number, clients: number, infoFraction: number, repeats: number): LinearizabilityBenchRow {
  const history = generateAtomicRegisterHistory({
    prng: Prng.root(operations + clients),
    operationCount: operations,
    keyCount,
    clientCount: clients,
    casFraction: 0.2,
    failFraction: 0.05,
    infoFraction,
  });
  const timesMs: number[] = [];
  let result = checkLinearizability(history, { model: 'cas-register' });
  for (let repeat = 0; repeat < repeats; repeat++) {
    const startMs = performance.now();
    result = checkLinearizability(history, { model: 'cas-register' });
    timesMs.push(performance.now() - startMs);
  }
  const msMedian = median(timesMs);
  return {
    operations,
    events: history.length,
    clients,
    infoFraction,
    valid: result.valid,
    msMedian: Math.round(msMedian * 10) / 10,
    operationsPerSecond: Math.round(operations / (msMedian / 1000)),
    statesExplored: result.statesExplored,
  };
}

export function runLinearizabilityBench(): LinearizabilityBenchRow[] {
  const rows: LinearizabilityBenchRow[] = [];
  for (const operations of [1_000, 10_000, 100_000]) {
    for (const clients of [10, 50]) {
      for (const infoFraction of [0, 0.01]) rows.push(measure(operations, clients, infoFraction, operations >= 100_000 ? 1 : 5));
    }
  }
  return rows;
}

function printRows(rows: readonly LinearizabilityBenchRow[]): void {
  process.stdout.write(`checker-linearizability: cas-register, ${keyCount} keys (median of repeats)\n`);
  process.stdout.write('operations  events   clients  info  valid  ms/history  operations/s  states\n');
  for (const row of rows) {
    const cells = [
      String(row.operations).padStart(10),
      String(row.events).padStart(7),
      String(row.clients).padStart(8),
      `${(row.infoFraction * 100).toFixed(0)}%`.padStart(5),
      String(row.valid).padStart(6),
      row.msMedian.toFixed(1).padStart(11),
      String(row.operationsPerSecond).padStart(13),
      String(row.statesExplored).padStart(7),
    ];
    process.stdout.write(`${cells.join(' ')}\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) printRows(runLinearizabilityBench());
