import type { RespValue } from '../protocol/reply-decoder.js';
import { RespError } from '../protocol/reply-decoder.js';
import { checkObjectivelyDown, checkSubjectivelyDown, askOtherSentinels, startFailoverIfNeeded } from './down-state.js';
import { runFailoverStateMachine, switchToPromotedReplica } from './failover.js';
import { sendHello } from './hello-exchange.js';
import { refreshFromInfo } from './info-refresh.js';
import type { InstanceConnection } from './instance-connection.js';
import type { LinkTimes, MasterInstance, ReplicaInstance, SentinelPeer } from './instances.js';
import type { Sentinel } from './sentinel.js';

const INFO_PERIOD_MS = 10_000;
const INFO_PERIOD_FAST_MS = 1_000;
const PING_PERIOD_MS = 1_000;
const HELLO_PERIOD_MS = 2_000;

/** sentinelHandleDictOfRedisInstances for one master: it, its replicas, its sentinels, then the failover. */
export function handleMaster(sentinel: Sentinel, master: MasterInstance): void {
  serveInstance(sentinel, master, master, undefined);
  for (const replica of master.replicas.values()) serveInstance(sentinel, master, replica, replica);
  for (const peer of master.sentinels.values()) servePeer(sentinel, master, peer);
  checkObjectivelyDown(sentinel, master);
  if (startFailoverIfNeeded(sentinel, master)) askOtherSentinels(sentinel, master, true);
  runFailoverStateMachine(sentinel, master);
  askOtherSentinels(sentinel, master, false);
  if (master.failoverState === 'update_config') switchToPromotedReplica(sentinel, master);
}

/** Reconnect, periodic PING / INFO / hello, and the SDOWN check of a master or replica. */
function serveInstance(sentinel: Sentinel, master: MasterInstance, instance: MasterInstance | ReplicaInstance, replica: ReplicaInstance | undefined): void {
  instance.link.ensureOpen();
  instance.pubsub.ensureOpen();
  const nowMs = sentinel.nowMs();
  if (!instance.link.disconnected) {
    const fast = replica !== undefined && (master.odownSinceMs > 0 || master.failoverState !== 'none' || replica.masterLinkDownTimeMs > 0);
    const infoPeriod = fast ? INFO_PERIOD_FAST_MS : INFO_PERIOD_MS;
    if ((instance.infoRefreshMs === 0 || nowMs - instance.infoRefreshMs > infoPeriod) && nowMs - instance.lastInfoSentMs > Math.min(infoPeriod, PING_PERIOD_MS)) {
      instance.lastInfoSentMs = nowMs;
      // Deviation: Redis sends a plain INFO; the sections read here are server (run_id) and replication.
      instance.link.send(['INFO', 'server', 'replication'], (reply) => {
        if (Buffer.isBuffer(reply)) refreshFromInfo(sentinel, master, replica, reply.toString('latin1'));
      });
    }
    sendPingIfDue(sentinel, instance.link, instance.times, Math.min(master.downAfterMs, PING_PERIOD_MS));
    if (nowMs - instance.lastHelloSentMs > HELLO_PERIOD_MS) {
      instance.lastHelloSentMs = nowMs;
      sendHello(sentinel, master, instance.link);
    }
  }
  const reportsReplica = replica === undefined && master.roleReported === 'slave' && nowMs - master.roleReportedTimeMs > master.downAfterMs + INFO_PERIOD_MS * 2;
  const down = checkSubjectivelyDown(sentinel, instance.link, instance.times, master.downAfterMs, instance.sdownSinceMs > 0) || reportsReplica;
  if (down && instance.sdownSinceMs === 0) {
    instance.sdownSinceMs = nowMs;
    sentinel.log(`+sdown ${replica === undefined ? 'master' : 'slave'} ${instance.host} ${instance.port}`);
  } else if (!down && instance.sdownSinceMs > 0) {
    instance.sdownSinceMs = 0;
    sentinel.log(`-sdown ${replica === undefined ? 'master' : 'slave'} ${instance.host} ${instance.port}`);
  }
}

/** Another sentinel: a command link and PINGs (its down state only matters for the link). */
function servePeer(sentinel: Sentinel, master: MasterInstance, peer: SentinelPeer): void {
  peer.link.ensureOpen();
  if (!peer.link.disconnected) sendPingIfDue(sentinel, peer.link, peer.times, Math.min(master.downAfterMs, PING_PERIOD_MS));
  checkSubjectivelyDown(sentinel, peer.link, peer.times, master.downAfterMs, false);
}

function sendPingIfDue(sentinel: Sentinel, link: InstanceConnection, times: LinkTimes, pingPeriodMs: number): void {
  const nowMs = sentinel.nowMs();
  if (nowMs - times.lastPongMs <= pingPeriodMs || nowMs - times.lastPingTimeMs <= pingPeriodMs / 2) return;
  const sent = link.send(['PING'], (reply) => onPingReply(sentinel, times, reply));
  if (!sent) return;
  times.lastPingTimeMs = nowMs;
  if (times.actPingTimeMs === 0) times.actPingTimeMs = nowMs;
}

/** sentinelPingReplyCallback: PONG, LOADING and MASTERDOWN mean the instance is available. */
function onPingReply(sentinel: Sentinel, times: LinkTimes, reply: RespValue): void {
  const nowMs = sentinel.nowMs();
  const valid = reply === 'PONG' || (reply instanceof RespError && (reply.code === 'LOADING' || reply.code === 'MASTERDOWN'));
  if (valid) {
    times.lastAvailableMs = nowMs;
    times.actPingTimeMs = 0;
  }
  times.lastPongMs = nowMs;
}
