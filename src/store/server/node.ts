import { clientsPaused } from './client-pause.js';
import { assert } from '../../core/assert.js';
import { EnvError } from '../../core/errors.js';
import type { Prng } from '../../core/prng.js';
import type { Env } from '../../env/env.js';
import type { Connection, ConnectionHandlers, Listener } from '../../env/network.js';
import type { BlockOptions, CommandContext, CommandSpec, KeyspaceEventClass } from '../commands/command.js';
import { buildCommandTable } from '../commands/table.js';
import { Database, type ExpiredKeyAction, type KeyspaceHost } from '../keyspace/database.js';
import type { RedisObject } from '../keyspace/object.js';
import { accessOnCreate, accessOnTouch, type AccessPolicy } from './access-clock.js';
import { ActiveExpire } from './active-expire.js';
import { blockClient, handleBlockedTimeout, handleClientsBlockedOnKeys, unblockClient } from './blocked-clients.js';
import { BlockingRegistry } from './blocking-registry.js';
import { Client, type ClientKind, type ClientTransport } from './client.js';
import { StoreConfig, type ConfigOptions } from './config.js';
import { computeDatasetDigest } from './digest.js';
import { processCommand } from './dispatch.js';
import { beforeSleep, closeIdleClients, freeClient, handleClientData } from './event-loop.js';
import { Propagator, type PropagationListener } from './propagation.js';
import { keyspaceEventFlags, publishKeyspaceEvent } from './keyspace-events.js';
import { PubSubRegistry } from './pubsub-registry.js';
import { ServerStats, type StepCounter } from './stats.js';
import { WatchRegistry } from './watch-registry.js';
import type { InfoProvider } from './info.js';
import { memoryUsage } from './memory-estimate.js';
import { attachPersistence } from '../persistence/attach.js';

/** Descriptors 0-6 are stdio, the listening sockets and the event loop's own. */
const FIRST_CLIENT_DESCRIPTOR = 7;

export interface StoreNodeOptions {
  readonly env: Env;
  /** redis.conf directives (names or aliases) with their values. */
  readonly config?: ConfigOptions;
  /** Commands added to the table (tests, extensions); names must not clash with the families'. */
  readonly extraCommands?: readonly CommandSpec[];
}

/** See StoreNode.fastPathConfig. */
export interface FastPathConfig {
  readonly idle: boolean;
  readonly noPassword: boolean;
}

/** A check run before a command executes (MISCONF, MASTERDOWN, LOADING...); returns an error to refuse it. */
export type CommandGuard = (client: Client, spec: CommandSpec) => string | undefined;

/**
 * One redis-server 7.0 process, sans I/O: it reacts to its env's network,
 * timer and clock. See event-loop.ts for the read → execute → beforeSleep →
 * write cycle and dispatch.ts for processCommand/call.
 */
