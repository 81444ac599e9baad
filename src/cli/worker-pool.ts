import { Worker } from 'node:worker_threads';

/** What a pool worker posts back for one task. */
export type WorkerReply<Result> = { readonly taskId: number; readonly result: Result } | { readonly taskId: number; readonly error: string };

/** What the pool posts to a worker. */
export interface WorkerRequest<Task> {
  readonly taskId: number;
  readonly task: Task;
}

export interface WorkerPoolOptions<Task, Result> {
  /** The worker's module (compiled JS). */
  readonly workerUrl: URL;
  readonly workers: number;
  /** Passed to every worker as `workerData`. */
  readonly workerData: unknown;
  /** The result a task gets when its worker threw or died. */
  readonly failed: (task: Task, message: string) => Result;
}

interface Slot<Task> {
  worker: Worker;
  busyWith: { readonly taskId: number; readonly task: Task } | null;
}

/**
 * A fixed set of worker threads that run tasks one at a time each, handing
 * the next queued task to whichever worker finishes first. A worker that
 * dies fails its task (with `failed`) and is replaced. Results come back in
 * task order, whatever order the workers finished in.
 */
export class WorkerPool<Task, Result> {
  private readonly slots: Slot<Task>[] = [];
  private queue: { readonly taskId: number; readonly task: Task }[] = [];
  private results: (Result | undefined)[] = [];
  private remaining = 0;
  private onResult: (task: Task, result: Result) => void = () => undefined;
  private onStart: (task: Task) => void = () => undefined;
  private finish: () => void = () => undefined;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions<Task, Result>) {
    if (!Number.isSafeInteger(options.workers) || options.workers < 1) throw new RangeError(`a worker pool needs at least one worker, got ${options.workers}`);
  }

  /** Runs `tasks` (one batch at a time), calling `onStart` as a worker takes each and `onResult` as each finishes; resolves with all results in task order. */
  run(tasks: readonly Task[], onResult: (task: Task, result: Result) => void = () => undefined, onStart: (task: Task) => void = () => undefined): Promise<Result[]> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (this.remaining > 0) return Promise.reject(new Error('the worker pool is already running a batch'));
    this.queue = tasks.map((task, taskId) => ({ taskId, task }));
    this.results = new Array<Result | undefined>(tasks.length).fill(undefined);
    this.remaining = tasks.length;
    this.onResult = onResult;
    this.onStart = onStart;
    if (tasks.length === 0) return Promise.resolve([]);
    return new Promise((resolve) => {
      this.finish = () => resolve(this.results as Result[]);
      while (this.slots.length < Math.min(this.options.workers, tasks.length)) this.slots.push(this.spawn());
      for (const slot of this.slots) this.dispatch(slot);
    });
  }

  /** Ends every worker thread. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    this.slots.length = 0;
  }

  private spawn(): Slot<Task> {
    const worker = new Worker(this.options.workerUrl, { workerData: this.options.workerData });
    const slot: Slot<Task> = { worker, busyWith: null };
    worker.on('message', (reply: WorkerReply<Result>) => {
      const busy = slot.busyWith;
      if (busy === null || busy.taskId !== reply.taskId) return;
      slot.busyWith = null;
      this.complete(busy, 'result' in reply ? reply.result : this.options.failed(busy.task, reply.error));
      this.dispatch(slot);
    });
    worker.on('error', (error: Error) => this.replace(slot, `worker thread failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => {
      if (!this.closed) this.replace(slot, `worker thread exited with code ${code}`);
    });
    return slot;
  }

  /** A dead worker fails its task; a new one takes its place if work is left. */
  private replace(slot: Slot<Task>, message: string): void {
    const position = this.slots.indexOf(slot);
    if (position < 0) return;
    this.slots.splice(position, 1);
    void slot.worker.terminate();
    const busy = slot.busyWith;
    slot.busyWith = null;
    if (busy !== null) this.complete(busy, this.options.failed(busy.task, message));
    if (this.queue.length > 0 && !this.closed) {
      const fresh = this.spawn();
      this.slots.push(fresh);
      this.dispatch(fresh);
    }
  }

  private dispatch(slot: Slot<Task>): void {
    const next = this.queue.shift();
    if (next === undefined) return;
    slot.busyWith = next;
    this.onStart(next.task);
    const request: WorkerRequest<Task> = next;
    slot.worker.postMessage(request);
  }

  private complete(entry: { readonly taskId: number; readonly task: Task }, result: Result): void {
    if (this.results[entry.taskId] !== undefined) return;
    this.results[entry.taskId] = result;
    this.remaining--;
    this.onResult(entry.task, result);
    if (this.remaining === 0) this.finish();
  }
}
