import type { Prng } from '../../core/prng.js';
import type { Client } from '../server/client.js';
import { freeClient } from '../server/event-loop.js';
import type { StoreNode } from '../server/node.js';
import type { PropagationTarget } from '../server/propagation.js';
import { installReplicationGuards } from './replication-guards.js';
import { installReplicationInfo } from './replication-info.js';
import { ReplicationHistory } from './replication-history.js';
import { MasterLink } from './master-link.js';
import { startFullSyncs } from './master-sync.js';
import { ReplicaRegistry } from './replica-registry.js';
import { WaitRegistry } from './wait-registry.js';
import { Failover } from './failover.js';
import { replicaAddress } from './master-sync.js';
import type { ReplicaRecord } from './replica-registry.js';
import { clientsPaused, existingClientPause } from '../server/client-pause.js';

/** The sync counters INFO stats prints. */
export interface ReplicationStats {
  syncFull: number;
  syncPartialOk: number;
  syncPartialErr: number;
}

const CRON_INTERVAL_MS = 1000;
const attached = new WeakMap<StoreNode, Replication>();

/**
 * Master-replica replication of one node (replication.c, Redis 7.0 PSYNC2):
 * as a master it feeds the stream to its backlog and replicas, serves PSYNC
 * (partial from the backlog or full with an RDB), counts ACKs for WAIT and
 * min-replicas-to-write; as a replica it keeps a MasterLink. One instance
 * per node, attached on first use (`replicationOf`).
 */
export class Replication {
  readonly history: ReplicationHistory;
  readonly replicas = new ReplicaRegistry();
  readonly waits: WaitRegistry;
  /** FAILOVER's state (server.failover_*). */
  readonly failover: Failover;
  readonly stats: ReplicationStats = { syncFull: 0, syncPartialOk: 0, syncPartialErr: 0 };
  readonly rng: Prng;
  link: MasterLink | undefined;
  /** server.cached_master exists: PSYNC may continue our own history. */
  hasCachedMaster = false;
  /** A diskless full sync waits for its delay. */
  fullSyncPending = false;
  /** repl_good_slaves_count */
  goodReplicas = 0;
  /** server.get_ack_from_slaves: send REPLCONF GETACK in the next beforeSleep. */
  ackRequested = false;
  /** Measured for the complexity reports. */
  fullSyncBytesSent = 0;
  fullSyncBytesReceived = 0;
  partialSyncBytesSent = 0;
  private cronLoops = 0;

  constructor(readonly node: StoreNode) {
    this.rng = node.env.rng.fork('replication');
    this.history = new ReplicationHistory(this.rng, () => node.config.integer('repl-backlog-size'));
    this.waits = new WaitRegistry(node, (offset) => this.countAcked(offset));
    this.failover = new Failover(this);
  }

  get isReplica(): boolean {
    return this.link !== undefined;
  }

  /** Installs the propagation feed, guards, INFO, ROLE and the cron; follows `replicaof` from the config. */
  install(): void {
    const node = this.node;
    node.onPropagate((dbId, argv, target) => this.onPropagate(dbId, argv, target));
    node.addBeforeSleepHook(() => this.beforeSleep());
    node.config.onChange((name) => {
      if (name === 'repl-backlog-size') this.history.backlog?.resize(node.config.integer('repl-backlog-size'));
    });
    installReplicationGuards(this);
    installReplicationInfo(this);
    const configured = node.config.get('replicaof').trim().split(/\s+/);
    if (configured.length === 2 && configured[0] !== undefined && configured[0].length > 0) this.setMaster(configured[0], Number(configured[1]));
    this.scheduleCron();
  }

  private onPropagate(dbId: number, argv: Buffer[], target: PropagationTarget): void {
    if (!target.replication || this.isReplica) return;
    this.feed(dbId, argv);
  }

  /** replicationFeedSlaves: nothing is kept until the first replica created the backlog. */
  feed(dbId: number | undefined, argv: readonly (Buffer | string)[]): void {
    if (this.isReplica) return;
    if (this.history.backlog === undefined && this.replicas.count() === 0) return;
    const bytes = this.history.encodeCommand(dbId, argv);
    this.history.append(bytes);
    this.sendToReplicas(bytes);
  }

  /** A replica passes the bytes it applied on to its backlog and sub-replicas, unchanged. */
  feedFromMasterStream(frame: Buffer): void {
    this.history.append(frame);
    this.sendToReplicas(frame);
  }

  private sendToReplicas(bytes: Buffer): void {
    for (const record of this.replicas.all()) {
      if (record.streaming) record.client.reply.raw(bytes);
    }
    this.node.scheduleBeforeSleep();
  }

  /** REPLCONF ACK from a replica. */
  onAck(client: Client, offset: number): void {
    const record = this.replicas.recordOf(client);
    if (record === undefined) return;
    if (offset > record.ackOffset) record.ackOffset = offset;
    record.ackTimeMs = this.node.env.clock.nowMs();
    if (!record.streaming && record.streamStartOffset !== undefined) {
      // replicaStartCommandStream: a diskless replica gets the stream after its first ACK.
      const backlog = this.history.backlog;
      if (backlog === undefined || !backlog.holds(record.streamStartOffset)) {
        freeClient(this.node, client);
        return;
      }
      record.client.reply.raw(backlog.bytesFrom(record.streamStartOffset));
      record.streaming = true;
      record.streamStartOffset = undefined;
      this.refreshGoodReplicas();
    }
    this.node.scheduleBeforeSleep();
  }

