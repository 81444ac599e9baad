import { EnvError } from '../../core/errors.js';
import type { Prng } from '../../core/prng.js';
import type { Env } from '../../env/env.js';
import type { Listener } from '../../env/network.js';
import { handleMaster } from './monitor.js';
import { InstanceConnection } from './instance-connection.js';
import { freshLinkTimes, type MasterInstance } from './instances.js';
import { acceptSentinelClient } from './sentinel-server.js';
import { onHelloMessage } from './hello-exchange.js';

/** sentinel monitor <name> <host> <port> <quorum>, with the per-master settings. */
export interface MonitorSpec {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly quorum: number;
  /** down-after-milliseconds (default 30000). */
  readonly downAfterMs?: number;
  /** failover-timeout (default 180000). */
  readonly failoverTimeoutMs?: number;
  /** parallel-syncs (default 1). */
  readonly parallelSyncs?: number;
}

export interface SentinelOptions {
  /** Default 26379. */
  readonly port?: number;
  readonly monitors: readonly MonitorSpec[];
}

/** The sentinel timer runs about ten times a second, with jitter (server.hz randomised as Redis does). */
const TIMER_BASE_MS = 100;

/**
 * A Redis Sentinel process (sentinel.c): monitors masters, discovers their
 * replicas through INFO and the other sentinels through hello messages,
 * decides SDOWN and ODOWN, elects a leader per epoch and fails over.
 */
export class Sentinel {
  readonly runId: string;
  readonly rng: Prng;
  readonly port: number;
  currentEpoch = 0;
  readonly masters = new Map<string, MasterInstance>();
  private listener: Listener | undefined;
  private stopped = false;

  constructor(
    readonly env: Env,
    options: SentinelOptions,
  ) {
    this.rng = env.rng.fork('sentinel');
    this.port = options.port ?? 26379;
    let runId = '';
    for (let index = 0; index < 40; index++) runId += this.rng.int(16).toString(16);
    this.runId = runId;
    for (const spec of options.monitors) this.monitor(spec);
  }

  /** The address other processes reach us at (sentinel announce-ip). */
  get host(): string {
    return this.env.hostName;
  }

  nowMs(): number {
    return this.env.clock.nowMs();
  }

  log(message: string): void {
    this.env.log('notice', message);
  }

  start(): EnvError | undefined {
    const listener = this.env.net.listen(this.port, (connection) => acceptSentinelClient(this, connection));
    if (listener instanceof EnvError) return listener;
    this.listener = listener;
    this.scheduleTimer();
    return undefined;
  }

  stop(): void {
    this.stopped = true;
    this.listener?.close();
    for (const master of this.masters.values()) {
      for (const link of [master.link, master.pubsub, ...[...master.replicas.values()].flatMap((replica) => [replica.link, replica.pubsub]), ...[...master.sentinels.values()].map((peer) => peer.link)]) link.close();
    }
  }

  monitor(spec: MonitorSpec): MasterInstance {
    const nowMs = this.nowMs();
    const master: MasterInstance = {
      name: spec.name, host: spec.host, port: spec.port, quorum: spec.quorum,
      downAfterMs: spec.downAfterMs ?? 30_000, failoverTimeoutMs: spec.failoverTimeoutMs ?? 180_000, parallelSyncs: spec.parallelSyncs ?? 1,
      link: new InstanceConnection(this.env, spec.host, spec.port), pubsub: this.pubsubLink(spec.name, spec.host, spec.port),
      times: freshLinkTimes(nowMs), runId: undefined, roleReported: 'unknown', roleReportedTimeMs: nowMs, infoRefreshMs: 0, lastInfoSentMs: 0, lastHelloSentMs: 0,
      replicas: new Map(), sentinels: new Map(), sdownSinceMs: 0, odownSinceMs: 0, configEpoch: 0, leader: undefined, leaderEpoch: 0,
      failoverState: 'none', failoverEpoch: 0, failoverStartTimeMs: 0, failoverStateChangeTimeMs: 0, forceFailover: false, promoted: undefined, lastAskedSentinelsMs: 0,
    };
    this.masters.set(spec.name, master);
    this.log(`+monitor master ${spec.name} ${spec.host} ${spec.port} quorum ${spec.quorum}`);
    return master;
  }

  /** The pub/sub link of an instance of `masterName`: subscribed to the hello channel once open. */
  pubsubLink(masterName: string, host: string, port: number): InstanceConnection {
    const link: InstanceConnection = new InstanceConnection(
      this.env, host, port,
      (channel, payload) => onHelloMessage(this, masterName, channel, payload),
      () => link.send(['SUBSCRIBE', '__sentinel__:hello']),
    );
    return link;
  }

  /** The address clients should use (sentinelGetCurrentMasterAddress): the promoted replica once it was promoted. */
  currentMasterAddress(master: MasterInstance): { readonly host: string; readonly port: number } {
    const promoted = master.promoted;
    if (promoted !== undefined && (master.failoverState === 'reconf_slaves' || master.failoverState === 'update_config')) return { host: promoted.host, port: promoted.port };
    return { host: master.host, port: master.port };
  }

  private scheduleTimer(): void {
    this.env.timers.after(TIMER_BASE_MS - 50 + this.rng.int(50), () => {
      if (this.stopped) return;
      for (const master of this.masters.values()) handleMaster(this, master);
      this.scheduleTimer();
    });
  }
}

/** A sentinel process body for the sim or `redsim serve`. */
export function sentinelProcessMain(options: SentinelOptions, onStarted?: (sentinel: Sentinel) => void): (env: Env) => void {
  return (env) => {
    const sentinel = new Sentinel(env, options);
    onStarted?.(sentinel);
    const error = sentinel.start();
    if (error instanceof EnvError) {
      env.log('warning', `could not listen: ${error.message}`);
      env.exit(1);
    }
  };
}
