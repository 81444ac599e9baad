/**
 * The embedded store's fast path for its hottest commands (SET key value,
 * GET, INCR, DECR). It does exactly what processCommand + call + beforeSleep
 * do for them, step for step, but only while every subsystem that could make
 * those steps do more is idle (see FastPathBlockers); otherwise, and for
 * every case that would reply an error, the command takes the general path.
 * test/store/embedded/direct-path.test.ts holds both paths to the same bytes
 * and the same state.
 *
 * Left out because a blocker guarantees they do nothing: lazy expiry and
 * removeExpire (the db has no TTLs), keyspace notifications (off), WATCH
 * touches (no watched keys), signalKeyAsReady (no blocked clients), the
 * propagation feed (no listener but the idle AOF's). Left out because
 * nothing observes them: call()'s fixed time, current client and nesting
 * depth (nothing reads them before they are restored, and no time passes
 * while the command runs: one clock read serves every step).
 */
import type { CommandSpec } from './commands/command.js';
import { getCommand } from './commands/families/strings-get.js';
import { setCommand } from './commands/families/strings-set.js';
import { decrCommand, incrCommand } from './commands/families/strings-counters.js';
import type { Database, KeyEntry } from './keyspace/database.js';
import type { StringObject } from './keyspace/object.js';
import { accessOnTouch, lruClock } from './server/access-clock.js';
import type { Client } from './server/client.js';
import { currentCommandRecord, emptyCommandRecord, type CommandRecord } from './server/command-records.js';
import type { StoreNode } from './server/node.js';
import { LLONG_MAX, LLONG_MIN, string2ll } from './types/number-parsing.js';
import { asRedisString, RedisString } from './types/string.js';
import { FastPathBlockers } from './embedded-fast-blockers.js';
import { FastReplies } from './embedded-fast-replies.js';
import { fastCommandOf, isAscii, keyNameOf, requestBytesOf, type FastCommand } from './embedded-fast-request.js';

export { fastCommandOf, type FastCommand };

const HANDLERS: Readonly<Record<FastCommand, CommandSpec['handler']>> = { set: setCommand, get: getCommand, incr: incrCommand, decr: decrCommand };

/** One fast command of the node's table: its spec and its INFO commandstats / step counters. */
interface FastSpec {
  readonly command: FastCommand;
  readonly spec: CommandSpec;
  readonly record: CommandRecord;
}

/** INCR/DECR's new value (a number while safe, else a bigint), or undefined when it would reply an error. */
function integerAfter(current: RedisString | undefined, increment: 1 | -1): number | bigint | undefined {
  if (current === undefined) return increment;
  const small = current.safeIntegerValue();
  if (small !== undefined && Number.isSafeInteger(small + increment)) return small + increment;
  const old = current.integerValue() ?? string2ll(current.bytes());
  if (old === undefined) return undefined;
  const updated = old + BigInt(increment);
  return updated > LLONG_MAX || updated < LLONG_MIN ? undefined : updated;
}

/** Runs commands whose blockers are all idle; one per node (see fastPathOf). */
export class FastPath {
  /** Commands run on the fast path (tests check it is taken). */
  runs = 0;
  private readonly replies = new FastReplies();
  private readonly blockers: FastPathBlockers;
  private readonly set: FastSpec | undefined;
  private readonly get: FastSpec | undefined;
  private readonly incr: FastSpec | undefined;
  private readonly decr: FastSpec | undefined;

  /** The table never changes: a command whose spec is not the family's own (extraCommands) never takes the fast path. */
  constructor(private readonly node: StoreNode) {
    this.blockers = new FastPathBlockers(node);
    const fastSpecOf = (command: FastCommand): FastSpec | undefined => {
      const spec = node.commandTable.get(command);
      return spec !== undefined && spec.handler === HANDLERS[command] ? { command, spec, record: emptyCommandRecord() } : undefined;
    };
    this.set = fastSpecOf('set');
    this.get = fastSpecOf('get');
    this.incr = fastSpecOf('incr');
    this.decr = fastSpecOf('decr');
  }

  /** Why the fast path may not run `command` for `client` now (undefined: it may). */
  blockerOf(client: Client, command: FastCommand): string | undefined {
    const fast = this.fastSpecOf(command);
    return fast === undefined ? 'not the family handler' : this.blockers.blockerOf(client, fast.spec);
  }

  /** The reply of `argv` run on the fast path, or undefined (and nothing changed) when it must take the general path. */
  run(client: Client, argv: readonly (string | Buffer)[]): Buffer | undefined {
    const command = fastCommandOf(argv);
    if (command === undefined) return undefined;
    const fast = this.fastSpecOf(command);
    if (fast === undefined || this.blockers.blockerOf(client, fast.spec) !== undefined) return undefined;
    const key = argv[1] as string | Buffer;
    const keyName = keyNameOf(key);
    if (keyName === undefined) return undefined;
    const db = this.node.database(client.dbIndex);
    if (command === 'get') return this.runGet(client, fast, db, keyName, requestBytesOf(3, key.length, undefined));
    if (command === 'set') return this.runSet(client, fast, db, keyName, key, argv[2] as string | Buffer);
    return this.runIncrement(client, fast, db, keyName, key, command === 'incr' ? 1 : -1);
  }

  private fastSpecOf(command: FastCommand): FastSpec | undefined {
    if (command === 'set') return this.set;
    if (command === 'get') return this.get;
    return command === 'incr' ? this.incr : this.decr;
  }

