import { assert } from '../../core/assert.js';
import { EnvError } from '../../core/errors.js';
import { limits } from '../../core/limits.js';
import type { Prng } from '../../core/prng.js';
import type { CloseReason, Connection, ConnectionHandlers, ConnectOptions, Listener } from '../../env/network.js';
import { kernelKinds } from '../event-kind.js';
import type { HostClock } from '../host-clock.js';
import type { LatencyDistribution } from '../latency.js';
import type { ProcessSlot } from '../process-slot.js';
import type { Scheduler } from '../scheduler.js';
import type { WorldStats } from '../world-stats.js';
import { ConnectionPair, Endpoint, type EndpointNetwork } from './endpoint.js';
import { LinkTable, type PartitionMode } from './link-table.js';
import { defaultNetworkOptions, type NetworkOptions } from './network-options.js';
import { type PartitionShape, linksOfShape } from './partition-shape.js';
import { SimListener } from './sim-listener.js';
import { type SegmentKind, StreamDirection } from './stream-direction.js';

/** What the network needs to know of a host. */
export interface NetworkHost {
  readonly name: string;
  readonly index: number;
  readonly process: ProcessSlot;
  readonly clock: HostClock;
}

/** A partition as applied: its mode and the directed links it blocked, by host name. */
export interface AppliedPartition {
  readonly mode: PartitionMode;
  readonly links: readonly (readonly [string, string])[];
}

interface HostNetworkState {
  readonly listeners: Map<number, SimListener>;
  readonly endpoints: Map<number, Endpoint>;
  nextEphemeralPort: number;
}

const EPHEMERAL_PORT_FIRST = 40_000;
const EPHEMERAL_PORT_LAST = 65_535;

/**
 * The simulated network: ordered, reliable byte streams between host
 * processes (like TCP), per-link latency, partitions (clog or drop), resets
 * and slow links. Addresses are host names. Every delivery is an event owned
 * by the receiving process, so it is dropped if that incarnation died and
 * held while it is paused.
 */
export class SimNetwork implements EndpointNetwork {
  readonly links: LinkTable;
  private readonly hostStates: HostNetworkState[] = [];
  private readonly stalled = new Set<StreamDirection>();
  private readonly openEndpoints = new Map<number, Endpoint>();
  private readonly partitionPrng: Prng;
  private readonly connectTimeoutMs: number;
  private readonly dropResetTimeoutUs: number;
  private nextPairId = 1;
  private nextConnectionId = 1;
  private readonly pumpCallback = (direction: StreamDirection): void => this.pump(direction);
  private readonly synCallback = (pair: ConnectionPair): void => this.onSyn(pair);
  private readonly acceptCallback = (server: Endpoint): void => this.onAccept(server);
  private readonly refusedCallback = (client: Endpoint): void => this.onConnectFailed(client, 'refused');
  private readonly connectTimeoutCallback = (client: Endpoint): void => this.onConnectFailed(client, 'timeout');
  private readonly closedCallback = (endpoint: Endpoint): void => endpoint.handlers?.onClose('closed');
  private readonly resetCallback = (endpoint: Endpoint): void => this.finish(endpoint, 'reset');
  private readonly onListenerClosed = (listener: SimListener): void => this.forgetListener(listener);

  constructor(
    private readonly scheduler: Scheduler,
    private readonly stats: WorldStats,
    prng: Prng,
    private readonly hosts: readonly NetworkHost[],
    options: NetworkOptions = {},
  ) {
    this.links = new LinkTable(options.latency ?? defaultNetworkOptions.latency, prng.fork('latency'));
    this.partitionPrng = prng.fork('partition');
    this.connectTimeoutMs = options.connectTimeoutMs ?? defaultNetworkOptions.connectTimeoutMs;
    this.dropResetTimeoutUs = Math.round((options.dropResetTimeoutMs ?? defaultNetworkOptions.dropResetTimeoutMs) * 1000);
    assert(this.connectTimeoutMs > 0, 'connectTimeoutMs > 0');
    assert(this.dropResetTimeoutUs >= 0, 'dropResetTimeoutMs >= 0');
  }

  // ---- The per-process API (ProcessNetwork delegates here) ----

