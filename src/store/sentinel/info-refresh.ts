import { InstanceConnection } from './instance-connection.js';
import { addressKey, freshLinkTimes, type MasterInstance, type ReplicaInstance } from './instances.js';
import { numberField, parseInfo, type ParsedInfo } from './info-parse.js';
import type { Sentinel } from './sentinel.js';

const INFO_PERIOD_MS = 10_000;
const HELLO_PERIOD_MS = 2_000;

/**
 * sentinelSendSlaveOf: REPLICAOF (NO ONE or the master), then CLIENT KILL
 * TYPE normal so clients reconnect and ask again where the master is.
 */
export function sendReplicaOf(link: InstanceConnection, host: string | undefined, port: number): boolean {
  const sent = link.send(host === undefined ? ['SLAVEOF', 'NO', 'ONE'] : ['SLAVEOF', host, String(port)]);
  if (sent) link.send(['CLIENT', 'KILL', 'TYPE', 'normal']);
  return sent;
}

/** A replica the master's INFO listed for the first time. */
export function addReplica(sentinel: Sentinel, master: MasterInstance, host: string, port: number): ReplicaInstance {
  const key = addressKey(host, port);
  const existing = master.replicas.get(key);
  if (existing !== undefined) return existing;
  const nowMs = sentinel.nowMs();
  const replica: ReplicaInstance = {
    host, port, link: new InstanceConnection(sentinel.env, host, port), pubsub: sentinel.pubsubLink(master.name, host, port), times: freshLinkTimes(nowMs),
    runId: undefined, roleReported: 'unknown', roleReportedTimeMs: nowMs, masterHost: undefined, masterPort: 0, masterLinkUp: false, masterLinkDownTimeMs: 0,
    priority: 100, replicationOffset: 0, infoRefreshMs: 0, lastInfoSentMs: 0, lastHelloSentMs: 0, configChangeTimeMs: nowMs, sdownSinceMs: 0,
    promoted: false, reconf: 'none', reconfSentTimeMs: 0,
  };
  master.replicas.set(key, replica);
  sentinel.log(`+slave slave ${host}:${port} ${host} ${port} @ ${master.name} ${master.host} ${master.port}`);
  return replica;
}

/** sentinelMasterLooksSane */
export function masterLooksSane(sentinel: Sentinel, master: MasterInstance): boolean {
  return master.roleReported === 'master' && master.sdownSinceMs === 0 && master.odownSinceMs === 0 && !master.link.disconnected && sentinel.nowMs() - master.infoRefreshMs < INFO_PERIOD_MS * 2;
}

/** sentinelRefreshInstanceInfo: what an INFO reply teaches, and the reconfigurations it calls for. */
export function refreshFromInfo(sentinel: Sentinel, master: MasterInstance, replica: ReplicaInstance | undefined, text: string): void {
  const info = parseInfo(text);
  const nowMs = sentinel.nowMs();
  const instance = replica ?? master;
  instance.infoRefreshMs = nowMs;
  instance.runId = info.fields.get('run_id') ?? instance.runId;
  const role = info.fields.get('role') === 'slave' ? 'slave' : 'master';
  if (role !== instance.roleReported) {
    instance.roleReported = role;
    instance.roleReportedTimeMs = nowMs;
  }
  if (replica === undefined) {
    if (role === 'master') for (const listed of info.replicas) addReplica(sentinel, master, listed.host, listed.port);
    return;
  }
  updateReplicaFields(sentinel, replica, info, role);
  if (role === 'master') onReplicaReportsMaster(sentinel, master, replica);
  else onReplicaReportsReplica(sentinel, master, replica);
}

function updateReplicaFields(sentinel: Sentinel, replica: ReplicaInstance, info: ParsedInfo, role: 'master' | 'slave'): void {
  const masterHost = role === 'slave' ? info.fields.get('master_host') : undefined;
  const masterPort = numberField(info, 'master_port', 0);
  if (masterHost !== replica.masterHost || masterPort !== replica.masterPort) replica.configChangeTimeMs = sentinel.nowMs();
  replica.masterHost = masterHost;
  replica.masterPort = masterPort;
  replica.masterLinkUp = info.fields.get('master_link_status') === 'up';
  const downSeconds = numberField(info, 'master_link_down_since_seconds', -1);
  replica.masterLinkDownTimeMs = downSeconds >= 0 ? downSeconds * 1000 : 0;
  replica.priority = numberField(info, 'slave_priority', 100);
  replica.replicationOffset = numberField(info, 'slave_repl_offset', 0);
}

function onReplicaReportsMaster(sentinel: Sentinel, master: MasterInstance, replica: ReplicaInstance): void {
  const nowMs = sentinel.nowMs();
  if (replica.promoted && master.failoverState === 'wait_promotion') {
    master.configEpoch = master.failoverEpoch;
    master.failoverState = 'reconf_slaves';
    master.failoverStateChangeTimeMs = nowMs;
    sentinel.log(`+promoted-slave slave ${replica.host}:${replica.port} @ ${master.name}`);
    sentinel.log(`+failover-state-reconf-slaves master ${master.name} ${master.host} ${master.port}`);
    forceHello(master);
    return;
  }
  const waitMs = HELLO_PERIOD_MS * 4;
  if (replica.promoted || !masterLooksSane(sentinel, master)) return;
  if (replica.sdownSinceMs !== 0 || nowMs - replica.roleReportedTimeMs <= waitMs) return;
  if (sendReplicaOf(replica.link, master.host, master.port)) sentinel.log(`+convert-to-slave slave ${replica.host}:${replica.port} @ ${master.name}`);
}

function onReplicaReportsReplica(sentinel: Sentinel, master: MasterInstance, replica: ReplicaInstance): void {
  const nowMs = sentinel.nowMs();
  const followsOurMaster = replica.masterHost === master.host && replica.masterPort === master.port;
  if (master.failoverState === 'none' && !followsOurMaster && masterLooksSane(sentinel, master) && nowMs - replica.configChangeTimeMs > master.failoverTimeoutMs) {
    if (sendReplicaOf(replica.link, master.host, master.port)) sentinel.log(`+fix-slave-config slave ${replica.host}:${replica.port} @ ${master.name}`);
  }
  const promoted = master.promoted;
  if (promoted === undefined) return;
  const followsPromoted = replica.masterHost === promoted.host && replica.masterPort === promoted.port;
  if (replica.reconf === 'sent' && followsPromoted) {
    replica.reconf = 'inprog';
    sentinel.log(`+slave-reconf-inprog slave ${replica.host}:${replica.port} @ ${master.name}`);
  }
  if (replica.reconf === 'inprog' && followsPromoted && replica.masterLinkUp) {
    replica.reconf = 'done';
    sentinel.log(`+slave-reconf-done slave ${replica.host}:${replica.port} @ ${master.name}`);
  }
}

/** sentinelForceHelloUpdateForMaster: the next timer sends hellos everywhere. */
export function forceHello(master: MasterInstance): void {
  master.lastHelloSentMs = 0;
  for (const replica of master.replicas.values()) replica.lastHelloSentMs = 0;
}
