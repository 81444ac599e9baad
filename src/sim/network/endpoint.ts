import type { Connection, ConnectionHandlers } from '../../env/network.js';
import type { SimEvent } from '../sim-event.js';
import type { StreamDirection } from './stream-direction.js';

/** What an endpoint asks of the network it belongs to. */
export interface EndpointNetwork {
  write(endpoint: Endpoint, data: Uint8Array): void;
  close(endpoint: Endpoint): void;
  pauseReading(endpoint: Endpoint, paused: boolean): void;
}

/** `connecting` until the handshake completes (client) or the process accepted (server). */
export type EndpointState = 'connecting' | 'open' | 'closed';

/** Both ends of one connection and its two directions. */
export class ConnectionPair {
  server: Endpoint | null = null;
  /** Data was dropped (or the connection reset): both ends are being reset, writes vanish. */
  broken = false;
  client!: Endpoint;

  constructor(
    readonly pairId: number,
    readonly serverHost: number,
    readonly serverPort: number,
    readonly toServer: StreamDirection,
    readonly toClient: StreamDirection,
  ) {}

  peerOf(endpoint: Endpoint): Endpoint | null {
    return endpoint === this.client ? this.server : this.client;
  }
}

/** One end of a simulated connection, owned by one incarnation of one host's process. */
export class Endpoint implements Connection {
  state: EndpointState;
  handlers: ConnectionHandlers | null;
  readingPaused = false;
  /** A client's pending connect timeout, cancelled once the handshake settles. */
  connectTimeout: SimEvent | null = null;

  constructor(
    readonly connectionId: number,
    readonly localAddress: string,
    readonly remoteAddress: string,
    readonly hostIndex: number,
    readonly incarnation: number,
    readonly pair: ConnectionPair,
    readonly outbound: StreamDirection,
    readonly inbound: StreamDirection,
    private readonly network: EndpointNetwork,
    handlers: ConnectionHandlers | null,
  ) {
    this.state = 'connecting';
    this.handlers = handlers;
  }

  write(data: Uint8Array): void {
    this.network.write(this, data);
  }

  close(): void {
    this.network.close(this);
  }

  pendingBytes(): number {
    return this.state === 'closed' ? 0 : this.outbound.queuedBytes;
  }

  pauseReading(paused: boolean): void {
    this.network.pauseReading(this, paused);
  }
}