export class StoreNode implements KeyspaceHost {
  readonly env: Env;
  readonly config: StoreConfig;
  readonly stats = new ServerStats();
  readonly propagator = new Propagator();
  readonly blocking = new BlockingRegistry();
  readonly pubsub = new PubSubRegistry();
  readonly watches: WatchRegistry;
  readonly commandTable: ReadonlyMap<string, CommandSpec>;
  /** The commands' random stream (SPOP, SRANDMEMBER, skiplist levels). */
  readonly rng: Prng;
  readonly keyspaceRng: Prng;
  readonly lfuRng: Prng;
  /** Eviction sampling (maxmemory policies). */
  readonly evictionRng: Prng;
  readonly activeExpire: ActiveExpire;
  readonly clients = new Map<number, Client>();
  readonly beforeSleepHooks: (() => void)[] = [];
  readonly commandGuards: CommandGuard[] = [];
  /** DEBUG subcommands other layers add (RELOAD, LOADAOF...), by lowercase name. */
  readonly debugExtensions = new Map<string, (ctx: CommandContext) => void>();
  /** The ROLE reply once the replication layer takes over (undefined: a master without replicas). */
  roleReply: ((ctx: CommandContext) => void) | undefined;
  /** Fields other layers contribute to INFO sections. */
  readonly infoProviders = new Map<string, InfoProvider[]>();
  /** Run by FLUSHALL after the data is gone (the RDB layer saves an empty snapshot when `save` is set). */
  readonly flushAllHooks: (() => void)[] = [];
  /** Run by serverCron at `hz` (persistence: save points, AOF rewrites, postponed AOF flushes). */
  readonly cronHooks: (() => void)[] = [];
  /** UNIX time in seconds of the last successful save (LASTSAVE); the RDB layer updates it. */
  lastSaveSeconds: number;
  /** Clients unblocked since the last beforeSleep, whose buffered input is processed next. */
  unblockedClients: Client[] = [];
  readonly startTimeMs: number;
  readonly runId: string;
  /** The replication role; the replication layer sets it. */
  replicaOf: { readonly host: string; readonly port: number } | undefined;
  /** The client executing right now (server.current_client). */
  currentClient: Client | undefined;
  /** server.loading: no expiry while loading. */
  loading = false;
  beforeSleepScheduled = false;
  cronTimerActive = false;
  private readonly databases: Database[];
  private readonly stepCounters = new Map<string, StepCounter>();
  private cachedAccessPolicy: AccessPolicy | undefined;
  /** notify-keyspace-events as NOTIFY_* bits (cached until a CONFIG SET). */
  private cachedKeyspaceEventFlags: number | undefined;
  /** The config side of the embedded fast path's blockers (cached until a CONFIG SET). */
  private cachedFastPathConfig: FastPathConfig | undefined;
  private nextClientId = 1;
  private listener: Listener | undefined;
  /** server.fixed_time_expire: > 0 while a command (or served blocked client) runs. */
  private fixedTimeDepth = 0;
  private cachedTimeMs = 0;
  /** server.in_nested_call */
  callDepth = 0;
  /**
   * isInsideYieldingLongCommand: a busy script lets other clients in between
   * its slices; serverCron's timed work (expiry, save points, rewrites) waits
   * as Redis's processEventsWhileBlocked runs no time events.
   */
  insideYieldingLongCommand = false;

  constructor(options: StoreNodeOptions) {
    this.env = options.env;
    this.config = new StoreConfig(options.config ?? {});
    this.rng = options.env.rng.fork('commands');
    this.keyspaceRng = options.env.rng.fork('keyspace');
    this.lfuRng = options.env.rng.fork('lfu');
    this.evictionRng = options.env.rng.fork('eviction');
    this.config.onChange(() => {
      this.cachedAccessPolicy = undefined;
      this.cachedKeyspaceEventFlags = undefined;
      this.cachedFastPathConfig = undefined;
    });
    this.commandTable = withExtraCommands(buildCommandTable(), options.extraCommands ?? []);
    const count = this.config.integer('databases');
    this.databases = Array.from({ length: count }, (_, index) => new Database(index, this));
    this.watches = new WatchRegistry((index) => this.database(index));
    this.activeExpire = new ActiveExpire(this, options.env.rng.fork('expire'));
    this.startTimeMs = options.env.clock.nowMs();
    this.lastSaveSeconds = Math.floor(this.startTimeMs / 1000);
    const runIdRng = options.env.rng.fork('run-id');
    this.runId = Array.from({ length: 40 }, () => runIdRng.int(16).toString(16)).join('');
    // Last: loads the dataset from disk (RDB or AOF) and hooks the AOF into propagation and beforeSleep.
    attachPersistence(this);
  }

  /** Starts listening on the configured port and the serverCron timer. */
  start(): EnvError | undefined {
    const listener = this.env.net.listen(this.config.integer('port'), (connection) => this.acceptConnection(connection));
    if (listener instanceof EnvError) return listener;
    this.listener = listener;
    this.startCron();
    return undefined;
  }

