import type { InstanceConnection } from './instance-connection.js';
import type { LinkTimes, MasterInstance } from './instances.js';
import type { Sentinel } from './sentinel.js';

const ASK_PERIOD_MS = 1_000;
const MAX_DESYNC_MS = 1_000;

/**
 * sentinelCheckSubjectivelyDown: no valid PING reply for down-after ms (or
 * no link for that long). A link with a PING pending for half of that is
 * closed so it reconnects.
 */
export function checkSubjectivelyDown(sentinel: Sentinel, link: InstanceConnection, times: LinkTimes, downAfterMs: number, _wasDown: boolean): boolean {
  const nowMs = sentinel.nowMs();
  let elapsedMs = 0;
  if (times.actPingTimeMs !== 0) elapsedMs = nowMs - times.actPingTimeMs;
  else if (link.disconnected) elapsedMs = nowMs - times.lastAvailableMs;
  if (link.isOpen && !link.disconnected && times.actPingTimeMs !== 0 && nowMs - times.actPingTimeMs > downAfterMs / 2 && nowMs - times.lastPongMs > downAfterMs / 2) {
    link.close();
    times.actPingTimeMs = 0;
  }
  return elapsedMs > downAfterMs;
}

/** sentinelCheckObjectivelyDown: SDOWN here plus enough other sentinels saying so reach the quorum. */
export function checkObjectivelyDown(sentinel: Sentinel, master: MasterInstance): void {
  let votes = 0;
  if (master.sdownSinceMs > 0) {
    votes = 1;
    for (const peer of master.sentinels.values()) if (peer.saysMasterDown) votes++;
  }
  const odown = master.sdownSinceMs > 0 && votes >= master.quorum;
  if (odown && master.odownSinceMs === 0) {
    master.odownSinceMs = sentinel.nowMs();
    sentinel.log(`+odown master ${master.name} ${master.host} ${master.port} #quorum ${votes}/${master.quorum}`);
  } else if (!odown && master.odownSinceMs > 0) {
    master.odownSinceMs = 0;
    sentinel.log(`-odown master ${master.name} ${master.host} ${master.port}`);
  }
}

/** sentinelStartFailoverIfNeeded: ODOWN, no failover running, and none tried for twice the failover timeout. */
export function startFailoverIfNeeded(sentinel: Sentinel, master: MasterInstance): boolean {
  if (master.odownSinceMs === 0 || master.failoverState !== 'none') return false;
  const nowMs = sentinel.nowMs();
  if (nowMs - master.failoverStartTimeMs < master.failoverTimeoutMs * 2) return false;
  startFailover(sentinel, master);
  return true;
}

/** sentinelStartFailover: a new epoch, and a start time desynchronised so sentinels rarely collide. */
export function startFailover(sentinel: Sentinel, master: MasterInstance): void {
  master.failoverState = 'wait_start';
  master.failoverEpoch = ++sentinel.currentEpoch;
  sentinel.log(`+new-epoch ${sentinel.currentEpoch}`);
  sentinel.log(`+try-failover master ${master.name} ${master.host} ${master.port}`);
  master.failoverStartTimeMs = sentinel.nowMs() + sentinel.rng.int(MAX_DESYNC_MS);
  master.failoverStateChangeTimeMs = sentinel.nowMs();
}

/**
 * sentinelAskMasterStateToOtherSentinels: while the master is SDOWN, ask
 * every sentinel whether it agrees (and, during our failover, for its vote).
 */
export function askOtherSentinels(sentinel: Sentinel, master: MasterInstance, forced: boolean): void {
  const nowMs = sentinel.nowMs();
  for (const peer of master.sentinels.values()) {
    if (nowMs - peer.lastMasterDownReplyMs > ASK_PERIOD_MS * 5) {
      peer.saysMasterDown = false;
      peer.leader = undefined;
    }
  }
  if (master.sdownSinceMs === 0) return;
  if (!forced && nowMs - master.lastAskedSentinelsMs < ASK_PERIOD_MS) return;
  master.lastAskedSentinelsMs = nowMs;
  const candidate = master.failoverState !== 'none' ? sentinel.runId : '*';
  for (const peer of master.sentinels.values()) {
    if (peer.link.disconnected) continue;
    peer.link.send(['SENTINEL', 'is-master-down-by-addr', master.host, String(master.port), String(sentinel.currentEpoch), candidate], (reply) => {
      if (!Array.isArray(reply) || reply.length !== 3) return;
      peer.lastMasterDownReplyMs = sentinel.nowMs();
      peer.saysMasterDown = reply[0] === 1;
      const leader = String(reply[1]);
      if (leader !== '*') {
        peer.leader = leader;
        peer.leaderEpoch = Number(reply[2]);
      }
    });
  }
}
