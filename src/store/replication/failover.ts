import { assert } from '../../core/assert.js';
import { clientPauseOf } from '../server/client-pause.js';
import { replicaAddress } from './master-sync.js';
import type { ReplicaRecord } from './replica-registry.js';
import type { Replication } from './replication.js';

/** server.failover_state as INFO replication's master_failover_state prints it. */
export type FailoverState = 'no-failover' | 'waiting-for-sync' | 'failover-in-progress';

/** What FAILOVER asked for, validated. */
export interface FailoverRequest {
  /** TO host port; undefined: the first replica that catches up. */
  readonly target: { readonly host: string; readonly port: number } | undefined;
  /** TIMEOUT in ms; 0: wait until aborted. */
  readonly timeoutMs: number;
  readonly force: boolean;
}

/** replicationCron runs every 100 ms instead of every second while a failover is on (server.c). */
const FAILOVER_CHECK_INTERVAL_MS = 100;
/** LLONG_MAX as an end time: the failover's write pause lasts until the failover ends. */
const PAUSE_FOREVER_MS = Number.MAX_SAFE_INTEGER;

/**
 * The coordinated failover of Redis 6.2+ (replication.c failoverCommand,
 * updateFailoverStatus, abortFailover): the master pauses writes, waits for
 * a replica to acknowledge its whole stream, becomes that replica's replica,
 * and sends it `PSYNC <replid> <offset> FAILOVER`, which makes it the
 * master. The pause ends when the target answers the PSYNC (or on abort).
 */
export class Failover {
  state: FailoverState = 'no-failover';
  /** failover_end_time (node clock ms), 0 without TIMEOUT. */
  endMs = 0;
  force = false;
  targetHost: string | undefined;
  targetPort = 0;
  private checking = false;

  constructor(private readonly repl: Replication) {}

  get active(): boolean {
    return this.state !== 'no-failover';
  }

  /** The end of failoverCommand: a request already checked against every error. */
  start(request: FailoverRequest): void {
    assert(this.state === 'no-failover', 'one failover at a time');
    const node = this.repl.node;
    if (request.target !== undefined) {
      this.targetHost = request.target.host;
      this.targetPort = request.target.port;
      node.env.log('notice', `FAILOVER requested to ${request.target.host}:${request.target.port}.`);
    } else {
      node.env.log('notice', 'FAILOVER requested to any replica.');
    }
    this.endMs = request.timeoutMs > 0 ? node.env.clock.nowMs() + request.timeoutMs : 0;
    this.force = request.force;
    this.state = 'waiting-for-sync';
    clientPauseOf(node).pause('failover', PAUSE_FOREVER_MS, 'write');
    this.scheduleCheck();
  }

  /** updateFailoverStatus: time out (or force), else fail over to a caught-up replica. */
  update(): void {
    if (this.state !== 'waiting-for-sync') return;
    const node = this.repl.node;
    if (this.endMs !== 0 && this.endMs <= node.env.clock.nowMs()) {
      if (this.force && this.targetHost !== undefined) {
        node.env.log('notice', `FAILOVER to ${this.targetHost}:${this.targetPort} time out exceeded, failing over.`);
        this.state = 'failover-in-progress';
        this.repl.setMaster(this.targetHost, this.targetPort);
      } else {
        this.abort('Replica never caught up before timeout');
      }
      return;
    }
    const masterOffset = this.repl.history.offset;
    const replica = this.targetHost === undefined ? this.chooseCaughtUpReplica(masterOffset) : this.repl.findReplica(this.targetHost, this.targetPort);
    if (replica === undefined || replica.ackOffset !== masterOffset || this.targetHost === undefined) return;
    this.state = 'failover-in-progress';
    node.env.log('notice', `Failover target ${this.targetHost}:${this.targetPort} is synced, failing over.`);
    this.repl.setMaster(this.targetHost, this.targetPort);
  }

  /** Without TO: the first replica whose ACK reached our offset becomes the target. */
  private chooseCaughtUpReplica(masterOffset: number): ReplicaRecord | undefined {
    for (const record of this.repl.replicas.all()) {
      if (record.ackOffset !== masterOffset) continue;
      this.targetHost = replicaAddress(record);
      this.targetPort = record.handshake.listeningPort;
      return record;
    }
    return undefined;
  }

  /** abortFailover: back to master if we already turned replica, then clear (which unpauses). */
  abort(reason: string): void {
    if (this.state === 'no-failover') return;
    const node = this.repl.node;
    if (this.targetHost !== undefined) node.env.log('notice', `FAILOVER to ${this.targetHost}:${this.targetPort} aborted: ${reason}`);
    else node.env.log('notice', `FAILOVER to any replica aborted: ${reason}`);
    if (this.state === 'failover-in-progress') this.repl.unsetMaster();
    this.clear();
  }

  /** clearFailoverState: forget the request and end the failover's write pause. */
  clear(): void {
    this.endMs = 0;
    this.force = false;
    this.targetHost = undefined;
    this.targetPort = 0;
    this.state = 'no-failover';
    clientPauseOf(this.repl.node).unpause('failover');
    this.repl.node.scheduleBeforeSleep();
  }

  /** The faster replicationCron period of a failover, as a timer that lives only while one is on. */
  private scheduleCheck(): void {
    if (this.checking) return;
    this.checking = true;
    const node = this.repl.node;
    node.env.timers.after(FAILOVER_CHECK_INTERVAL_MS, () => {
      this.checking = false;
      if (!node.cronTimerActive || !this.active) return;
      this.repl.failoverCron();
      this.scheduleCheck();
    });
  }
}