  /**
   * Runs one command for a client outside the network path (AOF loading,
   * tests): the same processCommand as received commands, then beforeSleep.
   */
  executeCommand(client: Client, argv: readonly (Buffer | string)[]): void {
    processCommand(this, client, argv.map((argument) => (typeof argument === 'string' ? Buffer.from(argument) : argument)));
    this.scheduleBeforeSleep();
  }

  /** Starts serverCron without listening (the embedded store). */
  startCron(): void {
    if (this.cronTimerActive) return;
    this.cronTimerActive = true;
    this.scheduleCron();
  }

  stop(): void {
    this.listener?.close();
    this.listener = undefined;
    this.cronTimerActive = false;
    for (const client of Array.from(this.clients.values())) freeClient(this, client);
  }

  /** A new client on this transport (a network connection or an embedded pipe). */
  acceptConnection(transport: Connection | ClientTransport): ConnectionHandlers {
    return this.acceptConnectionFor(this.createClient(transport));
  }

  /** The event handlers of an already created client. */
  acceptConnectionFor(client: Client): ConnectionHandlers {
    return {
      onData: (data) => handleClientData(this, client, data),
      onClose: () => freeClient(this, client),
    };
  }

  /**
   * A client on this transport. `kind` 'master' makes it the master link of
   * a replica, 'loader' the AOF loading client: both are authenticated,
   * exempt from maxclients, and get no replies.
   */
  createClient(transport: ClientTransport, options: { readonly kind?: ClientKind } = {}): Client {
    const kind = options.kind ?? 'normal';
    const internal = kind === 'master' || kind === 'loader';
    const authenticated = internal || this.config.get('requirepass') === '';
    const client = new Client(this.nextClientId++, transport, this.env.clock.nowMs(), authenticated, {
      onErrorReply: (code) => this.stats.countError(code),
    });
    client.kind = kind;
    client.reply.muted = internal;
    client.fd = this.lowestFreeDescriptor();
    if (!internal && this.clients.size >= this.config.integer('maxclients')) {
      // acceptCommonHandler: the error goes straight to the socket; the client never exists.
      this.stats.rejectedConnections++;
      client.closed = true;
      transport.write(Buffer.from('-ERR max number of clients reached\r\n'));
      transport.close();
      return client;
    }
    if (kind === 'loader') return client;
    this.stats.numConnections++;
    this.clients.set(client.id, client);
    return client;
  }

  private lowestFreeDescriptor(): number {
    const used = new Set(Array.from(this.clients.values(), (client) => client.fd));
    let fd = FIRST_CLIENT_DESCRIPTOR;
    while (used.has(fd)) fd++;
    return fd;
  }

  database(index: number): Database {
    const db = this.databases[index];
    // A constant message: this runs for every command.
    assert(db !== undefined, 'the db index exists');
    return db;
  }

  databaseCount(): number {
    return this.databases.length;
  }

  /** Receives every propagated command (dbId, argv) in order: the AOF and replication feed. */
  onPropagate(listener: PropagationListener): void {
    this.propagator.addListener(listener);
  }

  /** Runs in beforeSleep before replies are written (the AOF's write+fsync goes here). */
  addBeforeSleepHook(hook: () => void): void {
    this.beforeSleepHooks.push(hook);
  }

  addInfoProvider(section: string, provider: InfoProvider): void {
    const providers = this.infoProviders.get(section) ?? [];
    providers.push(provider);
    this.infoProviders.set(section, providers);
  }

  /** used_memory estimate: a fixed startup overhead plus MEMORY USAGE of every key. */
  estimatedMemoryBytes(): number {
    let total = 876_224;
    for (const db of this.databases) {
      for (const [key, value] of db.entriesWithExpiry()) total += memoryUsage(key, value, 5);
    }
    return total;
  }

