/** Where progress goes: stderr, so stdout stays the report (and --json's last line). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

/** One finished seed, as the progress display needs it. */
export interface ProgressEvent {
  readonly scenario: string;
  readonly seed: number;
  readonly verdict: string;
  /** What the verdict means for the sweep: met, detected, missed or unexpected. */
  readonly outcome: string;
  readonly wallMs: number;
}

const BAR_WIDTH = 24;
/** A TTY line is redrawn at most this often (the last one always). */
const REDRAW_MS_MIN = 100;

/**
 * Sweep progress: on a TTY one line redrawn in place (a bar, seeds done of
 * total, seeds per second, failures so far, the current scenario); on
 * anything else one plain line per finished seed, so CI logs stay readable.
 */
export class SweepProgress {
  private done = 0;
  private failures = 0;
  private lastDrawMs = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly nowMs: () => number,
    private readonly startMs: number = nowMs(),
  ) {}

  get failuresSoFar(): number {
    return this.failures;
  }

  seedFinished(event: ProgressEvent): void {
    this.done++;
    if (event.outcome === 'unexpected') this.failures++;
    if (this.stream.isTTY === true) {
      this.redraw(event.scenario, this.done === this.total);
      return;
    }
    const seconds = (event.wallMs / 1000).toFixed(2);
    this.stream.write(`[${this.done}/${this.total}] ${event.scenario} seed ${event.seed}: ${event.verdict} (${event.outcome}) ${seconds} s\n`);
  }

  /** Ends the in-place line (TTY only). */
  finish(): void {
    if (this.stream.isTTY === true && this.drawn) this.stream.write('\n');
    this.drawn = false;
  }

  /** The line a TTY shows, e.g. `[#####-----] 12/40 seeds  3.1 seeds/s  failures 0  single-node-kill`. */
  line(scenario: string): string {
    const elapsedMs = Math.max(1, this.nowMs() - this.startMs);
    const rate = (this.done * 1000) / elapsedMs;
    const filled = this.total === 0 ? BAR_WIDTH : Math.round((this.done / this.total) * BAR_WIDTH);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
    return `[${bar}] ${this.done}/${this.total} seeds  ${rate.toFixed(1)} seeds/s  failures ${this.failures}  ${scenario}`;
  }

  private redraw(scenario: string, force: boolean): void {
    const nowMs = this.nowMs();
    if (!force && nowMs - this.lastDrawMs < REDRAW_MS_MIN) return;
    this.lastDrawMs = nowMs;
    const columns = this.stream.columns === undefined || this.stream.columns <= 0 ? 100 : this.stream.columns;
    const width = Math.max(20, columns - 1);
    this.stream.write(`\r\u001b[2K${this.line(scenario).slice(0, width)}`);
    this.drawn = true;
  }
}
