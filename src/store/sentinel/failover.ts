import { electedLeader } from './election.js';
import { InstanceConnection } from './instance-connection.js';
import { addressKey, freshLinkTimes, type MasterInstance, type ReplicaInstance } from './instances.js';
import { addReplica, forceHello, sendReplicaOf } from './info-refresh.js';
import type { Sentinel } from './sentinel.js';

const ELECTION_TIMEOUT_MS = 10_000;
const PING_PERIOD_MS = 1_000;
const INFO_PERIOD_MS = 10_000;
const REPLICA_RECONF_TIMEOUT_MS = 10_000;

/** sentinelFailoverStateMachine */
export function runFailoverStateMachine(sentinel: Sentinel, master: MasterInstance): void {
  switch (master.failoverState) {
    case 'wait_start':
      return waitStart(sentinel, master);
    case 'select_slave':
      return selectAndPromote(sentinel, master);
    case 'wait_promotion':
      if (sentinel.nowMs() - master.failoverStateChangeTimeMs > master.failoverTimeoutMs) {
        sentinel.log(`-failover-abort-slave-timeout master ${master.name} ${master.host} ${master.port}`);
        abortFailover(sentinel, master);
      }
      return;
    case 'reconf_slaves':
      return reconfigureReplicas(sentinel, master);
    case 'none':
    case 'send_slaveof_noone':
    case 'update_config':
      return;
  }
}

/** SENTINEL_FAILOVER_STATE_WAIT_START: go on only as the elected leader (or when forced), else give up after the election timeout. */
function waitStart(sentinel: Sentinel, master: MasterInstance): void {
  const leader = electedLeader(sentinel, master, master.failoverEpoch);
  const isLeader = leader === sentinel.runId;
  if (!isLeader && !master.forceFailover) {
    const timeoutMs = Math.min(ELECTION_TIMEOUT_MS, master.failoverTimeoutMs);
    if (sentinel.nowMs() - master.failoverStartTimeMs > timeoutMs) {
      sentinel.log(`-failover-abort-not-elected master ${master.name} ${master.host} ${master.port}`);
      abortFailover(sentinel, master);
    }
    return;
  }
  sentinel.log(`+elected-leader master ${master.name} ${master.host} ${master.port}`);
  master.failoverState = 'select_slave';
  master.failoverStateChangeTimeMs = sentinel.nowMs();
  sentinel.log(`+failover-state-select-slave master ${master.name} ${master.host} ${master.port}`);
}

/** sentinelSelectSlave: healthy, recently heard, priority > 0, not disconnected from the master for too long; best priority, offset, run id. */
export function selectReplica(sentinel: Sentinel, master: MasterInstance): ReplicaInstance | undefined {
  const nowMs = sentinel.nowMs();
  let maxMasterDownMs = master.downAfterMs * 10;
  if (master.sdownSinceMs > 0) maxMasterDownMs += nowMs - master.sdownSinceMs;
  const infoValidityMs = master.sdownSinceMs > 0 ? PING_PERIOD_MS * 5 : INFO_PERIOD_MS * 3;
  const candidates = [...master.replicas.values()].filter(
    (replica) =>
      replica.sdownSinceMs === 0 &&
      !replica.link.disconnected &&
      nowMs - replica.times.lastAvailableMs <= PING_PERIOD_MS * 5 &&
      replica.priority !== 0 &&
      nowMs - replica.infoRefreshMs <= infoValidityMs &&
      replica.masterLinkDownTimeMs <= maxMasterDownMs,
  );
  candidates.sort(
    (left, right) =>
      left.priority - right.priority ||
      right.replicationOffset - left.replicationOffset ||
      (left.runId === right.runId ? 0 : left.runId === undefined ? 1 : right.runId === undefined ? -1 : left.runId < right.runId ? -1 : 1),
  );
  return candidates[0];
}

function selectAndPromote(sentinel: Sentinel, master: MasterInstance): void {
  const replica = selectReplica(sentinel, master);
  if (replica === undefined) {
    sentinel.log(`-failover-abort-no-good-slave master ${master.name} ${master.host} ${master.port}`);
    abortFailover(sentinel, master);
    return;
  }
  sentinel.log(`+selected-slave slave ${replica.host}:${replica.port} @ ${master.name}`);
  replica.promoted = true;
  master.promoted = replica;
  master.failoverState = 'send_slaveof_noone';
  master.failoverStateChangeTimeMs = sentinel.nowMs();
  if (!sendReplicaOf(replica.link, undefined, 0)) return;
  sentinel.log(`+failover-state-wait-promotion slave ${replica.host}:${replica.port} @ ${master.name}`);
  master.failoverState = 'wait_promotion';
  master.failoverStateChangeTimeMs = sentinel.nowMs();
}

