/** What one run of one seed produced: the `redsim run --json` contract. */
export type Verdict = 'valid' | 'invalid' | 'unknown' | 'liveness' | 'crash';

export interface CheckOutcome {
  readonly valid: boolean | 'unknown';
  readonly [evidence: string]: unknown;
}

export interface NodeSummary {
  readonly host: string;
  readonly role: string;
  readonly dbsize: number;
  readonly digest: string;
}

export interface RunStats {
  readonly ops: number;
  readonly ok: number;
  readonly fail: number;
  readonly info: number;
  readonly events: number;
  readonly simulatedMs: number;
  readonly wallMs: number;
}

export interface RunResult {
  readonly scenario: string;
  readonly seed: number;
  readonly traceHash: string;
  readonly verdict: Verdict;
  readonly expected: 'valid' | 'invalid';
  readonly checks: Readonly<Record<string, CheckOutcome>>;
  readonly stats: RunStats;
  readonly nodes: readonly NodeSummary[];
  readonly reportDir: string | null;
}