  listen(hostIndex: number, incarnation: number, port: number, accept: (connection: Connection) => ConnectionHandlers): Listener | EnvError {
    const host = this.hostAt(hostIndex);
    assert(host.process.isCurrent(incarnation), 'only a live incarnation listens');
    assert(Number.isInteger(port) && port > 0 && port <= 65_535, 'a port is an integer in 1..65535');
    const listeners = this.hostState(hostIndex).listeners;
    if (listeners.has(port)) return new EnvError('EADDRINUSE', `${host.name}:${port}`);
    const listener = new SimListener(port, hostIndex, incarnation, accept, this.onListenerClosed);
    listeners.set(port, listener);
    return listener;
  }

  connect(hostIndex: number, incarnation: number, options: ConnectOptions, handlers: ConnectionHandlers): Connection {
    const host = this.hostAt(hostIndex);
    const slot = host.process;
    assert(slot.isCurrent(incarnation), 'only a live incarnation connects');
    const sendUs = slot.processNowUs();
    const targetIndex = this.hosts.findIndex((candidate) => candidate.name === options.host);
    const pair = new ConnectionPair(this.nextPairId++, targetIndex, options.port, new StreamDirection(hostIndex, targetIndex), new StreamDirection(targetIndex, hostIndex));
    const localAddress = `${host.name}:${this.ephemeralPort(hostIndex)}`;
    const client = this.createEndpoint(pair, hostIndex, incarnation, localAddress, `${options.host}:${options.port}`, pair.toServer, pair.toClient, handlers);
    pair.client = client;
    pair.toClient.receiver = client;
    if (targetIndex < 0) {
      slot.scheduleFor(incarnation, sendUs, kernelKinds.netRefused, client.connectionId, this.refusedCallback, client);
      return client;
    }
    const synDueUs = sendUs + this.links.latencyUs(hostIndex, targetIndex, sendUs);
    pair.toServer.lastDueUs = synDueUs;
    this.scheduler.schedule(synDueUs, kernelKinds.netSyn, targetIndex, pair.pairId, this.synCallback, pair);
    const timeoutUs = host.clock.trueDelayUs(Math.round((options.timeoutMs ?? this.connectTimeoutMs) * 1000));
    client.connectTimeout = slot.scheduleFor(incarnation, sendUs + timeoutUs, kernelKinds.netConnectTimeout, client.connectionId, this.connectTimeoutCallback, client);
    return client;
  }

  write(endpoint: Endpoint, data: Uint8Array): void {
    if (endpoint.state === 'closed' || endpoint.pair.broken || data.length === 0) return;
    const peer = endpoint.pair.peerOf(endpoint);
    if (peer !== null && peer.state === 'closed') return;
    const sendUs = this.hostAt(endpoint.hostIndex).process.processNowUs();
    this.enqueue(endpoint.pair, endpoint.outbound, 'data', data.slice(), sendUs);
  }

  close(endpoint: Endpoint): void {
    if (endpoint.state === 'closed') return;
    const slot = this.hostAt(endpoint.hostIndex).process;
    const nowUs = slot.processNowUs();
    this.cancelConnectTimeout(endpoint);
    endpoint.state = 'closed';
    this.forgetEndpoint(endpoint);
    this.stats.segmentsDropped += endpoint.inbound.clear();
    if (!endpoint.pair.broken) this.enqueue(endpoint.pair, endpoint.outbound, 'fin', null, nowUs);
    slot.scheduleFor(endpoint.incarnation, nowUs, kernelKinds.netClose, endpoint.connectionId, this.closedCallback, endpoint);
  }

  pauseReading(endpoint: Endpoint, paused: boolean): void {
    endpoint.readingPaused = paused;
    const inbound = endpoint.inbound;
    if (paused || !inbound.waitingForReader) return;
    inbound.waitingForReader = false;
    this.schedulePumpIfIdle(inbound, this.hostAt(endpoint.hostIndex).process.processNowUs());
  }

  // ---- Faults (the harness and nemesis call these) ----

  /** Blocks the links of `shape` (adding to any partition in force) and returns them. */
  partition(shape: PartitionShape, mode: PartitionMode): AppliedPartition {
    const names = this.hosts.map((host) => host.name);
    const links = linksOfShape(shape, names, this.partitionPrng);
    for (const [from, to] of links) this.links.block(from, to, mode);
    if (mode === 'drop') this.breakStalledOnDropLinks();
    return { mode, links: links.map(([from, to]) => [names[from] as string, names[to] as string] as const) };
  }

