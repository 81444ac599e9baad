import { assert } from '../core/assert.js';
import type { LogLevel } from '../env/env.js';

export interface LogEntry {
  readonly timeUs: number;
  readonly host: string;
  readonly incarnation: number;
  readonly level: LogLevel;
  readonly message: string;
}

/** The last `keptMax` lines processes logged, plus an optional sink that sees every line. */
export class LogBook {
  private readonly kept: LogEntry[] = [];
  private addedCount = 0;

  constructor(
    private readonly keptMax: number,
    private readonly sink: ((entry: LogEntry) => void) | null = null,
  ) {
    assert(Number.isInteger(keptMax) && keptMax >= 0, 'logEntriesKeptMax is a non-negative integer');
  }

  get count(): number {
    return this.addedCount;
  }

  add(entry: LogEntry): void {
    if (this.keptMax > 0) this.kept[this.addedCount % this.keptMax] = entry;
    this.addedCount++;
    this.sink?.(entry);
  }

  /** The kept lines, oldest first. */
  entries(): LogEntry[] {
    if (this.addedCount <= this.keptMax) return this.kept.slice();
    const start = this.addedCount % this.keptMax;
    return [...this.kept.slice(start), ...this.kept.slice(0, start)];
  }
}
