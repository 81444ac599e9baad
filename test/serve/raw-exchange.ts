import { connect, type Socket } from 'node:net';

export interface Exchange {
  /** Every byte the server sent. */
  readonly bytes: Buffer;
  /** The server closed (or reset) the connection; false when it was still open after going quiet. */
  readonly closedByServer: boolean;
}

export interface ExchangeOptions {
  /** Stop waiting when the server has sent nothing for this long (it may be waiting for more input). */
  readonly idleMs?: number;
  /** Pause between chunks, so each chunk arrives as its own read. */
  readonly chunkDelayMs?: number;
  /** Wait at most this long overall. */
  readonly totalMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a raw connection. */
export function openSocket(port: number, host = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends `chunks` on a fresh connection and collects the server's answer until it closes or goes quiet. */
export async function exchange(port: number, chunks: readonly Uint8Array[], options: ExchangeOptions = {}): Promise<Exchange> {
  const socket = await openSocket(port);
  return exchangeOn(socket, chunks, options);
}

export async function exchangeOn(socket: Socket, chunks: readonly Uint8Array[], options: ExchangeOptions = {}): Promise<Exchange> {
  const received: Buffer[] = [];
  let closed = false;
  let lastActivity = Date.now();
  socket.on('data', (chunk: Buffer) => {
    received.push(chunk);
    lastActivity = Date.now();
  });
  socket.on('error', () => undefined);
  socket.on('close', () => (closed = true));
  for (const chunk of chunks) {
    if (closed) break;
    socket.write(chunk);
    if (options.chunkDelayMs !== undefined) await sleep(options.chunkDelayMs);
  }
  lastActivity = Date.now();
  const started = Date.now();
  const idleMs = options.idleMs ?? 150;
  while (!closed && Date.now() - lastActivity < idleMs && Date.now() - started < (options.totalMs ?? 10_000)) await sleep(10);
  const closedByServer = closed;
  socket.destroy();
  return { bytes: Buffer.concat(received), closedByServer };
}

/** Waits until the socket closes (true) or `timeoutMs` passes (false). */
export function waitForClose(socket: Socket, timeoutMs: number): Promise<boolean> {
  if (socket.destroyed) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
