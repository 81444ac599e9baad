import { assert } from '../../core/assert.js';
import { EnvError } from '../../core/errors.js';
import type { Env } from '../../env/env.js';
import type { FileHandle, FsResult } from '../../env/filesystem.js';
import type { TimerHandle } from '../../env/timers.js';
import { appendAll } from './files.js';

/** Bytes the simulated child writes per tick, and the tick: about 256 MB/s. */
export const CHILD_CHUNK_BYTES = 256 * 1024;
export const CHILD_TICK_MS = 1;

export type ChildKind = 'rdb' | 'aof';

export interface ChildOptions {
  readonly env: Env;
  readonly kind: ChildKind;
  readonly pid: number;
  /** Where the child writes (a temp file). */
  readonly path: string;
  /** The whole file, serialized when the child forked: a point-in-time snapshot. */
  readonly content: Uint8Array;
  /** After the data is written and fsynced (or on the first error): the child's exit. */
  readonly onExit: (result: FsResult) => void;
}

/**
 * A forked child writing a snapshot (BGSAVE, BGREWRITEAOF) over simulated
 * time: the content was serialized at fork time, it goes to the file in
 * chunks on timers while the parent keeps serving, then a background fsync
 * (the child's own fsync does not block the parent). A child dies with its
 * process (its timers are the process's); a real orphaned child would go on.
 */
export class BackgroundChild {
  readonly startedAtMs: number;
  private handle: FileHandle | undefined;
  private writtenBytes = 0;
  private timer: TimerHandle | undefined;
  private finished = false;

  constructor(private readonly options: ChildOptions) {
    this.startedAtMs = options.env.clock.nowMs();
  }

  get kind(): ChildKind {
    return this.options.kind;
  }

  get pid(): number {
    return this.options.pid;
  }

  get isRunning(): boolean {
    return !this.finished;
  }

  start(): void {
    const handle = this.options.env.fs.open(this.options.path, { create: true, truncate: true });
    if (handle instanceof EnvError) {
      this.exit(handle);
      return;
    }
    this.handle = handle;
    this.scheduleChunk();
  }

  /** SIGUSR1 from the parent (killAppendOnlyChild, killRDBChild): stops without calling onExit. */
  kill(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.timer !== undefined) this.options.env.timers.cancel(this.timer);
    this.handle?.close();
  }

  private scheduleChunk(): void {
    this.timer = this.options.env.timers.after(CHILD_TICK_MS, () => {
      this.timer = undefined;
      if (!this.finished) this.writeChunk();
    });
  }

  private writeChunk(): void {
    const handle = this.handle;
    assert(handle !== undefined, 'a writing child has its file open');
    const content = this.options.content;
    const end = Math.min(content.length, this.writtenBytes + CHILD_CHUNK_BYTES);
    const error = appendAll(handle, content.subarray(this.writtenBytes, end));
    if (error !== undefined) {
      this.exit(error);
      return;
    }
    this.writtenBytes = end;
    if (end < content.length) {
      this.scheduleChunk();
      return;
    }
    handle.fsyncInBackground((result) => {
      if (!this.finished) this.exit(result);
    });
  }

  private exit(result: FsResult): void {
    if (this.finished) return;
    this.finished = true;
    this.handle?.close();
    this.options.onExit(result);
  }
}
