import { firstTraceDifference, type TraceEntry } from '../sim/trace.js';
import type { RunOutput } from './run-output.js';
import type { Verdict } from './run-result.js';

/** Two runs of one seed compared: the `redsim replay --check-determinism` result. */
export interface DeterminismCheck {
  readonly scenario: string;
  readonly seed: number;
  readonly deterministic: boolean;
  readonly traceHashes: readonly [string, string];
  readonly events: readonly [number, number];
  readonly verdicts: readonly [Verdict, Verdict];
  /** The first event where the kept traces differ (null: none, or they differ only before the kept window). */
  readonly firstDifference: { readonly left: TraceEntry | null; readonly right: TraceEntry | null } | null;
  /** Same hashes but different histories would be a trace that misses something: reported, never expected. */
  readonly historiesEqual: boolean;
}

function historyText(output: RunOutput): string {
  return JSON.stringify(output.history, (_key, value: unknown) => (value instanceof Uint8Array ? `bytes:${Array.from(value).join(',')}` : value));
}

/**
 * Compares two runs of the same seed (both with `keepTrace`): deterministic
 * means equal trace hashes, event counts and histories.
 */
export function compareRuns(first: RunOutput, second: RunOutput): DeterminismCheck {
  const firstTrace = first.traceEntries ?? [];
  const secondTrace = second.traceEntries ?? [];
  const historiesEqual = historyText(first) === historyText(second);
  const sameTrace = first.result.traceHash === second.result.traceHash && first.result.stats.events === second.result.stats.events;
  const deterministic = sameTrace && historiesEqual;
  return {
    scenario: first.result.scenario,
    seed: first.result.seed,
    deterministic,
    traceHashes: [first.result.traceHash, second.result.traceHash],
    events: [first.result.stats.events, second.result.stats.events],
    verdicts: [first.result.verdict, second.result.verdict],
    firstDifference: deterministic ? null : firstTraceDifference(firstTrace, secondTrace),
    historiesEqual,
  };
}
