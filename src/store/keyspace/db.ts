import type { RedisObject } from './object.js';

/** lookupKey flags of db.c that change what a read lookup records. */
export interface LookupFlags {
  /** LOOKUP_NOTOUCH: do not update the access time (TYPE, EXISTS, TTL, OBJECT). */
  readonly noTouch?: boolean;
  /** LOOKUP_NOSTATS: do not count keyspace hits/misses. */
  readonly noStats?: boolean;
  /** LOOKUP_NONOTIFY: no keymiss keyspace event on a miss (OBJECT). */
  readonly noNotify?: boolean;
}

/**
 * One of the 16 databases, as command handlers see it. Lookups apply lazy
 * expiry (on a master: delete and propagate DEL; on a replica: hide only).
 * None of these methods signals WATCH: a handler that changes a key calls
 * `CommandContext.keyModified(key)` itself, as Redis commands call
 * `signalModifiedKey`.
 */
export interface Db {
  readonly id: number;
  /** lookupKeyRead: lazy expiry, keyspace_hits/misses, access time. */
  lookupRead(key: Buffer, flags?: LookupFlags): RedisObject | undefined;
  /** lookupKeyWrite: lazy expiry, no hit/miss statistics. */
  lookupWrite(key: Buffer): RedisObject | undefined;
  /** dbAdd: the key must not exist (asserted). */
  add(key: Buffer, value: RedisObject): void;
  /** setKey: add or overwrite; the TTL is removed unless `keepTtl`. */
  set(key: Buffer, value: RedisObject, options?: { readonly keepTtl?: boolean }): void;
  /** dbOverwrite-like: replaces the value of an existing key, keeping its TTL. */
  overwrite(key: Buffer, value: RedisObject): void;
  /** dbDelete: removes the key and its TTL; true if it existed. */
  delete(key: Buffer): boolean;
  /** Absolute expiry in ms since the epoch, or undefined for none. */
  getExpire(key: Buffer): number | undefined;
  setExpire(key: Buffer, atMs: number): void;
  removeExpire(key: Buffer): boolean;
  /** Number of keys (including logically expired ones not yet reclaimed). */
  size(): number;
  /** A snapshot of every key (including logically expired ones), in insertion order. */
  keys(): Buffer[];
  /** keyIsExpired: has a TTL in the past (by the command's cached time); no side effects. */
  isExpired(key: Buffer): boolean;
  /** dbRandomKey: a uniformly random live key (lazily expiring the expired ones it meets), or undefined. */
  randomKey(): Buffer | undefined;
  /** Number of keys with a TTL. */
  expiresCount(): number;
}