  addCommandGuard(guard: CommandGuard): void {
    this.commandGuards.push(guard);
  }

  /** DEBUG DIGEST of the whole dataset as 40 hex chars. */
  datasetDigest(): string {
    return computeDatasetDigest(this.databases);
  }

  /** Per-command work counters: calls and steps counted by handlers. */
  steps(): ReadonlyMap<string, Readonly<StepCounter>> {
    return this.stepCounters;
  }

  countSteps(commandName: string, count: number): void {
    this.stepCounter(commandName).steps += count;
    this.env.countSteps?.(commandName, count);
  }

  countCall(commandName: string): void {
    this.stepCounter(commandName).calls++;
  }

  get isReplica(): boolean {
    return this.replicaOf !== undefined;
  }

  /** The command's cached time (server.mstime) while one runs, else the clock. */
  commandTimeMs(): number {
    return this.fixedTimeDepth > 0 ? this.cachedTimeMs : this.env.clock.nowMs();
  }

  /** Enters a unit with a fixed reference time (call(), serving blocked clients); call() passes the µs wall time it already read. */
  enterFixedTime(nowUs?: number): void {
    if (this.fixedTimeDepth++ === 0) this.cachedTimeMs = nowUs === undefined ? this.env.clock.nowMs() : Math.floor(nowUs / 1000);
  }

  leaveFixedTime(): void {
    this.fixedTimeDepth--;
    assert(this.fixedTimeDepth >= 0, 'fixed time enter/leave are paired');
  }

  signalModifiedKey(db: Database, key: Buffer): void {
    this.watches.touch(db, key);
  }

  blockClient(client: Client, spec: CommandSpec, argv: readonly Buffer[], options: BlockOptions): void {
    blockClient(this, client, spec, argv, options);
  }

  unblockClient(client: Client): void {
    unblockClient(this, client);
  }

  handleBlockedTimeout(client: Client): void {
    handleBlockedTimeout(this, client);
  }

  /** Serves clients blocked on keys signalled ready (after each top-level command). */
  handleClientsBlockedOnKeys(): void {
    handleClientsBlockedOnKeys(this);
  }

  /** Schedules beforeSleep once for the current batch of events. */
  scheduleBeforeSleep(): void {
    if (this.beforeSleepScheduled) return;
    this.beforeSleepScheduled = true;
    this.env.timers.soon(() => beforeSleep(this));
  }

  /** CONFIG 'maxmemory-policy' decides between LRU and LFU access fields (cached until a CONFIG SET). */
  accessPolicy(): AccessPolicy {
    if (this.cachedAccessPolicy === undefined) {
      this.cachedAccessPolicy = {
        lfu: this.config.get('maxmemory-policy').endsWith('-lfu'),
        logFactor: this.config.integer('lfu-log-factor'),
        decayTimeMinutes: this.config.integer('lfu-decay-time'),
      };
    }
    return this.cachedAccessPolicy;
  }

  /**
   * What the config says about the embedded fast path: `idle` when no
   * maxmemory limit and no keyspace notifications are set, `noPassword`
   * when requirepass is empty.
   */
  fastPathConfig(): FastPathConfig {
    if (this.cachedFastPathConfig === undefined) {
      const keyspaceEvents = keyspaceEventFlags(this.config.get('notify-keyspace-events')) ?? 0;
      this.cachedFastPathConfig = { idle: this.config.integer('maxmemory') === 0 && keyspaceEvents === 0, noPassword: this.config.get('requirepass') === '' };
    }
    return this.cachedFastPathConfig;
  }

