import * as net from 'node:net';
import type { EnvError } from '../../core/errors.js';
import type { CloseReason, Connection, ConnectionHandlers, ConnectOptions, Listener, Network } from '../network.js';
import { toEnvError } from './errno.js';

const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

function addressOf(host: string | undefined, port: number | undefined): string {
  return `${host ?? '?'}:${port ?? 0}`;
}

/** Why a socket closed, from the last error it saw (if any). */
function closeReasonOf(errorCode: string | null, timedOut: boolean, everConnected: boolean): CloseReason {
  if (timedOut) return 'timeout';
  if (errorCode === null) return 'closed';
  if (errorCode === 'ECONNREFUSED' && !everConnected) return 'refused';
  if (errorCode === 'ETIMEDOUT') return 'timeout';
  return 'reset';
}

let nextConnectionId = 1;

/** Node's own read size (libuv's suggested 64 KiB). */
const SHARED_READ_BUFFER_BYTES = 64 * 1024;
/** One buffer every adopted socket reads into: reads are handled one at a time, each before the next read. */
let sharedReadBuffer: Buffer | undefined;

/** The undocumented parts of an accepted net.Socket that adoptWithSharedReads relies on (checked before use). */
interface SocketInternals {
  _handle: { readStart?: unknown } | null;
  _server?: unknown;
  server?: unknown;
}

/**
 * An accepted socket re-made with the `onread` option (net.Server has no
 * such option): its reads land in one shared buffer handed to `onRead` as a
 * view valid only during the call, instead of a fresh 64 KiB allocation,
 * an ArrayBuffer and a stream push per read. Undefined when the socket does
 * not look as expected (another Node): the caller then reads it as usual.
 */
function adoptWithSharedReads(accepted: net.Socket, onRead: (data: Buffer) => void): net.Socket | undefined {
  const internals = accepted as unknown as SocketInternals;
  const handle = internals._handle;
  if (handle === null || typeof handle !== 'object' || typeof handle.readStart !== 'function') return undefined;
  sharedReadBuffer ??= Buffer.allocUnsafe(SHARED_READ_BUFFER_BYTES);
  internals._handle = null;
  const options = {
    handle,
    readable: true,
    writable: true,
    onread: { buffer: sharedReadBuffer, callback: (bytes: number, buffer: Buffer) => onRead(buffer.subarray(0, bytes)) },
  };
  const adopted = new net.Socket(options as net.SocketConstructorOpts);
  // The server counts its connections down when a socket it owns closes.
  (adopted as unknown as SocketInternals)._server = internals._server;
  (adopted as unknown as SocketInternals).server = internals.server;
  return adopted;
}

/** A real TCP socket behind the env's Connection; onClose runs exactly once, last. */
export class RealConnection implements Connection {
  readonly connectionId = nextConnectionId++;
  private errorCode: string | null = null;
  private timedOut = false;
  private everConnected = false;

  constructor(
    private readonly socket: net.Socket,
    handlers: ConnectionHandlers,
    alreadyConnected: boolean,
    /** The socket delivers its reads through `onread` (adoptWithSharedReads): no 'data' listener. */
    readsDelivered = false,
  ) {
    this.everConnected = alreadyConnected;
    // A Buffer is a Uint8Array: handed on as it is (no view per read), and the
    // parser, seeing a Buffer, parses it where it lies.
    if (!readsDelivered) socket.on('data', (chunk: Buffer) => handlers.onData(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.errorCode = error.code ?? 'EIO';
    });
    socket.once('close', () => handlers.onClose(closeReasonOf(this.errorCode, this.timedOut, this.everConnected)));
    if (alreadyConnected) return;
    socket.once('connect', () => {
      this.everConnected = true;
      socket.setTimeout(0);
      handlers.onConnect?.();
    });
    socket.once('timeout', () => {
      if (this.everConnected) return;
      this.timedOut = true;
      socket.destroy();
    });
  }

  get localAddress(): string {
    return addressOf(this.socket.localAddress, this.socket.localPort);
  }

  get remoteAddress(): string {
    return addressOf(this.socket.remoteAddress, this.socket.remotePort);
  }

  write(data: Uint8Array): void {
    if (this.socket.destroyed || this.socket.writableEnded) return;
    this.socket.write(data);
  }

  close(): void {
    if (this.socket.destroyed) return;
    // Flush what is queued, then release the socket: 'close' follows.
    this.socket.end(() => this.socket.destroy());
  }

  pendingBytes(): number {
    return this.socket.writableLength;
  }

  pauseReading(paused: boolean): void {
    if (paused) this.socket.pause();
    else this.socket.resume();
  }
}

/** A real listening socket. `port` is the bound port once listening (useful with port 0). */
export class RealListener implements Listener {
  private readonly listening: Promise<number>;

  constructor(
    private readonly server: net.Server,
    private readonly requestedPort: number,
    onError: (error: EnvError) => void,
  ) {
    this.listening = new Promise((resolve) => server.once('listening', () => resolve(this.port)));
    server.on('error', (error) => onError(toEnvError(error, `listen ${requestedPort}`)));
  }

  get port(): number {
    const address = this.server.address();
    return address !== null && typeof address === 'object' ? address.port : this.requestedPort;
  }

  /** Resolves with the bound port once the socket listens. */
  whenListening(): Promise<number> {
    return this.listening;
  }

  close(): void {
    this.server.close();
  }
}

export interface RealNetworkOptions {
  /**
   * Accepted connections read into one shared buffer: the bytes given to
   * onData are valid only during the call (the store's parser copies what it
   * keeps and compacts after each read). Only for listeners whose handlers
   * keep no reference to the chunk.
   */
  readonly sharedReadBuffer?: boolean;
}

/**
 * The env's Network over node:net. `listen` binds `bindAddress`; a bind
 * failure (EADDRINUSE) arrives after the call, so it goes to `onListenError`.
 */
export class RealNetwork implements Network {
  constructor(
    private readonly bindAddress: string,
    private readonly onListenError: (error: EnvError) => void,
    private readonly options: RealNetworkOptions = {},
  ) {}

  listen(port: number, accept: (connection: Connection) => ConnectionHandlers): Listener | EnvError {
    const shared = this.options.sharedReadBuffer === true;
    // With shared reads the accepted socket starts paused: the adopted one reads.
    const server = net.createServer({ noDelay: true, pauseOnConnect: shared }, (accepted) => {
      let handlers: ConnectionHandlers | null = null;
      const onData = (data: Uint8Array): void => handlers?.onData(data);
      const adopted = shared ? adoptWithSharedReads(accepted, onData) : undefined;
      if (shared && adopted === undefined) accepted.resume();
      const connection = new RealConnection(adopted ?? accepted, { onData, onClose: (reason) => handlers?.onClose(reason) }, true, adopted !== undefined);
      handlers = accept(connection);
    });
    const listener = new RealListener(server, port, this.onListenError);
    server.listen(port, this.bindAddress);
    return listener;
  }

  connect(options: ConnectOptions, handlers: ConnectionHandlers): Connection {
    const socket = net.connect({ host: options.host, port: options.port, noDelay: true });
    socket.setTimeout(options.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
    return new RealConnection(socket, handlers, false);
  }
}
