/** Why a store node refused to start, from the line Redis logged before exiting. */
export type StartRefusalCause = 'aof-format-error' | 'aof-unexpected-eof' | 'other';

/** A store node that exited while loading its data at start (redis-server refusing to start). */
export interface StartRefusal {
  readonly host: string;
  /** True simulated time of the refused start. */
  readonly atUs: number;
  /** The incarnation that refused. */
  readonly incarnation: number;
  readonly cause: StartRefusalCause;
  /** Redis's log line that says why (the fmterr or uxeof line, else its first warning). */
  readonly message: string;
  /** Every warning that start logged, in order (bounded). */
  readonly warnings: readonly string[];
}

/** What the operator's `redis-check-aof --fix` did after a refusal. */
export interface AofRepair {
  readonly host: string;
  readonly atUs: number;
  readonly command: string;
  /**
   * - `truncated`: it cut the last AOF file, and the node was started again;
   * - `nothing-to-fix`: it found every file valid (the loader and the tool disagree), node left down;
   * - `failed`: it gave up (a bad file that is not the last, a bad manifest), node left down;
   * - `postponed`: a fault still held the host down; the heal's restart will refuse and be repaired again.
   */
  readonly outcome: 'truncated' | 'nothing-to-fix' | 'failed' | 'postponed';
  readonly file: string | null;
  readonly fromBytes: number | null;
  readonly toBytes: number | null;
  /** What the tool printed (bounded). */
  readonly output: readonly string[];
}

/** A start that loaded a torn AOF after cutting its tail (aof-load-truncated): no refusal, a prefix kept. */
export interface TruncatedLoad {
  readonly host: string;
  readonly atUs: number;
  readonly incarnation: number;
  /** Redis's "!!! Truncating the AOF ... at offset N !!!" line. */
  readonly message: string;
}

/** The run's record of refused starts and operator repairs: summary.json, the verdict's details, the timeline. */
export interface RecoveryRecord {
  readonly startRefusals: readonly StartRefusal[];
  readonly repairs: readonly AofRepair[];
  readonly truncatedLoads: readonly TruncatedLoad[];
  /** Refusals beyond the kept ones (a restart loop). */
  readonly startRefusalsDropped: number;
}

export const noRecovery: RecoveryRecord = { startRefusals: [], repairs: [], truncatedLoads: [], startRefusalsDropped: 0 };

const FORMAT_ERROR_LINE = 'Bad file format reading the append only file';
const UNEXPECTED_EOF_LINE = 'Unexpected end of file reading the append only file';

/** The cause and the line to report, from the warnings of a refused start. */
export function refusalCauseOf(warnings: readonly string[]): { readonly cause: StartRefusalCause; readonly message: string } {
  const format = warnings.find((line) => line.startsWith(FORMAT_ERROR_LINE));
  if (format !== undefined) return { cause: 'aof-format-error', message: format };
  const eof = warnings.find((line) => line.startsWith(UNEXPECTED_EOF_LINE));
  if (eof !== undefined) return { cause: 'aof-unexpected-eof', message: eof };
  return { cause: 'other', message: warnings[0] ?? 'exited while loading its data' };
}
