import { assert } from '../core/assert.js';
import type { Env } from '../env/env.js';
import type { CloseReason } from '../env/network.js';
import type { TimerHandle } from '../env/timers.js';
import type { HistoryRecorder } from '../history/history-recorder.js';
import type { OpValue } from '../history/op.js';
import { encodeRequest } from '../store/protocol/request-encoder.js';
import type { RespValue } from '../store/protocol/reply-decoder.js';
import { ClientConnection, type ClientTarget } from './client-connection.js';
import type { OpPlan, PlanStep } from './op-plan.js';
import { type LostReplyReason, type OpOutcome, outcomeOfLostReply } from './outcome.js';
import type { ProcessIdAllocator } from './process-ids.js';

export interface WorkloadClientOptions {
  /** The client's host name (`c1`). */
  readonly name: string;
  readonly recorder: HistoryRecorder;
  readonly processIds: ProcessIdAllocator;
  /** True simulated time in µs, for the history. */
  readonly nowUs: () => number;
  readonly opTimeoutMs: number;
  /** The next operation, or null when the client has nothing more to do. */
  readonly nextPlan: () => OpPlan | null;
  /** Where an operation goes; null when no node can take it (it fails at once). */
  readonly route: (plan: OpPlan) => ClientTarget | null;
  /** Think time before the next operation, in ms of the client's clock. */
  readonly thinkMs: () => number;
  /** Told of every finished operation (final readers retry on it). */
  readonly onOpDone?: (plan: OpPlan, outcome: OpOutcome) => void;
}

/** The operation in flight: its plan, its lanes' process ids, and how far its exchange got. */
interface InFlight {
  readonly plan: OpPlan;
  readonly processes: readonly number[];
  readonly node: string;
  readonly timer: TimerHandle;
  pending: Extract<PlanStep, { kind: 'send' }> | null;
  replies: RespValue[];
  requestSent: boolean;
}

/**
 * A simulated client process: one operation at a time over one RESP2
 * connection, think time between operations, a timeout per operation, and
 * a reconnect after any connection loss. Outcomes follow Jepsen: `ok`;
 * `fail` only when the op certainly did not happen; `info` otherwise, after
 * which the lane continues as a new process id.
 */
export class WorkloadClient {
  private env: Env | null = null;
  private readonly lanes: number[] = [];
  private link: ClientConnection | null = null;
  private current: InFlight | null = null;
  private thinkTimer: TimerHandle | null = null;
  private stopped = false;
  private opsDone = 0;

  constructor(private readonly options: WorkloadClientOptions) {}

  /** The process body: starts (or, after a crash of the client host, restarts) the op loop. */
  readonly main = (env: Env): void => {
    if (this.current !== null) this.finish('info', undefined, 'the client process died');
    this.env = env;
    this.link = null;
    this.thinkTimer = null;
    this.scheduleNext();
  };

  /** No new operations; the one in flight completes (or times out). */
  stop(): void {
    this.stopped = true;
    if (this.thinkTimer !== null) this.env?.timers.cancel(this.thinkTimer);
    this.thinkTimer = null;
  }

