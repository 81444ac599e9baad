import { formatJsonlHistory } from '../../history/jsonl-codec.js';
import type { RunOutput } from '../run-output.js';
import { availabilityCsv } from './availability-table.js';
import { faultsCsv } from './faults-table.js';
import { latencyCsv } from './latency-table.js';
import { summaryCsv, summaryJson } from './summary.js';

/** The report directory of one run, relative to the reports root: `<scenario>/seed-<n>`. */
export function reportDirectoryOf(scenario: string, seed: number): string {
  return `${scenario}/seed-${seed}`;
}

/**
 * Every report file of one run, by file name, as text. The CLI writes them
 * (this layer may not touch the file system); `timeline.html` is added by
 * its own builder.
 */
export function buildReportFiles(output: RunOutput): Record<string, string> {
  const endOfRunUs = Math.round(output.result.stats.simulatedMs * 1000);
  return {
    'summary.json': summaryJson(output),
    'summary.csv': summaryCsv(output),
    'history.jsonl': formatJsonlHistory(output.history),
    'faults.csv': faultsCsv(output.faults, endOfRunUs),
    'availability.csv': availabilityCsv(output.history, output.faults, endOfRunUs),
    'latency.csv': latencyCsv(output.history),
  };
}