  /** Removes every partition; clogged traffic resumes, in order, after one link latency. */
  heal(): void {
    this.links.unblockAll();
    const nowUs = this.scheduler.nowUs();
    for (const direction of this.stalled) {
      direction.stalled = false;
      const head = direction.peek();
      if (head === undefined) continue;
      const resumeUs = nowUs + this.links.latencyUs(direction.fromHost, direction.toHost, nowUs);
      this.schedulePumpIfIdle(direction, Math.max(head.dueUs, resumeUs));
    }
    this.stalled.clear();
  }

  /** How the link from→to is blocked now, or undefined. */
  blockMode(from: string, to: string): PartitionMode | undefined {
    return this.links.blockMode(this.indexOf(from), this.indexOf(to));
  }

  /** Resets one connection (by either end's id): both ends see onClose('reset') now. False if it is not open. */
  resetConnection(connectionId: number): boolean {
    const endpoint = this.openEndpoints.get(connectionId);
    if (endpoint === undefined) return false;
    this.breakPair(endpoint.pair, this.scheduler.nowUs());
    return true;
  }

  /** Resets every open connection of a host; returns how many. */
  resetHostConnections(hostName: string): number {
    const endpoints = [...this.hostState(this.indexOf(hostName)).endpoints.values()];
    for (const endpoint of endpoints) this.breakPair(endpoint.pair, this.scheduler.nowUs());
    return endpoints.length;
  }

  /** Adds `extraMs` of latency to every send on from→to for `durationMs`. */
  slowLink(from: string, to: string, extraMs: number, durationMs: number): void {
    const nowUs = this.scheduler.nowUs();
    this.links.slow(this.indexOf(from), this.indexOf(to), Math.round(extraMs * 1000), nowUs + Math.round(durationMs * 1000));
  }

  /** Overrides the latency of the directed link from→to (null: back to the world default). */
  setLinkLatency(from: string, to: string, distribution: LatencyDistribution | null): void {
    this.links.setLatency(this.indexOf(from), this.indexOf(to), distribution);
  }

  /** Ids of open connection ends, of one host or all, ascending. */
  openConnectionIds(hostName?: string): number[] {
    const endpoints = hostName === undefined ? this.openEndpoints.values() : this.hostState(this.indexOf(hostName)).endpoints.values();
    return [...endpoints].map((endpoint) => endpoint.connectionId).sort((left, right) => left - right);
  }

  // ---- Kernel: process death ----

  /**
   * The process of `hostIndex` ended: its listeners close and each of its
   * connections ends; peers get the bytes already sent, then a reset (crash)
   * or an orderly close (exit), after the link latency.
   */
  processEnded(hostIndex: number, graceful: boolean): void {
    const state = this.hostState(hostIndex);
    for (const listener of state.listeners.values()) listener.closed = true;
    state.listeners.clear();
    const nowUs = this.scheduler.nowUs();
    for (const endpoint of [...state.endpoints.values()]) {
      endpoint.state = 'closed';
      this.forgetEndpoint(endpoint);
      this.stats.segmentsDropped += endpoint.inbound.clear();
      if (!endpoint.pair.broken) this.enqueue(endpoint.pair, endpoint.outbound, graceful ? 'fin' : 'rst', null, nowUs);
    }
  }

  // ---- Internals ----

  private onSyn(pair: ConnectionPair): void {
    const client = pair.client;
    if (client.state !== 'connecting') return;
    const from = client.hostIndex;
    const to = pair.serverHost;
    // A lost SYN or SYN-ACK: the client's connect timeout will fire.
    if (this.links.blockMode(from, to) !== undefined || this.links.blockMode(to, from) !== undefined) return;
    const nowUs = this.scheduler.nowUs();
    const listener = this.hostState(to).listeners.get(pair.serverPort);
    if (listener === undefined) {
      const refusedUs = nowUs + this.links.latencyUs(to, from, nowUs);
      this.hostAt(from).process.scheduleFor(client.incarnation, refusedUs, kernelKinds.netRefused, client.connectionId, this.refusedCallback, client);
      return;
    }
    const target = this.hostAt(to);
    assert(target.process.isCurrent(listener.incarnation), 'a listener in the table belongs to the live incarnation');
    const server = this.createEndpoint(pair, to, listener.incarnation, `${target.name}:${pair.serverPort}`, client.localAddress, pair.toClient, pair.toServer, null);
    pair.server = server;
    pair.toServer.receiver = server;
    target.process.scheduleFor(listener.incarnation, nowUs, kernelKinds.netAccept, server.connectionId, this.acceptCallback, server);
    this.enqueue(pair, pair.toClient, 'synack', null, nowUs);
    const head = pair.toServer.peek();
    if (head !== undefined) this.schedulePumpIfIdle(pair.toServer, Math.max(head.dueUs, nowUs));
  }

