import type { HistoryRecorder } from '../history/history-recorder.js';
import type { OpValue } from '../history/op.js';
import type { World } from '../sim/world.js';
import type { ClientTarget } from './client-connection.js';
import { finalReadPlan } from './op-generator.js';
import type { OpPlan } from './op-plan.js';
import type { ProcessIdAllocator } from './process-ids.js';
import { WorkloadClient } from './workload-client.js';
import type { WorkloadKind } from './workload-kind.js';

export const FINAL_READER_HOST = 'r1';
/** Pause before retrying a final read that did not succeed. */
const RETRY_DELAY_MS = 100;

export interface FinalReaderOptions {
  readonly world: World;
  readonly recorder: HistoryRecorder;
  readonly processIds: ProcessIdAllocator;
  readonly kind: WorkloadKind;
  readonly keys: readonly string[];
  readonly opTimeoutMs: number;
  readonly route: (plan: OpPlan) => ClientTarget | null;
  /** Tries per key before giving up on it. */
  readonly attemptsMax: number;
}

/**
 * A fresh client (its own host, new process ids) that reads every key once
 * after quiesce, retrying a read that did not come back ok. The last ok
 * read of each key is the state the set, list and durability checkers take
 * as final.
 */
export class FinalReader {
  private readonly client: WorkloadClient;
  private readonly queue: string[];
  private readonly attempts = new Map<string, number>();
  private readonly values = new Map<string, OpValue>();
  private inFlightKey: string | null = null;
  private lastFailed = false;

  constructor(private readonly options: FinalReaderOptions) {
    options.world.addHost({ name: FINAL_READER_HOST });
    this.queue = [...options.keys];
    this.client = new WorkloadClient({
      name: FINAL_READER_HOST,
      recorder: options.recorder,
      processIds: options.processIds,
      nowUs: () => options.world.nowUs(),
      opTimeoutMs: options.opTimeoutMs,
      nextPlan: () => this.nextRead(),
      route: options.route,
      thinkMs: () => (this.lastFailed ? RETRY_DELAY_MS : 0),
      onOpDone: (_plan, outcome) => this.onReadDone(outcome),
    });
  }

  start(): void {
    this.options.world.host(FINAL_READER_HOST).start(this.client.main);
  }

  /** Every key read ok, or out of attempts. */
  isDone(): boolean {
    return this.queue.length === 0 && this.inFlightKey === null;
  }

  /** Keys whose final read never came back ok. */
  unreadKeys(): string[] {
    return this.options.keys.filter((key) => !this.values.has(key));
  }

  /** Key → the value its final read returned (only keys read ok). */
  finalValues(): ReadonlyMap<string, OpValue> {
    return this.values;
  }

  private nextRead(): OpPlan | null {
    const key = this.queue.shift();
    if (key === undefined) {
      this.client.stop();
      return null;
    }
    this.inFlightKey = key;
    this.attempts.set(key, (this.attempts.get(key) ?? 0) + 1);
    return finalReadPlan(this.options.kind, key);
  }

  private onReadDone(outcome: 'ok' | 'fail' | 'info'): void {
    const key = this.inFlightKey;
    this.inFlightKey = null;
    if (key === null) return;
    this.lastFailed = outcome !== 'ok';
    if (outcome === 'ok') {
      const ops = this.options.recorder.ops();
      const completion = ops[ops.length - 1];
      if (completion !== undefined && completion.key === key && completion.type === 'ok') this.values.set(key, completion.value);
      return;
    }
    if ((this.attempts.get(key) ?? 0) < this.options.attemptsMax) this.queue.push(key);
  }
}
