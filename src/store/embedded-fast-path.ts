/**
 * The embedded store's fast path for its hottest commands (SET key value,
 * GET, INCR, DECR). It does exactly what processCommand + call + beforeSleep
 * do for them, step for step, but only while every subsystem that could make
 * those steps do more is idle (see `blockerOf`); otherwise, and for every
 * case that would reply an error, the command takes the general path.
 * test/store/embedded/direct-path.test.ts holds both paths to the same bytes
 * and the same state.
 */
import { assert } from '../core/assert.js';
import { LLONG_MAX, LLONG_MIN, string2ll } from './types/number-parsing.js';
import type { CommandSpec } from './commands/command.js';
import { getCommand } from './commands/families/strings-get.js';
import { setCommand } from './commands/families/strings-set.js';
import { decrCommand, incrCommand } from './commands/families/strings-counters.js';
import type { Database, KeyEntry } from './keyspace/database.js';
import { decimalLength } from './protocol/byte-writing.js';
import { persistenceOf, type Persistence } from './persistence/persistence.js';
import type { StepCounter } from './server/stats.js';
import { asRedisString, RedisString } from './types/string.js';
import type { RedisObject } from './keyspace/object.js';
import type { Client } from './server/client.js';
import type { StoreNode } from './server/node.js';
import { plantedHandler } from './server/planted-bugs.js';
import { FastReplies } from './embedded-fast-replies.js';

export type FastCommand = 'set' | 'get' | 'incr' | 'decr';

const FAST_COMMANDS: readonly FastCommand[] = ['set', 'get', 'incr', 'decr'];
/** argv[0] spellings taken on the fast path: lower, upper and capitalised (any other spelling takes the general one). */
const FAST_NAMES: ReadonlyMap<string, FastCommand> = new Map(
  FAST_COMMANDS.flatMap((name) => [
    [name, name],
    [name.toUpperCase(), name],
    [name[0]?.toUpperCase() + name.slice(1), name],
  ]),
);
const ARGUMENT_COUNTS: Readonly<Record<FastCommand, number>> = { set: 3, get: 2, incr: 2, decr: 2 };
const HANDLERS: Readonly<Record<FastCommand, CommandSpec['handler']>> = { set: setCommand, get: getCommand, incr: incrCommand, decr: decrCommand };

/** The fast-path command an argv names, or undefined. */
export function fastCommandOf(argv: readonly (string | Buffer)[]): FastCommand | undefined {
  const name = argv[0];
  if (typeof name !== 'string') return undefined;
  const command = FAST_NAMES.get(name);
  return command !== undefined && ARGUMENT_COUNTS[command] === argv.length ? command : undefined;
}

/** INCR/DECR's new value, or undefined when it would reply an error (general path). */
function integerAfter(current: RedisObject | undefined, increment: bigint): bigint | undefined {
  if (current === undefined) return increment;
  if (current.type !== 'string') return undefined;
  const value = asRedisString(current);
  const old = value.integerValue() ?? string2ll(value.bytes());
  if (old === undefined) return undefined;
  const updated = old + increment;
  return updated > LLONG_MAX || updated < LLONG_MIN ? undefined : updated;
}

/** One fast command: its key as a map name (binaryKey), the key Buffer if the caller gave one, SET's value. */
export interface FastRequest {
  readonly command: FastCommand;
  readonly spec: CommandSpec;
  readonly keyName: string;
  readonly keyBuffer: Buffer | undefined;
  readonly value: string | Buffer | undefined;
  /** The bytes of the RESP request (net_input_bytes). */
  readonly requestBytes: number;
}

/** Runs commands whose blockers are all idle; one per node (see fastPathOf). */
export class FastPath {
  /** Commands run on the fast path (tests check it is taken). */
  runs = 0;
  private readonly replies = new FastReplies();
  private readonly stepCounters: Partial<Record<FastCommand, StepCounter>> = {};
  private readonly persistence: Persistence | undefined;

  /** The table's specs of the fast commands (the table never changes). */
  private readonly specs: Partial<Record<FastCommand, CommandSpec>> = {};

  constructor(private readonly node: StoreNode) {
    this.persistence = persistenceOf(node);
    for (const command of FAST_COMMANDS) {
      const spec = node.commandTable.get(command);
      if (spec !== undefined) this.specs[command] = spec;
    }
  }

  specOf(command: FastCommand): CommandSpec | undefined {
    return this.specs[command];
  }

