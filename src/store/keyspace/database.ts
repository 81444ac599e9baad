import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';
import type { Db, LookupFlags } from './db.js';
import { binaryKey, fromBinaryKey, type RedisObject } from './object.js';
import { SampledMap } from './sampled-map.js';

/** What a lookup does with a key whose TTL has passed (db.c expireIfNeeded). */
export type ExpiredKeyAction = 'delete' | 'hide' | 'keep';

/** The node services a database needs; the node implements them. */
export interface KeyspaceHost {
  /** The stream RANDOMKEY draws from. */
  readonly keyspaceRng: Prng;
  /** keyIsExpired's notion of now: the command's cached time inside a command, else the clock. */
  expiryNowMs(): number;
  /** master: delete; replica: hide (or delete for writes on a writable replica); master link: keep. */
  expiredKeyAction(forWrite: boolean): ExpiredKeyAction;
  /** deleteExpiredKeyAndPropagate after the key is gone: stats, WATCH, DEL propagation. */
  expiredKeyDeleted(db: Database, key: Buffer): void;
  keyspaceHit(): void;
  keyspaceMiss(): void;
  /** A read lookup missed (notifyKeyspaceEvent NOTIFY_KEY_MISS "keymiss"); not for LOOKUP_NOSTATS lookups. */
  keyMissed?(db: Database, key: Buffer): void;
  /** The `lru` field of a new object (LRU clock, or LFU time and initial counter). */
  accessOnCreate(): number;
  /** The `lru` field after an access (LRU clock, or the LFU counter update). */
  accessOnTouch(previous: number): number;
  /** dbOverwrite: a new object's `lru` (LFU keeps the old counter). */
  accessOnOverwrite(previous: number): number;
  /** dbAdd's signalKeyAsReady for the types clients block on. */
  keyAdded(db: Database, key: Buffer, value: RedisObject): void;
  /** A key's value left the db (deleted, or replaced by an overwrite): db.c signals stream keys ready so XREADGROUP waiters learn of it. */
  keyRemoved?(db: Database, key: Buffer, value: RedisObject): void;
}

/** dbRandomKey draws before giving up on finding a live key among hidden expired ones. */
const RANDOM_KEY_DRAWS_MAX = 100_000;

/** A key's slot in the main dict. */
export interface KeyEntry {
  value: RedisObject;
  /** Redis's 24-bit `lru` field (see access-clock.ts). */
  access: number;
}

/** A Redis database: the main dict and the expires dict, with lazy expiry on lookup. */
export class Database implements Db {
  private entries = new SampledMap<KeyEntry>();
  private expires = new SampledMap<number>();
  /** The running average TTL estimate of the active expire cycle (INFO keyspace avg_ttl). */
  averageTtlMs = 0;

  constructor(
    readonly id: number,
    private readonly host: KeyspaceHost,
  ) {}

  lookupRead(key: Buffer, flags: LookupFlags = {}): RedisObject | undefined {
    const value = this.lookup(key, false, flags.noTouch === true);
    if (flags.noStats !== true) {
      if (value === undefined) {
        this.host.keyspaceMiss();
        if (flags.noNotify !== true) this.host.keyMissed?.(this, key);
      } else this.host.keyspaceHit();
    }
    return value;
  }

  lookupWrite(key: Buffer): RedisObject | undefined {
    return this.lookup(key, true, false);
  }

  /** lookupKey with LOOKUP_NOTOUCH|LOOKUP_NOSTATS and no expiry side effect (OBJECT, DEBUG, digest). */
  peek(key: Buffer): RedisObject | undefined {
    return this.entries.get(binaryKey(key))?.value;
  }

  /**
   * The entry under a map name (binaryKey), without expiry, access update or
   * stats: the embedded fast path's lookup, which runs only while the db has
   * no TTLs (so lookupKey would expire nothing) and does the access update
   * (`touchEntry`) and stats itself.
   */
  entryNamed(name: string): KeyEntry | undefined {
    return this.entries.get(name);
  }

  /** An entry's value and access field, both already decided (the embedded fast path's lookupKey + dbOverwrite). */
  setEntry(entry: KeyEntry, value: RedisObject, access: number): void {
    entry.value = value;
    entry.access = access;
  }

  /** lookupKey's access update (LRU clock or LFU counter) of a found entry. */
  touchEntry(entry: KeyEntry): void {
    entry.access = this.host.accessOnTouch(entry.access);
  }

  /** dbOverwrite of an entry already looked up. */
  overwriteEntry(entry: KeyEntry, value: RedisObject): void {
    entry.value = value;
    entry.access = this.host.accessOnOverwrite(entry.access);
  }

  add(key: Buffer, value: RedisObject): void {
    this.addNamed(binaryKey(key), key, value);
  }

  set(key: Buffer, value: RedisObject, options: { readonly keepTtl?: boolean } = {}): void {
    const name = binaryKey(key);
    const entry = this.lookupNamed(name, key, true, false);
    if (entry === undefined) this.addNamed(name, key, value);
    else {
      this.host.keyRemoved?.(this, key, entry.value);
      this.overwriteEntry(entry, value);
    }
    if (options.keepTtl !== true && this.expires.size > 0) this.expires.delete(name);
  }

  overwrite(key: Buffer, value: RedisObject): void {
    const entry = this.entries.get(binaryKey(key));
    assert(entry !== undefined, 'dbOverwrite: the key exists');
    this.host.keyRemoved?.(this, key, entry.value);
    this.overwriteEntry(entry, value);
  }

  delete(key: Buffer): boolean {
    const name = binaryKey(key);
    this.expires.delete(name);
    const removed = this.entries.get(name)?.value;
    if (removed === undefined) return false;
    this.entries.delete(name);
    this.host.keyRemoved?.(this, key, removed);
    return true;
  }

