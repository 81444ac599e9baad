import { assert } from '../../core/assert.js';

/** SLOWLOG_ENTRY_MAX_ARGC: longer argument vectors keep 31 arguments and a "... (N more arguments)" note. */
export const SLOWLOG_ENTRY_ARGUMENTS_MAX = 32;
/** SLOWLOG_ENTRY_MAX_STRING: longer arguments keep 128 bytes and a "... (N more bytes)" note. */
export const SLOWLOG_ENTRY_ARGUMENT_BYTES_MAX = 128;

/** One slow log entry as SLOWLOG GET prints it (slowlogEntry). */
export interface SlowLogEntry {
  readonly id: number;
  /** UNIX time in seconds when the entry was logged. */
  readonly timeSeconds: number;
  readonly durationUs: number;
  /** The arguments, already trimmed as Redis keeps them. */
  readonly argv: readonly Buffer[];
  /** The client's address (ip:port). */
  readonly peerId: string;
  readonly clientName: string;
}

export type SlowLogEntryInput = Omit<SlowLogEntry, 'id' | 'argv'> & { readonly argv: readonly Buffer[] };

/** slowlogCreateEntry's argument trimming: at most 32 arguments, each at most 128 bytes. */
export function slowLogArguments(argv: readonly Buffer[]): Buffer[] {
  const keptCount = Math.min(argv.length, SLOWLOG_ENTRY_ARGUMENTS_MAX);
  const kept: Buffer[] = [];
  for (let index = 0; index < keptCount; index++) {
    if (keptCount !== argv.length && index === keptCount - 1) {
      kept.push(Buffer.from(`... (${argv.length - keptCount + 1} more arguments)`));
      continue;
    }
    const argument = argv[index] as Buffer;
    if (argument.length <= SLOWLOG_ENTRY_ARGUMENT_BYTES_MAX) {
      kept.push(Buffer.from(argument));
      continue;
    }
    const note = Buffer.from(`... (${argument.length - SLOWLOG_ENTRY_ARGUMENT_BYTES_MAX} more bytes)`);
    kept.push(Buffer.concat([argument.subarray(0, SLOWLOG_ENTRY_ARGUMENT_BYTES_MAX), note]));
  }
  return kept;
}

/**
 * The slow log (slowlog.c): newest entries first, ids counting from 0 for
 * the life of the node (SLOWLOG RESET keeps the counter), trimmed to
 * slowlog-max-len after every push.
 */
export class SlowLog {
  /** Oldest first; the array end is the newest entry. */
  private entries: SlowLogEntry[] = [];
  private nextId = 0;

  get length(): number {
    return this.entries.length;
  }

  /** slowlogPushEntryIfNeeded after the threshold test: adds the entry, then trims to `lengthMax`. */
  push(input: SlowLogEntryInput, lengthMax: number): void {
    assert(lengthMax >= 0, 'slowlog-max-len is not negative');
    this.entries.push({ ...input, id: this.nextId++, argv: slowLogArguments(input.argv) });
    this.trim(lengthMax);
  }

  /** Drops the oldest entries beyond `lengthMax` (Redis trims on every push, logged or not). */
  trim(lengthMax: number): void {
    const excess = this.entries.length - lengthMax;
    if (excess > 0) this.entries.splice(0, excess);
    assert(this.entries.length <= Math.max(lengthMax, 0), 'the slow log holds at most slowlog-max-len entries');
  }

  reset(): void {
    this.entries = [];
  }

  /** Up to `count` entries, newest first. */
  newestFirst(count: number): SlowLogEntry[] {
    const taken = Math.min(count, this.entries.length);
    const result: SlowLogEntry[] = [];
    for (let index = 0; index < taken; index++) result.push(this.entries[this.entries.length - 1 - index] as SlowLogEntry);
    return result;
  }
}
