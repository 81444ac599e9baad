import type { EnvError } from '../core/errors.js';

/** Why a connection ended. */
export type CloseReason =
  | 'closed' // the peer (or we) closed it in order
  | 'reset' // the connection was reset (fault, partition in drop mode, peer died)
  | 'refused' // nobody listens there, or the host is down
  | 'timeout'; // connect could not reach the host in time

export interface ConnectionHandlers {
  /** The connection is established (for outgoing connections). */
  onConnect?(): void;
  /** Bytes arrived, in order. */
  onData(data: Uint8Array): void;
  /** The connection ended; called exactly once, and no callback follows it. */
  onClose(reason: CloseReason): void;
}

/** An ordered, reliable byte stream, like a TCP socket. */
export interface Connection {
  readonly connectionId: number;
  /** `host:port` of this end. */
  readonly localAddress: string;
  /** `host:port` of the other end. */
  readonly remoteAddress: string;
  /** Queues bytes for the peer; after close they are discarded. */
  write(data: Uint8Array): void;
  /** Closes after queued bytes are flushed; `onClose('closed')` follows. */
  close(): void;
  /** Bytes written but not yet handed to the network (the output buffer). */
  pendingBytes(): number;
  /** Stops reading (flow control, like a paused socket); data waits in order. */
  pauseReading?(paused: boolean): void;
}

export interface Listener {
  readonly port: number;
  close(): void;
}

export interface ConnectOptions {
  /** Host name in the sim (e.g. `n1`), or an IP / host name in real mode. */
  readonly host: string;
  readonly port: number;
  /** Give up (onClose('timeout')) after this long; default chosen by the env. */
  readonly timeoutMs?: number;
}

export interface Network {
  /**
   * Listens on `port` of this host. `accept` is called for each incoming
   * connection and returns the handlers that will receive its events.
   */
  listen(port: number, accept: (connection: Connection) => ConnectionHandlers): Listener | EnvError;
  /** Opens a connection; failures arrive as `onClose('refused' | 'timeout')`. */
  connect(options: ConnectOptions, handlers: ConnectionHandlers): Connection;
}