  getExpire(key: Buffer): number | undefined {
    return this.expires.get(binaryKey(key));
  }

  setExpire(key: Buffer, atMs: number): void {
    const name = binaryKey(key);
    assert(this.entries.has(name), 'setExpire: the key exists');
    assert(Number.isFinite(atMs), 'an expire time is finite');
    this.expires.set(name, atMs);
  }

  removeExpire(key: Buffer): boolean {
    return this.expires.delete(binaryKey(key));
  }

  size(): number {
    return this.entries.size;
  }

  expiresCount(): number {
    return this.expires.size;
  }

  keys(): Buffer[] {
    return Array.from(this.entries.keys(), fromBinaryKey);
  }

  isExpired(key: Buffer): boolean {
    return this.expires.size > 0 && this.isNameExpired(binaryKey(key));
  }

  randomKey(): Buffer | undefined {
    const allVolatile = this.entries.size === this.expires.size;
    for (let tries = 100, draws = 0; ; draws++) {
      const name = this.entries.randomKey(this.host.keyspaceRng);
      if (name === undefined) return undefined;
      const key = fromBinaryKey(name);
      if (!this.expires.has(name) || draws >= RANDOM_KEY_DRAWS_MAX) return key;
      if (allVolatile && this.host.expiredKeyAction(false) !== 'delete' && --tries === 0) return key;
      if (!this.expireIfNeeded(key, false)) return key;
    }
  }

  /** The raw `lru` field of a key, or undefined (OBJECT IDLETIME / FREQ). */
  accessField(key: Buffer): number | undefined {
    return this.entries.get(binaryKey(key))?.access;
  }

  /** Sets the raw `lru` field (OBJECT FREQ after LFU decay, DEBUG, RDB loading). */
  setAccessField(key: Buffer, access: number): void {
    const entry = this.entries.get(binaryKey(key));
    assert(entry !== undefined, 'setAccessField: the key exists');
    entry.access = access;
  }

  /** Every entry in insertion order: (key, value, expire or undefined). */
  *entriesWithExpiry(): IterableIterator<readonly [Buffer, RedisObject, number | undefined]> {
    for (const [name, entry] of this.entries) yield [fromBinaryKey(name), entry.value, this.expires.get(name)];
  }

  /** A uniformly random key, without expiry side effects (eviction sampling). */
  sampleKey(rng: Prng): Buffer | undefined {
    const name = this.entries.randomKey(rng);
    return name === undefined ? undefined : fromBinaryKey(name);
  }

  /** A random key among those with a TTL, and its expire time (active expire sampling). */
  randomVolatileKey(rng: Prng): { readonly key: Buffer; readonly atMs: number } | undefined {
    const name = this.expires.randomKey(rng);
    if (name === undefined) return undefined;
    const atMs = this.expires.get(name);
    assert(atMs !== undefined, 'a sampled key has an expire');
    return { key: fromBinaryKey(name), atMs };
  }

  /** Removes every key (FLUSHDB); returns how many there were. */
  clear(): number {
    const removed = this.entries.size;
    this.entries = new SampledMap<KeyEntry>();
    this.expires = new SampledMap<number>();
    this.averageTtlMs = 0;
    return removed;
  }

  /** SWAPDB: exchanges the datasets; ids, watchers and blocked clients stay with the index. */
  swapContents(other: Database): void {
    [this.entries, other.entries] = [other.entries, this.entries];
    [this.expires, other.expires] = [other.expires, this.expires];
    [this.averageTtlMs, other.averageTtlMs] = [other.averageTtlMs, this.averageTtlMs];
  }

  /** expireIfNeeded: true if the key is (logically) expired; deletes it when the host says so. */
  expireIfNeeded(key: Buffer, forWrite: boolean): boolean {
    return this.expires.size > 0 && this.expireNamedIfNeeded(binaryKey(key), key, forWrite);
  }

  private expireNamedIfNeeded(name: string, key: Buffer, forWrite: boolean): boolean {
    if (!this.isNameExpired(name)) return false;
    const action = this.host.expiredKeyAction(forWrite);
    if (action === 'keep') return false;
    if (action === 'delete') {
      const removed = this.entries.get(name);
      this.expires.delete(name);
      this.entries.delete(name);
      // dbGenericDelete's signalKeyAsReady: XREADGROUP waiters on an expired stream get -UNBLOCKED.
      if (removed !== undefined) this.host.keyRemoved?.(this, key, removed.value);
      this.host.expiredKeyDeleted(this, key);
    }
    return true;
  }

  private lookup(key: Buffer, forWrite: boolean, noTouch: boolean): RedisObject | undefined {
    return this.lookupNamed(binaryKey(key), key, forWrite, noTouch)?.value;
  }

  /** lookupKey by the key's map name (computed once per command path: it costs a string). */
  private lookupNamed(name: string, key: Buffer, forWrite: boolean, noTouch: boolean): KeyEntry | undefined {
    const entry = this.entries.get(name);
    if (entry === undefined) return undefined;
    if (this.expires.size > 0 && this.expireNamedIfNeeded(name, key, forWrite)) return undefined;
    if (!noTouch) entry.access = this.host.accessOnTouch(entry.access);
    return entry;
  }

  private isNameExpired(name: string): boolean {
    const atMs = this.expires.get(name);
    return atMs !== undefined && this.host.expiryNowMs() > atMs;
  }

  /** dbAdd under the key's map name (`binaryKey(key)`). */
  addNamed(name: string, key: Buffer, value: RedisObject): void {
    assert(!this.entries.has(name), 'dbAdd: the key does not exist');
    this.entries.set(name, { value, access: this.host.accessOnCreate() });
    this.host.keyAdded(this, key, value);
  }

}
