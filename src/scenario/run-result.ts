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

/** A store node that refused to start: when, and Redis's line saying why. */
export interface StartRefusalSummary {
  readonly host: string;
  readonly atUs: number;
  readonly cause: string;
  readonly message: string;
}

/** An operator repair after a refusal (`redis-check-aof --fix`): what it cut. */
export interface RepairSummary {
  readonly host: string;
  readonly atUs: number;
  readonly outcome: string;
  readonly file: string | null;
  readonly fromBytes: number | null;
  readonly toBytes: number | null;
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
  /**
   * Present only when something happened (the contract of a plain run is unchanged):
   * store nodes that refused to start (data that did not load), in time order;
   */
  readonly startRefusals?: readonly StartRefusalSummary[];
  /** the operator's repairs after refusals (scenario `recovery`), in time order; */
  readonly repairs?: readonly RepairSummary[];
  /** starts that loaded a torn AOF by cutting its tail (aof-load-truncated): host, time, Redis's line. */
  readonly aofTruncatedLoads?: readonly { readonly host: string; readonly atUs: number; readonly message: string }[];
  readonly reportDir: string | null;
}
