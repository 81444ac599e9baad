import { assert } from '../core/assert.js';
import type { Prng } from '../core/prng.js';
import type { HistoryRecorder } from '../history/history-recorder.js';
import type { World } from '../sim/world.js';
import type { ClientTarget } from './client-connection.js';
import { nextPlan, UniqueValues } from './op-generator.js';
import type { OpPlan } from './op-plan.js';
import type { ProcessIdAllocator } from './process-ids.js';
import { WorkloadClient } from './workload-client.js';
import type { OpMix } from './workload-kind.js';

export interface WorkloadDriverOptions {
  readonly world: World;
  readonly recorder: HistoryRecorder;
  readonly processIds: ProcessIdAllocator;
  readonly mix: OpMix;
  readonly clients: number;
  /** Mean ops per second per client: think times are exponential with mean 1000/rateHz ms. */
  readonly rateHz: number;
  readonly opTimeoutMs: number;
  readonly route: (plan: OpPlan) => ClientTarget | null;
  /** The run's `workload` stream; each client forks its own. */
  readonly prng: Prng;
}

/** Client host names: `c1` .. `cN`. */
export function clientHostName(index: number): string {
  return `c${index + 1}`;
}

/**
 * The workload's clients: one host and one process each, drawing operations
 * from the workload's mix, from `start()` until `stop()`.
 */
export class WorkloadDriver {
  private readonly clients: WorkloadClient[] = [];
  readonly hostNames: readonly string[];

  constructor(private readonly options: WorkloadDriverOptions) {
    assert(Number.isInteger(options.clients) && options.clients > 0, 'a workload has at least one client');
    assert(options.rateHz > 0, 'a workload rate is positive');
    const unique = new UniqueValues();
    const thinkMeanMs = 1000 / options.rateHz;
    const names: string[] = [];
    for (let index = 0; index < options.clients; index++) {
      const name = clientHostName(index);
      options.world.addHost({ name });
      const prng = options.prng.fork(name);
      this.clients.push(
        new WorkloadClient({
          name,
          recorder: options.recorder,
          processIds: options.processIds,
          nowUs: () => options.world.nowUs(),
          opTimeoutMs: options.opTimeoutMs,
          nextPlan: () => nextPlan(options.mix, prng, unique),
          route: options.route,
          thinkMs: () => prng.exponential(thinkMeanMs),
        }),
      );
      names.push(name);
    }
    this.hostNames = names;
  }

  start(): void {
    this.clients.forEach((client, index) => this.options.world.host(this.hostNames[index] as string).start(client.main));
  }

  /** No new operations from now on; those in flight complete or time out. */
  stop(): void {
    for (const client of this.clients) client.stop();
  }

  isIdle(): boolean {
    return this.clients.every((client) => client.isIdle);
  }

  operationsDone(): number {
    return this.clients.reduce((total, client) => total + client.operationsDone, 0);
  }
}