  /** GET: lookupKeyRead (access update, hit/miss), the bulk reply. */
  private runGet(client: Client, fast: FastSpec, db: Database, keyName: string, requestBytes: number): Buffer | undefined {
    const entry = db.entryNamed(keyName);
    if (entry !== undefined && entry.value.type !== 'string') return undefined;
    const nowMs = this.begin(client, fast, requestBytes);
    let reply: Buffer;
    if (entry === undefined) {
      this.node.keyspaceMiss();
      reply = this.replies.nullBulk(client.protocol);
    } else {
      db.setEntry(entry, entry.value, this.touchedAccess(entry.access, nowMs));
      this.node.keyspaceHit();
      // A value SET kept as text gets its bytes on its first read: copying bytes into the reply beats copying chars from then on.
      const value = asRedisString(entry.value as StringObject);
      const integer = value.safeIntegerValue();
      reply = integer === undefined ? this.replies.bulk(value.bytes()) : this.replies.bulkInteger(integer);
    }
    this.finish(client, fast, reply, nowMs);
    return reply;
  }

  /** SET key value: tryObjectEncoding of the value, lookupKeyWrite, setKey (dbAdd or dbOverwrite), dirty. */
  private runSet(client: Client, fast: FastSpec, db: Database, keyName: string, key: string | Buffer, value: string | Buffer): Buffer | undefined {
    if (typeof value === 'string' && !isAscii(value)) return undefined;
    const stored = typeof value === 'string' ? RedisString.encodedAsciiText(value) : RedisString.encoded(value);
    const nowMs = this.begin(client, fast, requestBytesOf(3, key.length, value.length));
    this.store(db, db.entryNamed(keyName), keyName, key, stored, nowMs);
    const reply = this.replies.ok();
    this.finish(client, fast, reply, nowMs);
    return reply;
  }

  /** INCR/DECR: the value after the increment (an error takes the general path), stored as a new int-encoded object. */
  private runIncrement(client: Client, fast: FastSpec, db: Database, keyName: string, key: string | Buffer, increment: 1 | -1): Buffer | undefined {
    const entry = db.entryNamed(keyName);
    if (entry !== undefined && entry.value.type !== 'string') return undefined;
    const updated = integerAfter(entry === undefined ? undefined : asRedisString(entry.value as StringObject), increment);
    if (updated === undefined) return undefined;
    const nowMs = this.begin(client, fast, requestBytesOf(4, key.length, undefined));
    const small = typeof updated === 'number';
    this.store(db, entry, keyName, key, small ? RedisString.fromSafeInteger(updated) : RedisString.fromLongLong(updated), nowMs);
    const reply = small ? this.replies.integer(updated) : this.replies.bigInteger(updated);
    this.finish(client, fast, reply, nowMs);
    return reply;
  }

  /** setKey: lookupKeyWrite's access update then dbOverwrite (whose access is the touched one under LRU and LFU alike), or dbAdd; server.dirty++. */
  private store(db: Database, entry: KeyEntry | undefined, keyName: string, key: string | Buffer, value: RedisString, nowMs: number): void {
    if (entry !== undefined) db.setEntry(entry, value, this.touchedAccess(entry.access, nowMs));
    else db.addNamed(keyName, typeof key === 'string' ? Buffer.from(key, 'latin1') : key, value);
    this.node.stats.dirty++;
  }

  /** lookupKey's access update (node.accessOnTouch at the command's time). */
  private touchedAccess(previous: number, nowMs: number): number {
    const policy = this.node.accessPolicy();
    return policy.lfu ? accessOnTouch(policy, previous, nowMs, this.node.lfuRng) : lruClock(nowMs);
  }

  /**
   * handleClientData's accounting for the request's RESP bytes,
   * processCommand's last command name and the handler's ctx.step(1);
   * returns the time every step of the command sees.
   */
  private begin(client: Client, fast: FastSpec, requestBytes: number): number {
    const node = this.node;
    this.runs++;
    const nowMs = node.env.clock.nowMs();
    const stats = node.stats;
    stats.netInputBytes += requestBytes;
    stats.readsProcessed++;
    client.lastInteractionMs = nowMs;
    client.lastCommandName = fast.spec.name;
    // Nothing between here and finish resets the stats: the record stays current.
    currentCommandRecord(node, fast.spec, fast.record).steps.steps++;
    node.env.countSteps?.(fast.command, 1);
    return nowMs;
  }

  /**
   * call()'s counters after the handler (the write's propagation reaches
   * only idle listeners: counted, nothing fed), then beforeSleep with no
   * blocked or unblocked clients: the fast expire cycle, the hooks, then
   * writeReplies, where only this client has bytes.
   */
  private finish(client: Client, fast: FastSpec, reply: Buffer, nowMs: number): void {
    const node = this.node;
    const record = fast.record;
    record.stats.calls++;
    record.steps.calls++;
    const stats = node.stats;
    stats.numCommands++;
    if (fast.command !== 'get') node.propagator.propagatedCount++;
    if (node.replicaOf === undefined) node.activeExpire.runFastCycle();
    const hooks = node.beforeSleepHooks;
    for (let index = 0; index < hooks.length; index++) (hooks[index] as () => void)();
    stats.netOutputBytes += reply.length;
    stats.writesProcessed++;
    client.lastInteractionMs = nowMs;
    client.softLimitSinceMs = 0;
  }
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