  /** replicationCountAcksByOffset */
  countAcked(offset: number): number {
    let count = 0;
    for (const record of this.replicas.all()) if (record.state === 'online' && record.ackOffset >= offset) count++;
    return count;
  }

  /** refreshGoodSlavesCount: online replicas whose last ACK is within min-replicas-max-lag seconds. */
  refreshGoodReplicas(): void {
    const maxLagSeconds = this.node.config.integer('min-replicas-max-lag');
    const nowSeconds = Math.floor(this.node.env.clock.nowMs() / 1000);
    let good = 0;
    for (const record of this.replicas.all()) {
      const lagSeconds = nowSeconds - Math.floor(record.ackTimeMs / 1000);
      if (record.state === 'online' && record.streaming && lagSeconds <= maxLagSeconds) good++;
    }
    this.goodReplicas = good;
  }

  requestAcks(): void {
    this.ackRequested = true;
    this.node.scheduleBeforeSleep();
  }

  disconnectReplicas(): void {
    for (const record of this.replicas.all()) freeClient(this.node, record.client);
  }

  /** findReplica: by the address it is known by (announced or peer ip) and its listening port. */
  findReplica(host: string, port: number): ReplicaRecord | undefined {
    return this.replicas.all().find((record) => replicaAddress(record).toLowerCase() === host.toLowerCase() && record.handshake.listeningPort === port);
  }

  private beforeSleep(): void {
    // No GETACK while clients are paused: it would grow the stream a failover waits on.
    if (this.ackRequested && !this.isReplica && !clientsPaused(this.node)) {
      this.ackRequested = false;
      this.feed(undefined, ['REPLCONF', 'GETACK', '*']);
    }
    this.waits.serveAcknowledged();
    // After the ACKs, not where they arrive: a failover disconnects our clients.
    this.failover.update();
  }

  /** The part of replicationCron a failover needs every 100 ms: its status and the link to the target. */
  failoverCron(): void {
    this.failover.update();
    this.link?.cron();
    this.node.scheduleBeforeSleep();
  }

  /** replicationSetMaster */
  setMaster(host: string, port: number): void {
    const node = this.node;
    const wasMaster = !this.isReplica;
    this.link?.close();
    // A replica moving to another master may continue (PSYNC) mid-stream: it keeps the db that stream had selected.
    const streamDb = this.link?.streamDb ?? 0;
    unblockAllForRoleChange(node);
    if (wasMaster) {
      this.hasCachedMaster = true;
      this.history.ensureBacklog();
    }
    node.replicaOf = { host, port };
    this.link = new MasterLink(this, host, port, streamDb);
    node.env.log('notice', `Connecting to MASTER ${host}:${port}`);
    this.link.connect();
  }

  /** replicationUnsetMaster: a new history starts; replicas reconnect and continue with PSYNC. */
  unsetMaster(): void {
    if (this.link === undefined) return;
    this.link.close();
    this.link = undefined;
    this.node.replicaOf = undefined;
    this.hasCachedMaster = false;
    this.history.shiftReplicationId();
    this.disconnectReplicas();
    this.history.streamDb = -1;
    this.refreshGoodReplicas();
  }

  /** Runs every second while the node runs; a stopped node (its serverCron off) stops it, and its link. */
  private scheduleCron(): void {
    this.node.env.timers.after(CRON_INTERVAL_MS, () => {
      if (!this.node.cronTimerActive) {
        this.link?.close();
        return;
      }
      this.cron();
      this.scheduleCron();
    });
  }

  /** replicationCron */
  private cron(): void {
    this.cronLoops++;
    this.failover.update();
    this.link?.cron();
    const node = this.node;
    const period = Math.max(1, node.config.integer('repl-ping-replica-period'));
    // A failover with a TIMEOUT sends no PING while writes are paused: it would move the offset the replica must reach.
    const failoverPausedPings = this.failover.endMs !== 0 && clientsPaused(node);
    if (!this.isReplica && this.replicas.count() > 0 && this.cronLoops % period === 0 && !failoverPausedPings) this.feed(undefined, ['PING']);
    this.dropTimedOutReplicas();
    if (!this.fullSyncPending) startFullSyncs(this);
    this.refreshGoodReplicas();
    node.scheduleBeforeSleep();
  }

  private dropTimedOutReplicas(): void {
    const nowMs = this.node.env.clock.nowMs();
    const timeoutMs = this.node.config.integer('repl-timeout') * 1000;
    for (const record of this.replicas.all()) {
      if (record.state !== 'online' || nowMs - record.ackTimeMs <= timeoutMs) continue;
      this.node.env.log('warning', `Disconnecting timedout replica (streaming sync): ${record.client.transport.remoteAddress}`);
      freeClient(this.node, record.client);
    }
  }
}

/** disconnectAllBlockedClients: a node turning replica answers every blocked client. */
function unblockAllForRoleChange(node: StoreNode): void {
  const pause = existingClientPause(node);
  for (const client of node.blocking.clients()) {
    // Postponed clients are left alone: their command starts over when the pause ends (and may be refused then).
    if (pause?.isPostponed(client) === true) continue;
    client.reply.error('UNBLOCKED force unblock from blocking operation, instance state changed (master -> replica?)');
    node.unblockClient(client);
  }
}

/** The node's replication, installed on first use. */
export function replicationOf(node: StoreNode): Replication {
  let replication = attached.get(node);
  if (replication === undefined) {
    replication = new Replication(node);
    attached.set(node, replication);
    replication.install();
  }
  return replication;
}

/** The node's replication if it was installed. */
export function installedReplication(node: StoreNode): Replication | undefined {
  return attached.get(node);
}
