import { assert } from '../core/assert.js';
import { createManualEnv, type ManualEnv } from '../env/manual/manual-env.js';
import type { ConnectionHandlers } from '../env/network.js';
import type { CommandSpec } from './commands/command.js';
import { decodeReplies, type RespValue } from './protocol/reply-decoder.js';
import { encodeRequest } from './protocol/request-encoder.js';
import { ArgumentConverter } from './embedded-arguments.js';
import { fastPathOf, type FastPath } from './embedded-fast-path.js';
import type { Client, ClientTransport } from './server/client.js';
import type { ConfigOptions } from './server/config.js';
import { commandNameOf } from './server/command-lookup.js';
import { processCommandWithReplyMode } from './server/dispatch.js';
import { isAuthRequired } from './server/event-loop.js';
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
 * An in-process node on a manual virtual clock. `sendRaw` travels the same
 * path as the network: parsed by the node's request parser, dispatched, and
 * answered through beforeSleep's reply write. `command` and `call` skip only
 * the RESP request encoding and parsing (see EmbeddedClient.command): the
 * node sees the same arguments, counts the same input bytes and answers with
 * the same bytes.
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

const NO_BYTES = Buffer.alloc(0);
/**
 * Commands that print the query buffer (CLIENT LIST / INFO's qbuf, which
 * holds the running request), also when EXEC runs them: they go through
 * the parser, which holds the request, as it would on the network.
 */
const SHOWS_QUERY_BUFFER: ReadonlySet<string> = new Set(['client', 'exec']);
/** The smallest value CONFIG accepts for proto-max-bulk-len and client-query-buffer-limit. */
const LIMIT_FLOOR_BYTES = 1024 * 1024;

class EmbeddedClient implements StoreClient {
  readonly id: number;
  private readonly client: Client;
  private readonly handlers: ConnectionHandlers;
  private readonly converter = new ArgumentConverter();
  private readonly fastPath: FastPath;
  private inCall = false;
  /** What the node wrote during the current call: usually one piece, kept apart from the rare others. */
  private callFirst: Buffer | undefined;
  private callMore: Buffer[] = [];
  private asyncBytes: Buffer[] = [];
  private closedByServer = false;
  private closedByClient = false;

  constructor(
    private readonly node: StoreNode,
    private readonly env: ManualEnv,
    port: number,
  ) {
    const transport: ClientTransport = {
      localAddress: `127.0.0.1:${node.config.integer('port')}`,
      remoteAddress: `127.0.0.1:${port}`,
      // The node never rewrites bytes it handed to a transport: a view, no copy.
      write: (data) => this.received(Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)),
      close: () => {
        this.closedByServer = true;
      },
      pendingBytes: () => 0,
    };
    this.fastPath = fastPathOf(node);
    this.client = node.createClient(transport);
    this.id = this.client.id;
    this.handlers = node.acceptConnectionFor(this.client);
    env.timers.runPending();
  }

  /**
   * The direct path: the arguments go to processCommand as the Buffers the
   * parser would have made, with handleClientData's bookkeeping (input bytes
   * of the RESP request, reads, last interaction) done here. Whenever the
   * parser or the read path would act differently (bytes left over from
   * sendRaw, a blocked or closing client, authentication pending, limits
   * exceeded) the command is encoded and sent as raw bytes instead.
   */
  command(argv: readonly (string | Buffer)[]): Buffer {
    assert(argv.length > 0, 'a command has a name');
    assert(!this.closedByClient, 'a closed client sends nothing');
    if (this.closedByServer) return NO_BYTES;
    const fastReply = this.fastPath.run(this.client, argv);
    if (fastReply !== undefined) {
      this.env.timers.runPending();
      return fastReply;
    }
    const converted = this.converter.convert(argv);
    if (!this.acceptsDirectly(converted)) return this.sendRaw(encodeRequest(argv));
    this.inCall = true;
    try {
      this.processDirectly(converted);
      this.env.timers.runPending();
    } finally {
      this.inCall = false;
    }
    return this.takeCallBytes();
  }

  call(...argv: (string | Buffer)[]): RespValue | undefined {
    const replies = decodeReplies(this.command(argv));
    assert(replies.length <= 1, 'call is for commands with one reply (use command() for SUBSCRIBE with several channels)');
    return replies[0];
  }

  private acceptsDirectly(argv: readonly Buffer[]): boolean {
    const client = this.client;
    if (client.closed || client.blocked !== undefined || client.closeAfterReply || client.closeAsap) return false;
    if (client.parser.pendingBytes() !== 0 || client.kind !== 'normal') return false;
    if (SHOWS_QUERY_BUFFER.has(commandNameOf(argv[0] as Buffer))) return false;
    // proto-max-bulk-len and client-query-buffer-limit are at least 1 MB: a smaller request passes both.
    if (this.converter.requestBytes > LIMIT_FLOOR_BYTES) {
      const config = this.node.config;
      if (this.converter.requestBytes > config.integer('client-query-buffer-limit')) return false;
      if (this.converter.argumentBytes > config.integer('proto-max-bulk-len')) return false;
    }
    return !isAuthRequired(this.node, client);
  }

  /** handleClientData + processInputBuffer for one parsed request. */
  private processDirectly(argv: Buffer[]): void {
    const node = this.node;
    const client = this.client;
    node.stats.netInputBytes += this.converter.requestBytes;
    node.stats.readsProcessed++;
    client.lastInteractionMs = node.env.clock.nowMs();
    client.currentArgvBytes = this.converter.argumentBytes;
    processCommandWithReplyMode(node, client, argv);
    client.currentArgvBytes = 0;
    node.scheduleBeforeSleep();
  }

  private received(data: Buffer): void {
    if (!this.inCall) this.asyncBytes.push(data);
    else if (this.callFirst === undefined) this.callFirst = data;
    else this.callMore.push(data);
  }

  private takeCallBytes(): Buffer {
    const first = this.callFirst;
    this.callFirst = undefined;
    if (first === undefined) return NO_BYTES;
    if (this.callMore.length === 0) return first;
    const bytes = Buffer.concat([first, ...this.callMore]);
    this.callMore = [];
    return bytes;
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
    return this.takeCallBytes();
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