  /**
   * Why the fast path may not run now (undefined: it may). Each test stands
   * for steps of the general path the fast path leaves out: the client's
   * parser, blocking, MULTI, reply modes, pub/sub and authentication; the
   * node's pending beforeSleep, nested calls, loading, replication, AOF and
   * any propagation listener, blocked clients, ready keys, maxmemory and
   * keyspace notifications; keys with a TTL (lazy expiry); watched keys;
   * planted bugs; a guard that would refuse.
   */
  blockerOf(client: Client, spec: CommandSpec): string | undefined {
    const node = this.node;
    if (client.closed || client.kind !== 'normal' || client.blocked !== undefined || client.closeAfterReply || client.closeAsap) return 'client state';
    if (client.multi !== undefined || client.replyOff || client.replySkip || client.replySkipNext || client.reply.muted) return 'client mode';
    if (client.parser.pendingBytes() !== 0 || client.reply.hasPendingBytes() || client.inPubSub) return 'client buffers';
    const config = node.fastPathConfig();
    if (!config.idle || (!client.authenticated && !config.noPassword)) return 'config';
    if (node.beforeSleepScheduled || node.callDepth !== 0 || node.loading || node.isReplica || node.unblockedClients.length !== 0) return 'event loop';
    if (node.blocking.count() !== 0 || node.blocking.hasReadyKeys()) return 'blocked clients';
    if (node.propagator.hasPending() || node.propagator.listenerCount() > 1) return 'propagation';
    const persistence = this.persistence;
    if (persistence === undefined || persistence.aof.state !== 'off' || persistence.exited) return 'persistence';
    if (node.database(client.dbIndex).expiresCount() !== 0) return 'expiry';
    if (node.watches.totalWatchedKeys() !== 0) return 'watch';
    if (spec.handler !== HANDLERS[spec.name as FastCommand] || plantedHandler(node, spec) !== undefined) return 'handler';
    const guards = node.commandGuards;
    for (let index = 0; index < guards.length; index++) {
      if ((guards[index] as (typeof guards)[number])(client, spec) !== undefined) return 'guard';
    }
    return undefined;
  }

  /** The reply, or undefined (and nothing changed) when the command would reply an error. */
  run(client: Client, request: FastRequest): Buffer | undefined {
    const db = this.node.database(client.dbIndex);
    const entry = db.entryNamed(request.keyName);
    let integer = 0n;
    if (request.command === 'get') {
      if (entry !== undefined && entry.value.type !== 'string') return undefined;
    } else if (request.command !== 'set') {
      const after = integerAfter(entry?.value, request.command === 'incr' ? 1n : -1n);
      if (after === undefined) return undefined;
      integer = after;
    }
    this.runs++;
    this.readRequest(client, request);
    const reply = this.execute(client, db, request, entry, integer);
    this.beforeSleep(client, reply);
    return reply;
  }

  /** handleClientData's accounting for the request's RESP bytes, and processCommand's last command name. */
  private readRequest(client: Client, request: FastRequest): void {
    const node = this.node;
    node.stats.netInputBytes += request.requestBytes;
    node.stats.readsProcessed++;
    client.lastInteractionMs = node.env.clock.nowMs();
    client.lastCommandName = request.spec.name;
  }

  /** call(): fixed time, current client, the handler's steps, then the command's stats. */
  private execute(client: Client, db: Database, request: FastRequest, entry: KeyEntry | undefined, integer: bigint): Buffer {
    const node = this.node;
    node.enterFixedTime();
    node.callDepth++;
    const previousClient = node.currentClient;
    node.currentClient = client;
    let reply: Buffer;
    try {
      reply = this.handle(client, db, request, entry, integer);
    } finally {
      node.callDepth--;
      node.leaveFixedTime();
      node.currentClient = previousClient;
    }
    const name = request.spec.name;
    node.stats.commandStats(name).calls++;
    node.stats.numCommands++;
    this.stepCounterOf(request.command).calls++;
    // The write's propagation reaches only idle listeners (AOF off, no replication): counted, nothing fed.
    if (request.command !== 'get') node.propagator.propagatedCount++;
    return reply;
  }

