import type { BlockOptions, ClientInfo, CommandSpec } from '../commands/command.js';
import { RequestParser } from '../protocol/request-parser.js';
import { RespReplyWriter, type ReplyObserver } from '../protocol/resp-reply-writer.js';
import type { TimerHandle } from '../../env/timers.js';

/** What a client's socket looks like to the node (a network Connection or an embedded pipe). */
export interface ClientTransport {
  readonly localAddress: string;
  readonly remoteAddress: string;
  write(data: Uint8Array): void;
  close(): void;
  /** Bytes written but not yet handed to the peer (Redis's omem for CLIENT LIST). */
  pendingBytes(): number;
}

/** A command queued inside MULTI. */
export interface QueuedCommand {
  readonly spec: CommandSpec;
  readonly argv: readonly Buffer[];
}

/** A client blocked on keys (BLPOP and friends). */
export interface BlockedState {
  readonly dbIndex: number;
  readonly options: BlockOptions;
  /** The spec of the blocking command (for step counters and stats). */
  readonly spec: CommandSpec;
  /** The blocking command's arguments. */
  readonly argv: readonly Buffer[];
  timer: TimerHandle | undefined;
}

/**
 * The role of a connection: a normal client, the master link on a replica
 * (trusted, replies muted, its writes are applied and propagated), a
 * replica fed by this master, or the AOF loader (no replies, no propagation).
 */
export type ClientKind = 'normal' | 'master' | 'replica' | 'loader';

/**
 * One connected client (Redis's `client` struct): its query buffer, reply
 * buffer, selected db, MULTI state, watched keys, subscriptions and blocking
 * state.
 */
export class Client {
  readonly parser = new RequestParser();
  readonly reply: RespReplyWriter;
  dbIndex = 0;
  name = '';
  authenticated: boolean;
  kind: ClientKind = 'normal';
  /** The client scripts run their commands as (CLIENT_SCRIPT): SORT and XREAD act on it as Redis does. */
  isScript = false;
  /** RESP protocol version (Redis's c->resp): 2, or 3 after HELLO 3; the reply writer shapes replies by it. */
  get protocol(): 2 | 3 {
    return this.reply.protocolVersion;
  }

  set protocol(version: 2 | 3) {
    this.reply.protocolVersion = version;
  }
  /** MULTI state: undefined outside MULTI. */
  multi: QueuedCommand[] | undefined;
  /** CLIENT_DIRTY_EXEC: a command was refused while queueing. */
  multiDirtyExec = false;
  /** CLIENT_DIRTY_CAS: a watched key was touched. */
  watchDirty = false;
  readonly channels = new Set<string>();
  readonly patterns = new Set<string>();
  /** Sharded channels (SSUBSCRIBE). */
  readonly shardChannels = new Set<string>();
  blocked: BlockedState | undefined;
  /** CLIENT_CLOSE_AFTER_REPLY (QUIT, protocol errors). */
  closeAfterReply = false;
  /** CLIENT_CLOSE_ASAP: closed without sending what is buffered (limits, CLIENT KILL). */
  closeAsap = false;
  closed = false;
  /** CLIENT NO-EVICT */
  noEvict = false;
  /** CLIENT REPLY OFF: no replies until CLIENT REPLY ON. */
  replyOff = false;
  /** CLIENT_REPLY_SKIP_NEXT: CLIENT REPLY SKIP ran; the next command's reply is dropped. */
  replySkipNext = false;
  /** CLIENT_REPLY_SKIP: this command's reply is dropped. */
  replySkip = false;
  /** The last command's full name (`client|list`), for CLIENT LIST's cmd=. */
  lastCommandName = 'NULL';
  readonly createdAtMs: number;
  /** The socket descriptor Redis would print (lowest free from 7). */
  fd = 0;
  lastInteractionMs: number;
  /** Bytes of the arguments of the command being executed (argv-mem). */
  currentArgvBytes = 0;
  /** Output-buffer soft limit: when it was first exceeded (0 = not over). */
  softLimitSinceMs = 0;

  constructor(
    readonly id: number,
    readonly transport: ClientTransport,
    nowMs: number,
    authenticated: boolean,
    replyObserver: ReplyObserver,
  ) {
    this.reply = new RespReplyWriter(replyObserver);
    this.createdAtMs = nowMs;
    this.lastInteractionMs = nowMs;
    this.authenticated = authenticated;
  }

  get inMulti(): boolean {
    return this.multi !== undefined;
  }

  /** CLIENT_PUBSUB: subscribed to at least one channel, pattern or shard channel. */
  get inPubSub(): boolean {
    return this.channels.size + this.patterns.size + this.shardChannels.size > 0;
  }

  info(): ClientInfo {
    return { clientId: this.id, inMulti: this.inMulti, isMasterOrLoader: this.kind === 'master' || this.kind === 'loader', isScript: this.isScript };
  }
}
