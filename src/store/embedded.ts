import { assert } from '../core/assert.js';
import { createManualEnv, type ManualEnv } from '../env/manual/manual-env.js';
import type { ConnectionHandlers } from '../env/network.js';
import type { CommandSpec } from './commands/command.js';
import { decodeReplies, type RespValue } from './protocol/reply-decoder.js';
import { encodeRequest } from './protocol/request-encoder.js';
import type { ClientTransport } from './server/client.js';
import type { ConfigOptions } from './server/config.js';
import { StoreNode } from './server/node.js';

export interface StoreOptions {
  /** redis.conf directives, e.g. `{ 'hash-max-listpack-entries': '64' }`. */
  readonly config?: ConfigOptions;
  /** The seed of the node's random streams (default 1). */
  readonly seed?: number;
  /** The virtual wall clock's start, ms since the epoch. */
  readonly startEpochMs?: number;
  /** Commands added to the table (tests, extensions). */
  readonly extraCommands?: readonly CommandSpec[];
}

/** One connection to the embedded store. */
export interface StoreClient {
  /** The server-side client id (CLIENT ID). */
  readonly id: number;
  /** Sends one command; returns the bytes the server sent back while handling it (empty if it blocked). */
  command(argv: readonly (string | Buffer)[]): Buffer;
  /**
   * Sends one command and decodes its reply; undefined when it blocked (the
   * reply comes via takeReplies). For commands with one reply each (not
   * SUBSCRIBE with several channels: use `command`).
   */
  call(...argv: (string | Buffer)[]): RespValue | undefined;
  /** Sends raw bytes (inline commands, pipelines, malformed input); returns what came back. */
  sendRaw(data: Buffer | string): Buffer;
  /** Bytes that arrived outside a command call (served blocked pops, pub/sub messages, timeouts). */
  takeReplies(): Buffer;
  /** True once the server closed the connection (QUIT, protocol error, kill). */
  isClosed(): boolean;
  /** Closes the connection from the client side. */
  close(): void;
}

export interface Store extends StoreClient {
  readonly node: StoreNode;
  readonly env: ManualEnv;
  /** Opens another connection. */
  client(): StoreClient;
  /** Moves the virtual clock forward, running due timers (active expiry, blocking timeouts). */
  advance(ms: number): void;
}

/**
 * An in-process node on a manual virtual clock. Every command travels the
 * same path as on the network: encoded to RESP, parsed by the node's request
 * parser, dispatched, and answered through beforeSleep's reply write.
 */
export function createStore(options: StoreOptions = {}): Store {
  const env = createManualEnv({ seed: options.seed ?? 1, ...(options.startEpochMs === undefined ? {} : { startEpochMs: options.startEpochMs }) });
  const node = new StoreNode({
    env,
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.extraCommands === undefined ? {} : { extraCommands: options.extraCommands }),
  });
  node.startCron();
  let nextPort = 50000;
  const openClient = (): StoreClient => new EmbeddedClient(node, env, nextPort++);
  const first = openClient();
  return {
    node,
    env,
    get id() {
      return first.id;
    },
    command: (argv) => first.command(argv),
    call: (...argv) => first.call(...argv),
    sendRaw: (data) => first.sendRaw(data),
    takeReplies: () => first.takeReplies(),
    isClosed: () => first.isClosed(),
    close: () => first.close(),
    client: openClient,
    advance: (ms) => env.timers.advanceBy(ms),
  };
}

class EmbeddedClient implements StoreClient {
  readonly id: number;
  private readonly handlers: ConnectionHandlers;
  private inCall = false;
  private callBytes: Buffer[] = [];
  private asyncBytes: Buffer[] = [];
  private closedByServer = false;
  private closedByClient = false;

  constructor(
    node: StoreNode,
    private readonly env: ManualEnv,
    port: number,
  ) {
    const transport: ClientTransport = {
      localAddress: `127.0.0.1:${node.config.integer('port')}`,
      remoteAddress: `127.0.0.1:${port}`,
      // The node never rewrites bytes it handed to a transport: a view, no copy.
      write: (data) => (this.inCall ? this.callBytes : this.asyncBytes).push(Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)),
      close: () => {
        this.closedByServer = true;
      },
      pendingBytes: () => 0,
    };
    const client = node.createClient(transport);
    this.id = client.id;
    this.handlers = node.acceptConnectionFor(client);
    env.timers.runPending();
  }

  command(argv: readonly (string | Buffer)[]): Buffer {
    assert(argv.length > 0, 'a command has a name');
    return this.sendRaw(encodeRequest(argv));
  }

  call(...argv: (string | Buffer)[]): RespValue | undefined {
    const replies = decodeReplies(this.command(argv));
    assert(replies.length <= 1, 'call is for commands with one reply (use command() for SUBSCRIBE with several channels)');
    return replies[0];
  }

  sendRaw(data: Buffer | string): Buffer {
    assert(!this.closedByClient, 'a closed client sends nothing');
    if (this.closedByServer) return Buffer.alloc(0);
    this.inCall = true;
    try {
      this.handlers.onData(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
      this.env.timers.runPending();
    } finally {
      this.inCall = false;
    }
    const bytes = this.callBytes.length === 1 ? (this.callBytes[0] as Buffer) : Buffer.concat(this.callBytes);
    this.callBytes = [];
    return bytes;
  }

  takeReplies(): Buffer {
    this.env.timers.runPending();
    const bytes = Buffer.concat(this.asyncBytes);
    this.asyncBytes = [];
    return bytes;
  }

  isClosed(): boolean {
    return this.closedByServer;
  }

  close(): void {
    if (this.closedByClient) return;
    this.closedByClient = true;
    if (!this.closedByServer) this.handlers.onClose('closed');
    this.env.timers.runPending();
  }
}
