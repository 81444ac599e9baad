import type { Prng } from '../../core/prng.js';
import type { Db } from '../keyspace/db.js';
import type { EncodingConfig } from '../keyspace/encoding-config.js';
import type { ObjectOfType, RedisType } from '../keyspace/object.js';
import type { ReplyWriter } from '../protocol/reply-writer.js';
import { errors } from './errors.js';

/** Command flags as in Redis 7.0's command table (lowercase, as COMMAND INFO prints). */
export type CommandFlag =
  | 'write'
  | 'readonly'
  | 'denyoom'
  | 'admin'
  | 'pubsub'
  | 'noscript'
  | 'blocking'
  | 'loading'
  | 'stale'
  | 'skip_monitor'
  | 'skip_slowlog'
  | 'fast'
  | 'no_auth'
  | 'may_replicate'
  | 'no_mandatory_keys'
  | 'no_multi'
  | 'allow_busy';

/** One command (or subcommand) of the table. */
export interface CommandSpec {
  /** Lowercase name, e.g. `lpush`; for subcommands `config|get`. */
  readonly name: string;
  /** Redis arity: N > 0 exactly N args (name included), -N at least N. */
  readonly arity: number;
  readonly flags: readonly CommandFlag[];
  /** ACL categories without `@`, as COMMAND INFO prints them (e.g. 'write', 'list', 'slow'). */
  readonly categories: readonly string[];
  /** Key positions: first, last (-1 = last arg, -2 = one before last), step; 0 if none. */
  readonly firstKey: number;
  readonly lastKey: number;
  readonly keyStep: number;
  /** Subcommands (CONFIG GET, CLIENT ID...): dispatched on argv[1]. */
  readonly subcommands?: readonly CommandSpec[];
  /** Extract keys for commands whose keys are not a simple range (ZUNIONSTORE, LMPOP...). */
  readonly getKeys?: (argv: readonly Buffer[]) => number[];
  readonly handler: (ctx: CommandContext) => void;
}

export interface ClientInfo {
  readonly clientId: number;
  readonly inMulti: boolean;
  /** True for the master link on a replica and for AOF loading (no replies needed). */
  readonly isMasterOrLoader: boolean;
  /** True for the client scripts run their commands as (Redis's CLIENT_SCRIPT). */
  readonly isScript: boolean;
}

export interface BlockOptions {
  /** Keys to wait on (in this db). */
  readonly keys: readonly Buffer[];
  /** Absolute deadline on the host's clock in ms; 0 blocks forever. */
  readonly deadlineMs: number;
  /**
   * Called when one of the keys was signalled ready, with a fresh context
   * for this client. Returns true if it served the client (it wrote the reply
   * and, for writes, called `dirty` and set the propagation); false to keep waiting.
   */
  readonly onReady: (ctx: CommandContext, readyKey: Buffer) => boolean;
  /** The reply on timeout; Redis sends a null array (`*-1`) for list/zset pops. */
  readonly onTimeout?: (reply: ReplyWriter) => void;
  /** The key was signalled ready but no longer exists: reply and unblock (XREADGROUP's -UNBLOCKED); absent: keep waiting. */
  readonly onKeyDeleted?: (reply: ReplyWriter) => void;
}

/**
 * What a handler sees while it executes one command for one client. The
 * rules follow Redis: handlers write exactly one reply; a handler that changes
 * the dataset calls `dirty` (so the command is propagated to the AOF and
 * replicas, by default as `argv`), `keyModified` per changed key (WATCH),
 * and `keyReady` per key that became a non-empty list/zset (blocked clients).
 */
export interface CommandContext {
  /** The arguments, argv[0] being the command name as the client sent it. */
  readonly argv: readonly Buffer[];
  readonly db: Db;
  readonly reply: ReplyWriter;
  readonly client: ClientInfo;
  /** Live encoding thresholds (CONFIG SET changes them). */
  readonly encodingConfig: EncodingConfig;
  /** The node's random stream (SPOP, SRANDMEMBER, RANDOMKEY, skiplist levels). */
  readonly rng: Prng;
  /** The host's clock in ms, fixed for the duration of the command (Redis caches it). */
  readonly nowMs: number;
  /** False inside MULTI/EXEC and on a replica's master link: blocking commands then act as non-blocking. */
  readonly canBlock: boolean;
  /** Counts abstract work (elements touched, nodes visited, comparisons) for complexity reports. */
  step(count?: number): void;
  /** server.dirty += count (default 1): the dataset changed. */
  dirty(count?: number): void;
  /** Replaces the propagated form of this command by these commands (rewriteClientCommandVector / alsoPropagate). */
  propagateAs(...commands: (readonly (Buffer | string)[])[]): void;
  /** Propagate nothing for this command even if it was dirty. */
  preventPropagation(): void;
  /** signalModifiedKey: invalidates WATCH on this db's key. */
  keyModified(key: Buffer): void;
  /** signalKeyAsReady: a list/zset key gained elements; blocked clients get served after this command. */
  keyReady(key: Buffer): void;
  /** Blocks this client (no reply now); only when `canBlock`. */
  block(options: BlockOptions): void;
  /**
   * notifyKeyspaceEvent: publishes the keyspace/keyevent messages of a change
   * (when notify-keyspace-events enables its class); `dbId` defaults to this db.
   */
  notifyKeyspaceEvent(type: KeyspaceEventClass, event: string, key: Buffer, dbId?: number): void;
}

/** The NOTIFY_* classes of keyspace events (notify-keyspace-events flags g $ l s h z x e t m d n). */
export type KeyspaceEventClass = 'generic' | 'string' | 'list' | 'set' | 'hash' | 'zset' | 'expired' | 'evicted' | 'stream' | 'keymiss' | 'module' | 'new';

/**
 * Looks a key up for reading and checks its type. On a wrong type it replies
 * WRONGTYPE and returns `WRONG_TYPE`; the handler must then return.
 */
export const WRONG_TYPE: unique symbol = Symbol('WRONGTYPE');
export type WrongType = typeof WRONG_TYPE;

export function lookupReadOfType<T extends RedisType>(ctx: CommandContext, key: Buffer, type: T): ObjectOfType<T> | undefined | WrongType {
  return checkType(ctx, ctx.db.lookupRead(key), type);
}

export function lookupWriteOfType<T extends RedisType>(ctx: CommandContext, key: Buffer, type: T): ObjectOfType<T> | undefined | WrongType {
  return checkType(ctx, ctx.db.lookupWrite(key), type);
}

function checkType<T extends RedisType>(ctx: CommandContext, value: ReturnType<Db['lookupRead']>, type: T): ObjectOfType<T> | undefined | WrongType {
  if (value === undefined) return undefined;
  if (value.type !== type) {
    ctx.reply.error(errors.wrongType);
    return WRONG_TYPE;
  }
  return value as ObjectOfType<T>;
}