  private onAccept(server: Endpoint): void {
    if (server.state !== 'connecting') return;
    const listener = this.hostState(server.hostIndex).listeners.get(server.pair.serverPort);
    if (listener === undefined) {
      this.finishSilently(server, 'rst');
      return;
    }
    server.state = 'open';
    this.stats.connectionsOpened++;
    server.handlers = listener.accept(server);
  }

  private onConnectFailed(client: Endpoint, reason: 'refused' | 'timeout'): void {
    if (client.state !== 'connecting') return;
    if (reason === 'refused') this.stats.connectionsRefused++;
    else this.stats.connectionsTimedOut++;
    this.finishSilently(client, 'rst');
    client.handlers?.onClose(reason);
  }

  /** Closes an end without telling its process; the peer (if any) gets `control`. */
  private finishSilently(endpoint: Endpoint, control: 'rst' | 'fin'): void {
    this.cancelConnectTimeout(endpoint);
    endpoint.state = 'closed';
    this.forgetEndpoint(endpoint);
    this.stats.segmentsDropped += endpoint.inbound.clear();
    if (!endpoint.pair.broken) this.enqueue(endpoint.pair, endpoint.outbound, control, null, this.scheduler.nowUs());
  }

  private pump(direction: StreamDirection): void {
    direction.pumpPending = false;
    const receiver = direction.receiver;
    assert(receiver !== null, 'a delivery has a receiving end');
    if (receiver.state === 'closed') {
      this.stats.segmentsDropped += direction.clear();
      return;
    }
    const segment = direction.peek();
    if (segment === undefined) return;
    const mode = this.links.blockMode(direction.fromHost, direction.toHost);
    if (mode === 'clog') {
      direction.stalled = true;
      this.stalled.add(direction);
      return;
    }
    if (mode === 'drop') {
      this.breakPair(receiver.pair, this.scheduler.nowUs() + this.dropResetTimeoutUs);
      return;
    }
    if (segment.kind === 'data' && receiver.readingPaused) {
      direction.waitingForReader = true;
      return;
    }
    direction.shift();
    const next = direction.peek();
    if (next !== undefined) this.schedulePumpIfIdle(direction, Math.max(next.dueUs, this.scheduler.nowUs()));
    this.deliver(receiver, segment.kind, segment.data);
  }

  private deliver(receiver: Endpoint, kind: SegmentKind, data: Uint8Array | null): void {
    switch (kind) {
      case 'data':
        assert(data !== null, 'a data segment carries bytes');
        assert(receiver.handlers !== null, 'data reaches only an accepted or connecting end');
        this.stats.bytesDelivered += data.length;
        receiver.handlers.onData(data);
        return;
      case 'synack':
        if (receiver.state !== 'connecting') return;
        this.cancelConnectTimeout(receiver);
        receiver.state = 'open';
        this.stats.connectionsOpened++;
        receiver.handlers?.onConnect?.();
        return;
      case 'fin':
        this.finish(receiver, 'closed');
        return;
      case 'rst':
        this.finish(receiver, 'reset');
        return;
    }
  }

  /** Ends an open end and tells its process why (exactly once). */
  private finish(endpoint: Endpoint, reason: CloseReason): void {
    if (endpoint.state === 'closed') return;
    this.cancelConnectTimeout(endpoint);
    endpoint.state = 'closed';
    this.forgetEndpoint(endpoint);
    this.stats.segmentsDropped += endpoint.inbound.clear() + endpoint.outbound.clear();
    if (reason === 'reset') this.stats.connectionsReset++;
    endpoint.handlers?.onClose(reason);
  }

  private cancelConnectTimeout(client: Endpoint): void {
    if (client.connectTimeout === null) return;
    this.scheduler.cancel(client.connectTimeout);
    client.connectTimeout = null;
  }

