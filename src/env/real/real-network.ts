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
  ) {
    this.everConnected = alreadyConnected;
    // A Buffer is a Uint8Array: handed on as it is (no view per read), and the
    // parser, seeing a Buffer, parses it where it lies.
    socket.on('data', (chunk: Buffer) => handlers.onData(chunk));
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

/**
 * The env's Network over node:net. `listen` binds `bindAddress`; a bind
 * failure (EADDRINUSE) arrives after the call, so it goes to `onListenError`.
 */
export class RealNetwork implements Network {
  constructor(
    private readonly bindAddress: string,
    private readonly onListenError: (error: EnvError) => void,
  ) {}

  listen(port: number, accept: (connection: Connection) => ConnectionHandlers): Listener | EnvError {
    const server = net.createServer({ noDelay: true }, (socket) => {
      let handlers: ConnectionHandlers | null = null;
      const connection = new RealConnection(socket, {
        onData: (data) => handlers?.onData(data),
        onClose: (reason) => handlers?.onClose(reason),
      }, true);
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