  /**
   * The handlers' effects. Left out because a blocker guarantees they do
   * nothing: lazy expiry and removeExpire (the db has no TTLs), keyspace
   * notifications (off), WATCH touches (no watched keys), signalKeyAsReady
   * (only for lists and zsets). `entry` is the key's, looked up by `run`
   * (nothing changed the db since).
   */
  private handle(client: Client, db: Database, request: FastRequest, entry: KeyEntry | undefined, integer: bigint): Buffer {
    const node = this.node;
    if (request.command === 'get') {
      this.countStep(request.command);
      if (entry === undefined) {
        node.keyspaceMiss();
        return this.replies.nullBulk(client.protocol);
      }
      db.touchEntry(entry);
      node.keyspaceHit();
      assert(entry.value.type === 'string', 'the fast GET runs on a string (checked before)');
      return this.replies.bulk(entry.value.bytes());
    }
    if (request.command === 'set') {
      const value = stringValueOf(request.value);
      if (entry !== undefined) db.touchEntry(entry);
      this.countStep(request.command);
      this.store(db, request, entry, value);
      return this.replies.ok();
    }
    this.countStep(request.command);
    if (entry !== undefined) db.touchEntry(entry);
    this.store(db, request, entry, RedisString.fromLongLong(integer));
    return this.replies.integer(integer);
  }

  /** setKey / dbAdd or dbOverwrite, then server.dirty++. */
  private store(db: Database, request: FastRequest, entry: KeyEntry | undefined, value: RedisString): void {
    if (entry !== undefined) db.overwriteEntry(entry, value);
    else db.addNamed(request.keyName, request.keyBuffer ?? Buffer.from(request.keyName, 'latin1'), value);
    this.node.stats.dirty++;
  }

  /** ctx.step(1) */
  private countStep(command: FastCommand): void {
    this.stepCounterOf(command).steps++;
    this.node.env.countSteps?.(command, 1);
  }

  /** The node's step counter of a command (counters are never replaced, so they are kept here). */
  private stepCounterOf(command: FastCommand): StepCounter {
    let counter = this.stepCounters[command];
    if (counter === undefined) {
      counter = this.node.stepCounter(command);
      this.stepCounters[command] = counter;
    }
    return counter;
  }

  /**
   * beforeSleep with no blocked or unblocked clients: the fast expire cycle,
   * the hooks, then writeReplies, where only this client has bytes.
   */
  private beforeSleep(client: Client, reply: Buffer): void {
    const node = this.node;
    if (!node.isReplica) node.activeExpire.runFastCycle();
    const hooks = node.beforeSleepHooks;
    for (let index = 0; index < hooks.length; index++) (hooks[index] as () => void)();
    node.stats.netOutputBytes += reply.length;
    node.stats.writesProcessed++;
    client.lastInteractionMs = node.env.clock.nowMs();
    client.softLimitSinceMs = 0;
  }
}

/** tryObjectEncoding of SET's value (an ASCII string or a Buffer, as fastRequestOf admits). */
function stringValueOf(value: string | Buffer | undefined): RedisString {
  assert(value !== undefined, 'SET has a value');
  if (typeof value !== 'string') return RedisString.encoded(value);
  const first = value.charCodeAt(0);
  if (value.length === 0 || !(first === 0x2d || (first >= 0x30 && first <= 0x39))) return RedisString.fromNonNumericAsciiText(value);
  return RedisString.encoded(Buffer.from(value, 'latin1'));
}

/** True if every char is below 0x80 (the string's UTF-8 bytes are its latin1 text). */
function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) >= 0x80) return false;
  return true;
}

/** `$len\r\n...\r\n` of one argument of `length` bytes. */
function bulkBytes(length: number): number {
  return length < 10 ? 6 + length : 5 + decimalLength(length) + length;
}

/** The request of an argv fastCommandOf accepted, or undefined when an argument is a non-ASCII string (general path). */
export function fastRequestOf(command: FastCommand, spec: CommandSpec, argv: readonly (string | Buffer)[]): FastRequest | undefined {
  const key = argv[1] as string | Buffer;
  const value = argv[2];
  let keyName: string;
  if (typeof key === 'string') {
    if (!isAscii(key)) return undefined;
    keyName = key;
  } else keyName = key.toString('latin1');
  if (typeof value === 'string' && !isAscii(value)) return undefined;
  const name = argv[0] as string;
  // `*N\r\n` (N < 10) and each argument's bulk string.
  let requestBytes = 4 + bulkBytes(name.length) + bulkBytes(key.length);
  if (value !== undefined) requestBytes += bulkBytes(value.length);
  return { command, spec, keyName, keyBuffer: typeof key === 'string' ? undefined : key, value, requestBytes };
}

const fastPaths = new WeakMap<StoreNode, FastPath>();

/** The node's fast path (shared by its embedded clients). */
export function fastPathOf(node: StoreNode): FastPath {
  let fastPath = fastPaths.get(node);
  if (fastPath === undefined) {
    fastPath = new FastPath(node);
    fastPaths.set(node, fastPath);
  }
  return fastPath;
}