  private enqueue(pair: ConnectionPair, direction: StreamDirection, kind: SegmentKind, data: Uint8Array | null, sendUs: number): void {
    const latencyUs = this.links.latencyUs(direction.fromHost, direction.toHost, sendUs);
    const dueUs = Math.max(sendUs + latencyUs, direction.lastDueUs);
    direction.lastDueUs = dueUs;
    direction.push({ kind, data, dueUs });
    if (direction.queuedBytes > limits.networkLinkBufferBytesMax) {
      this.breakPair(pair, this.scheduler.nowUs());
      return;
    }
    this.schedulePumpIfIdle(direction, dueUs);
  }

  private schedulePumpIfIdle(direction: StreamDirection, atUs: number): void {
    const receiver = direction.receiver;
    if (receiver === null || direction.pumpPending || direction.stalled || direction.waitingForReader || direction.isEmpty) return;
    direction.pumpPending = true;
    this.hostAt(receiver.hostIndex).process.scheduleFor(receiver.incarnation, atUs, kernelKinds.netDeliver, receiver.pair.pairId, this.pumpCallback, direction);
  }

  /** Loses everything in flight on both directions; both ends see a reset at `resetAtUs`. */
  private breakPair(pair: ConnectionPair, resetAtUs: number): void {
    if (pair.broken) return;
    pair.broken = true;
    for (const direction of [pair.toServer, pair.toClient]) {
      this.stats.segmentsDropped += direction.clear();
      direction.stalled = false;
      this.stalled.delete(direction);
    }
    for (const endpoint of [pair.client, pair.server]) {
      if (endpoint === null || endpoint.state === 'closed') continue;
      const slot = this.hostAt(endpoint.hostIndex).process;
      slot.scheduleFor(endpoint.incarnation, resetAtUs, kernelKinds.netReset, endpoint.connectionId, this.resetCallback, endpoint);
    }
  }

  private breakStalledOnDropLinks(): void {
    const resetAtUs = this.scheduler.nowUs() + this.dropResetTimeoutUs;
    for (const direction of [...this.stalled]) {
      const receiver = direction.receiver;
      if (receiver !== null && this.links.blockMode(direction.fromHost, direction.toHost) === 'drop') this.breakPair(receiver.pair, resetAtUs);
    }
  }

  private createEndpoint(pair: ConnectionPair, hostIndex: number, incarnation: number, localAddress: string, remoteAddress: string, outbound: StreamDirection, inbound: StreamDirection, handlers: ConnectionHandlers | null): Endpoint {
    const endpoint = new Endpoint(this.nextConnectionId++, localAddress, remoteAddress, hostIndex, incarnation, pair, outbound, inbound, this, handlers);
    this.hostState(hostIndex).endpoints.set(endpoint.connectionId, endpoint);
    this.openEndpoints.set(endpoint.connectionId, endpoint);
    return endpoint;
  }

  private forgetEndpoint(endpoint: Endpoint): void {
    this.hostState(endpoint.hostIndex).endpoints.delete(endpoint.connectionId);
    this.openEndpoints.delete(endpoint.connectionId);
  }

  private forgetListener(listener: SimListener): void {
    const listeners = this.hostState(listener.hostIndex).listeners;
    if (listeners.get(listener.port) === listener) listeners.delete(listener.port);
  }

  private ephemeralPort(hostIndex: number): number {
    const state = this.hostState(hostIndex);
    const port = state.nextEphemeralPort;
    state.nextEphemeralPort = port >= EPHEMERAL_PORT_LAST ? EPHEMERAL_PORT_FIRST : port + 1;
    return port;
  }

  private hostState(hostIndex: number): HostNetworkState {
    let state = this.hostStates[hostIndex];
    if (state === undefined) {
      state = { listeners: new Map(), endpoints: new Map(), nextEphemeralPort: EPHEMERAL_PORT_FIRST };
      this.hostStates[hostIndex] = state;
    }
    return state;
  }

  private hostAt(hostIndex: number): NetworkHost {
    const host = this.hosts[hostIndex];
    assert(host !== undefined, 'a host index names a host of the world');
    return host;
  }

  private indexOf(hostName: string): number {
    const index = this.hosts.findIndex((host) => host.name === hostName);
    assert(index >= 0, `a network fault names a known host (unknown: ${hostName})`);
    return index;
  }
}