  get isIdle(): boolean {
    return this.current === null;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  get operationsDone(): number {
    return this.opsDone;
  }

  private scheduleNext(): void {
    const env = this.env;
    if (this.stopped || env === null) return;
    this.thinkTimer = env.timers.after(Math.max(0, this.options.thinkMs()), () => {
      this.thinkTimer = null;
      this.beginOp();
    });
  }

  private laneProcess(lane: number): number {
    let process = this.lanes[lane];
    if (process === undefined) {
      process = this.options.processIds.next();
      this.lanes[lane] = process;
    }
    return process;
  }

  private beginOp(): void {
    const env = this.env;
    if (this.stopped || env === null || this.current !== null) return;
    const plan = this.options.nextPlan();
    if (plan === null) return;
    const target = this.options.route(plan);
    const processes = plan.invocations.map((_, lane) => this.laneProcess(lane));
    const node = target?.host ?? 'none';
    const timeUs = this.options.nowUs();
    for (const [lane, invocation] of plan.invocations.entries()) {
      const op = this.options.recorder.invoke({ process: processes[lane] as number, f: invocation.f, key: invocation.key, value: invocation.value, time: timeUs, node });
      // A full history refuses new invocations: the client stops for good.
      if (op === null) {
        assert(lane === 0, 'a full history refuses all lanes of an op together');
        this.stopped = true;
        return;
      }
    }
    const timer = env.timers.after(this.options.opTimeoutMs, () => this.onTimeout(timer));
    this.current = { plan, processes, node, timer, pending: null, replies: [], requestSent: false };
    if (target === null) {
      this.finish('fail', undefined, 'no node to send to');
      return;
    }
    this.continueWith(plan.start(), target);
  }

  private continueWith(step: PlanStep, target: ClientTarget): void {
    const current = this.current;
    assert(current !== null, 'a plan step belongs to an op in flight');
    if (step.kind === 'done') {
      this.finish(step.outcome, step.values, step.error);
      return;
    }
    assert(step.commands.length > 0, 'a batch sends at least one command');
    current.pending = step;
    current.replies = [];
    const link = this.link;
    if (link !== null && link.sameTarget(target)) {
      if (link.open) this.sendPending(link);
      return;
    }
    this.connect(target);
  }

  private connect(target: ClientTarget): void {
    const env = this.env;
    assert(env !== null, 'a client connects only while running');
    this.link?.connection?.close();
    const link = new ClientConnection(target);
    this.link = link;
    link.connection = env.net.connect(
      { host: target.host, port: target.port, timeoutMs: this.options.opTimeoutMs },
      {
        onConnect: () => this.onConnect(link),
        onData: (data) => this.onData(link, data),
        onClose: (reason) => this.onClose(link, reason),
      },
    );
  }

  private onConnect(link: ClientConnection): void {
    if (this.link !== link) return;
    link.open = true;
    this.sendPending(link);
  }

  private sendPending(link: ClientConnection): void {
    const current = this.current;
    const pending = current?.pending ?? null;
    if (current === null || pending === null || current.replies.length > 0 || link.connection === null) return;
    const bytes = pending.commands.length === 1 ? encodeRequest(pending.commands[0] as readonly string[]) : Buffer.concat(pending.commands.map((command) => encodeRequest(command)));
    link.connection.write(bytes);
    current.requestSent = true;
  }

  private onData(link: ClientConnection, data: Uint8Array): void {
    if (this.link !== link) return;
    try {
      link.decoder.feed(data);
    } catch {
      this.dropLink('connection-lost', 'undecodable reply');
      return;
    }
    for (let reply = link.decoder.next(); reply !== undefined; reply = link.decoder.next()) {
      const current = this.current;
      const pending = current?.pending ?? null;
      // Replies with no request waiting mean the stream is out of step: start over.
      if (current === null || pending === null) {
        this.dropLink('connection-lost', 'a reply nobody asked for');
        return;
      }
      current.replies.push(reply);
      if (current.replies.length < pending.commands.length) continue;
      current.pending = null;
      this.continueWith(current.plan.onReplies(current.replies), link.target);
      if (this.link !== link) return;
    }
  }

  private onClose(link: ClientConnection, reason: CloseReason): void {
    if (this.link !== link) return;
    this.link = null;
    const current = this.current;
    if (current === null) return;
    const lostReason: LostReplyReason = !link.open ? (reason === 'timeout' ? 'connect-timeout' : 'connection-refused') : 'connection-lost';
    this.finish(outcomeOfLostReply(lostReason, current.requestSent), undefined, `${lostReason} (${reason})`);
  }

  private onTimeout(timer: TimerHandle): void {
    const current = this.current;
    if (current === null || current.timer !== timer) return;
    const reason: LostReplyReason = current.requestSent ? 'timeout' : 'connect-timeout';
    this.dropLink(reason, `no reply within ${this.options.opTimeoutMs} ms`);
  }

  /** Ends the op in flight after a lost reply and closes the connection so no late reply is misread. */
  private dropLink(reason: LostReplyReason, detail: string): void {
    const link = this.link;
    this.link = null;
    link?.connection?.close();
    const current = this.current;
    if (current !== null) this.finish(reason === 'timeout' ? 'info' : outcomeOfLostReply(reason, current.requestSent), undefined, `${reason}: ${detail}`);
  }

  private finish(outcome: OpOutcome, values: readonly OpValue[] | undefined, error: string | undefined): void {
    const current = this.current;
    assert(current !== null, 'only an op in flight finishes');
    this.current = null;
    this.env?.timers.cancel(current.timer);
    const timeUs = this.options.nowUs();
    for (const [lane, process] of current.processes.entries()) {
      const value = values?.[lane];
      this.options.recorder.complete(process, {
        type: outcome,
        time: timeUs,
        node: current.node,
        ...(value === undefined ? {} : { value }),
        ...(error === undefined ? {} : { error }),
      });
      if (outcome === 'info') this.lanes[lane] = this.options.processIds.next();
    }
    if (outcome === 'info' && this.link !== null) this.dropLink('connection-lost', 'after an unknown outcome');
    this.opsDone++;
    this.options.onOpDone?.(current.plan, outcome);
    this.scheduleNext();
  }
}
