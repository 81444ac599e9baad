import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';
import type { BlockOptions, ClientInfo, CommandContext, CommandSpec, KeyspaceEventClass } from '../commands/command.js';
import type { Database } from '../keyspace/database.js';
import type { EncodingConfig } from '../keyspace/encoding-config.js';
import type { ReplyWriter } from '../protocol/reply-writer.js';
import type { Client } from './client.js';
import type { StoreNode } from './node.js';
import type { PropagationTarget } from './propagation.js';

/**
 * The CommandContext of one command execution for one client. Besides the
 * contract it carries the node and the client, which the connection,
 * server, pub/sub and transaction families reach through `serverContext`.
 */
export class ExecutionContext implements CommandContext {
  readonly db: Database;
  readonly reply: ReplyWriter;
  readonly encodingConfig: EncodingConfig;
  readonly rng: Prng;
  readonly nowMs: number;
  /** server.dirty increments made by this command. */
  dirtyCount = 0;
  /** The propagated form set by propagateAs (undefined: argv). */
  propagatedForm: (readonly (Buffer | string)[])[] | undefined;
  propagationPrevented = false;
  /** forceCommandPropagation: propagated even when not dirty (PUBLISH to replicas, FLUSHDB everywhere). */
  forcedPropagation: PropagationTarget | undefined;
  /** CLIENT_DENY_BLOCKING during EXEC: the command runs as part of a transaction. */
  executingTransaction = false;
  /** True once `block` was called. */
  blockedNow = false;
  /** The client as the command began (CommandContext.client), built when first asked for. */
  private clientInfo: ClientInfo | undefined;
  private readonly inMultiAtStart: boolean;
  private readonly masterOrLoaderAtStart: boolean;

  constructor(
    readonly node: StoreNode,
    readonly clientState: Client,
    readonly spec: CommandSpec,
    readonly argv: readonly Buffer[],
    readonly canBlock: boolean,
  ) {
    this.db = node.database(clientState.dbIndex);
    this.reply = clientState.reply;
    // What info() would give now: a handler that changes the client (MULTI, a master link) reads the state before it.
    this.inMultiAtStart = clientState.multi !== undefined;
    this.masterOrLoaderAtStart = clientState.kind === 'master' || clientState.kind === 'loader';
    this.encodingConfig = node.config.encoding;
    this.rng = node.rng;
    this.nowMs = node.commandTimeMs();
  }

  get client(): ClientInfo {
    if (this.clientInfo === undefined) {
      this.clientInfo = { clientId: this.clientState.id, inMulti: this.inMultiAtStart, isMasterOrLoader: this.masterOrLoaderAtStart, isScript: this.clientState.isScript };
    }
    return this.clientInfo;
  }

  step(count = 1): void {
    this.node.countSteps(this.spec.name, count);
  }

  dirty(count = 1): void {
    assert(count >= 0, 'dirty counts are non-negative');
    this.dirtyCount += count;
    this.node.stats.dirty += count;
  }

  propagateAs(...commands: (readonly (Buffer | string)[])[]): void {
    this.propagatedForm = commands;
  }

  preventPropagation(): void {
    this.propagationPrevented = true;
  }

  keyModified(key: Buffer): void {
    this.node.signalModifiedKey(this.db, key);
  }

  keyReady(key: Buffer): void {
    this.node.blocking.signalReady(this.db, key);
  }

  notifyKeyspaceEvent(type: KeyspaceEventClass, event: string, key: Buffer, dbId: number = this.db.id): void {
    this.node.notifyKeyspaceEvent(type, event, key, dbId);
  }

  block(options: BlockOptions): void {
    assert(this.canBlock, 'a command blocks only when it may');
    assert(!this.blockedNow, 'a command blocks at most once');
    assert(options.keys.length > 0, 'a client blocks on at least one key');
    this.blockedNow = true;
    this.node.blockClient(this.clientState, this.spec, this.argv, options);
  }
}

/** The node and client behind a context; only contexts the node created have them. */
export function serverContext(ctx: CommandContext): ExecutionContext {
  assert(ctx instanceof ExecutionContext, 'a server command runs in a node execution context');
  return ctx;
}