/** sentinelFailoverReconfNextSlave + sentinelFailoverDetectEnd */
function reconfigureReplicas(sentinel: Sentinel, master: MasterInstance): void {
  const promoted = master.promoted;
  if (promoted === undefined) return;
  const nowMs = sentinel.nowMs();
  const others = [...master.replicas.values()].filter((replica) => replica !== promoted);
  let inProgress = others.filter((replica) => replica.reconf === 'sent' || replica.reconf === 'inprog').length;
  for (const replica of others) {
    if (replica.reconf === 'sent' && nowMs - replica.reconfSentTimeMs > REPLICA_RECONF_TIMEOUT_MS) {
      sentinel.log(`-slave-reconf-sent-timeout slave ${replica.host}:${replica.port} @ ${master.name}`);
      replica.reconf = 'done';
    }
    if (inProgress >= master.parallelSyncs || replica.reconf !== 'none' || replica.link.disconnected) continue;
    if (sendReplicaOf(replica.link, promoted.host, promoted.port)) {
      replica.reconf = 'sent';
      replica.reconfSentTimeMs = nowMs;
      inProgress++;
      sentinel.log(`+slave-reconf-sent slave ${replica.host}:${replica.port} @ ${master.name}`);
    }
  }
  const timedOut = nowMs - master.failoverStateChangeTimeMs > master.failoverTimeoutMs;
  const notDone = others.filter((replica) => replica.reconf !== 'done' && replica.sdownSinceMs === 0).length;
  if (notDone > 0 && !timedOut) return;
  if (timedOut) {
    sentinel.log(`+failover-end-for-timeout master ${master.name} ${master.host} ${master.port}`);
    for (const replica of others) if (replica.reconf === 'none') sendReplicaOf(replica.link, promoted.host, promoted.port);
  }
  sentinel.log(`+failover-end master ${master.name} ${master.host} ${master.port}`);
  master.failoverState = 'update_config';
  master.failoverStateChangeTimeMs = nowMs;
}

/** sentinelFailoverSwitchToPromotedSlave */
export function switchToPromotedReplica(sentinel: Sentinel, master: MasterInstance): void {
  const promoted = master.promoted;
  if (promoted === undefined) return;
  sentinel.log(`+switch-master ${master.name} ${master.host} ${master.port} ${promoted.host} ${promoted.port}`);
  resetMasterAddress(sentinel, master, promoted.host, promoted.port);
}

/** sentinelAbortFailover */
export function abortFailover(sentinel: Sentinel, master: MasterInstance): void {
  master.failoverState = 'none';
  master.failoverStateChangeTimeMs = sentinel.nowMs();
  master.forceFailover = false;
  if (master.promoted !== undefined) master.promoted.promoted = false;
  master.promoted = undefined;
}

/**
 * sentinelResetMasterAndChangeAddress: the master is now at host:port; the
 * replicas are the old ones plus the old master, and every failover and
 * down state starts over.
 */
export function resetMasterAddress(sentinel: Sentinel, master: MasterInstance, host: string, port: number): void {
  const oldHost = master.host;
  const oldPort = master.port;
  const replicaAddresses = [...master.replicas.values()].filter((replica) => replica.host !== host || replica.port !== port).map((replica) => [replica.host, replica.port] as const);
  if (oldHost !== host || oldPort !== port) replicaAddresses.push([oldHost, oldPort]);
  for (const replica of master.replicas.values()) {
    replica.link.close();
    replica.pubsub.close();
  }
  master.link.close();
  master.pubsub.close();
  master.replicas.clear();
  master.host = host;
  master.port = port;
  master.link = new InstanceConnection(sentinel.env, host, port);
  master.pubsub = sentinel.pubsubLink(master.name, host, port);
  master.times = freshLinkTimes(sentinel.nowMs());
  Object.assign(master, { runId: undefined, roleReported: 'unknown', infoRefreshMs: 0, lastInfoSentMs: 0, sdownSinceMs: 0, odownSinceMs: 0, promoted: undefined, forceFailover: false });
  master.failoverState = 'none';
  master.roleReportedTimeMs = sentinel.nowMs();
  for (const peer of master.sentinels.values()) {
    peer.saysMasterDown = false;
    peer.leader = undefined;
  }
  for (const [replicaHost, replicaPort] of replicaAddresses) {
    if (!master.replicas.has(addressKey(replicaHost, replicaPort))) addReplica(sentinel, master, replicaHost, replicaPort);
  }
  forceHello(master);
}