  /** notifyKeyspaceEvent: publishes the keyspace/keyevent messages when the class is enabled. */
  notifyKeyspaceEvent(type: KeyspaceEventClass, event: string, key: Buffer, dbId: number): void {
    if (this.cachedKeyspaceEventFlags === undefined) this.cachedKeyspaceEventFlags = keyspaceEventFlags(this.config.get('notify-keyspace-events')) ?? 0;
    if (this.cachedKeyspaceEventFlags === 0) return;
    publishKeyspaceEvent(this.cachedKeyspaceEventFlags, (channel, message) => this.pubsub.publish(channel, message), type, event, key, dbId);
  }

  // KeyspaceHost

  expiryNowMs(): number {
    return this.commandTimeMs();
  }

  expiredKeyAction(forWrite: boolean): ExpiredKeyAction {
    if (this.loading) return 'keep';
    if (this.isReplica) {
      if (this.currentClient?.kind === 'master') return 'keep';
      if (!forWrite || this.config.flag('replica-read-only')) return 'hide';
    }
    // expireIfNeeded: while clients are paused the dataset stays still (a failover may be under way); the key reads as gone.
    return clientsPaused(this) ? 'hide' : 'delete';
  }

  expiredKeyDeleted(db: Database, key: Buffer): void {
    this.notifyKeyspaceEvent('expired', 'expired', key, db.id);
    this.signalModifiedKey(db, key);
    this.propagator.alsoPropagate(db.id, [this.config.flag('lazyfree-lazy-expire') ? 'UNLINK' : 'DEL', key]);
    this.stats.expiredKeys++;
  }

  keyspaceHit(): void {
    this.stats.keyspaceHits++;
  }

  keyspaceMiss(): void {
    this.stats.keyspaceMisses++;
  }

  keyMissed(db: Database, key: Buffer): void {
    this.notifyKeyspaceEvent('keymiss', 'keymiss', key, db.id);
  }

  accessOnCreate(): number {
    return accessOnCreate(this.accessPolicy(), this.commandTimeMs());
  }

  accessOnTouch(previous: number): number {
    return accessOnTouch(this.accessPolicy(), previous, this.commandTimeMs(), this.lfuRng);
  }

  accessOnOverwrite(previous: number): number {
    return this.accessPolicy().lfu ? previous : this.accessOnCreate();
  }

  keyAdded(db: Database, key: Buffer, value: RedisObject): void {
    if (!this.loading) this.notifyKeyspaceEvent('new', 'new', key, db.id);
    if (value.type === 'list' || value.type === 'zset' || value.type === 'stream') this.blocking.signalReady(db, key);
  }

  keyRemoved(db: Database, key: Buffer, value: RedisObject): void {
    if (value.type === 'stream') this.blocking.signalReady(db, key);
  }

  /** A command's step counter (made once, never replaced: callers may keep it). */
  stepCounter(commandName: string): StepCounter {
    let counter = this.stepCounters.get(commandName);
    if (counter === undefined) {
      counter = { calls: 0, steps: 0 };
      this.stepCounters.set(commandName, counter);
    }
    return counter;
  }

  private scheduleCron(): void {
    const hz = Math.min(500, Math.max(1, this.config.integer('hz')));
    this.env.timers.after(1000 / hz, () => {
      if (!this.cronTimerActive) return;
      this.serverCron();
      this.scheduleCron();
    });
  }

  /** serverCron: idle client timeouts, active expiry (masters only); beforeSleep then writes replies. */
  private serverCron(): void {
    if (this.insideYieldingLongCommand) return;
    closeIdleClients(this);
    if (!this.isReplica) this.activeExpire.runSlowCycle();
    for (const hook of this.cronHooks) hook();
    this.scheduleBeforeSleep();
  }
}

function withExtraCommands(table: ReadonlyMap<string, CommandSpec>, extra: readonly CommandSpec[]): ReadonlyMap<string, CommandSpec> {
  if (extra.length === 0) return table;
  const extended = new Map(table);
  for (const spec of extra) {
    assert(!extended.has(spec.name), `extra command ${spec.name} is not already defined`);
    extended.set(spec.name, spec);
  }
  return extended;
}
