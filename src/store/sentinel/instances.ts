import type { InstanceConnection } from './instance-connection.js';

/** sentinelRedisInstance's failover_state. */
export type FailoverState = 'none' | 'wait_start' | 'select_slave' | 'send_slaveof_noone' | 'wait_promotion' | 'reconf_slaves' | 'update_config';

/** What a sentinel knows of one monitored instance's reachability (instanceLink + its timers). */
export interface LinkTimes {
  /** Host ms of the oldest PING without reply (act_ping_time), 0 when none is pending. */
  actPingTimeMs: number;
  /** Host ms of the last PING sent. */
  lastPingTimeMs: number;
  /** Host ms of the last valid PING reply (last_avail_time / last_pong_time). */
  lastAvailableMs: number;
  lastPongMs: number;
}

/** A replica of a monitored master, learnt from the master's INFO. */
export interface ReplicaInstance {
  readonly host: string;
  readonly port: number;
  readonly link: InstanceConnection;
  readonly pubsub: InstanceConnection;
  readonly times: LinkTimes;
  runId: string | undefined;
  /** role: from its own INFO. */
  roleReported: 'master' | 'slave' | 'unknown';
  roleReportedTimeMs: number;
  masterHost: string | undefined;
  masterPort: number;
  masterLinkUp: boolean;
  masterLinkDownTimeMs: number;
  priority: number;
  replicationOffset: number;
  infoRefreshMs: number;
  lastInfoSentMs: number;
  lastHelloSentMs: number;
  /** slave_conf_change_time */
  configChangeTimeMs: number;
  sdownSinceMs: number;
  promoted: boolean;
  reconf: 'none' | 'sent' | 'inprog' | 'done';
  reconfSentTimeMs: number;
}

/** Another sentinel watching the same master, learnt from hello messages. */
export interface SentinelPeer {
  readonly runId: string;
  readonly host: string;
  readonly port: number;
  readonly link: InstanceConnection;
  readonly times: LinkTimes;
  /** SRI_MASTER_DOWN: its last is-master-down-by-addr reply said down. */
  saysMasterDown: boolean;
  lastMasterDownReplyMs: number;
  /** Its vote in the last election it told us about. */
  leader: string | undefined;
  leaderEpoch: number;
  lastHelloMs: number;
}

/** A monitored master and everything a sentinel tracks for it. */
export interface MasterInstance {
  readonly name: string;
  host: string;
  port: number;
  quorum: number;
  downAfterMs: number;
  failoverTimeoutMs: number;
  parallelSyncs: number;
  link: InstanceConnection;
  pubsub: InstanceConnection;
  times: LinkTimes;
  runId: string | undefined;
  roleReported: 'master' | 'slave' | 'unknown';
  roleReportedTimeMs: number;
  infoRefreshMs: number;
  lastInfoSentMs: number;
  lastHelloSentMs: number;
  replicas: Map<string, ReplicaInstance>;
  sentinels: Map<string, SentinelPeer>;
  sdownSinceMs: number;
  odownSinceMs: number;
  configEpoch: number;
  /** The leader this sentinel voted for, and in which epoch. */
  leader: string | undefined;
  leaderEpoch: number;
  failoverState: FailoverState;
  failoverEpoch: number;
  failoverStartTimeMs: number;
  failoverStateChangeTimeMs: number;
  /** SRI_FORCE_FAILOVER: SENTINEL FAILOVER asked for it. */
  forceFailover: boolean;
  promoted: ReplicaInstance | undefined;
  lastAskedSentinelsMs: number;
}

export function freshLinkTimes(nowMs: number): LinkTimes {
  return { actPingTimeMs: 0, lastPingTimeMs: 0, lastAvailableMs: nowMs, lastPongMs: nowMs };
}

export function addressKey(host: string, port: number): string {
  return `${host}:${port}`;
}
