import { assert } from '../../core/assert.js';
import type { Database } from '../keyspace/database.js';
import { binaryKey } from '../keyspace/object.js';
import type { Client } from './client.js';

interface WatchedKey {
  readonly client: Client;
  readonly dbIndex: number;
  readonly key: Buffer;
  /** The key was already logically expired when WATCH ran. */
  expired: boolean;
}

/**
 * WATCH bookkeeping (multi.c): per db, the clients watching each key; per
 * client, its watched keys. A touched key marks its watchers CLIENT_DIRTY_CAS.
 */
export class WatchRegistry {
  private readonly byDb = new Map<number, Map<string, WatchedKey[]>>();
  private readonly byClient = new Map<Client, WatchedKey[]>();

  constructor(private readonly database: (index: number) => Database) {}

  watch(client: Client, key: Buffer): void {
    const mine = this.byClient.get(client) ?? [];
    if (mine.some((watched) => watched.dbIndex === client.dbIndex && watched.key.equals(key))) return;
    const db = this.database(client.dbIndex);
    const watched: WatchedKey = { client, dbIndex: client.dbIndex, key: Buffer.from(key), expired: db.isExpired(key) };
    mine.push(watched);
    this.byClient.set(client, mine);
    const keys = this.keysOf(client.dbIndex);
    const name = binaryKey(key);
    const watchers = keys.get(name) ?? [];
    watchers.push(watched);
    keys.set(name, watchers);
  }

  unwatchAll(client: Client): void {
    const mine = this.byClient.get(client);
    if (mine === undefined) return;
    this.byClient.delete(client);
    for (const watched of mine) {
      const keys = this.keysOf(watched.dbIndex);
      const name = binaryKey(watched.key);
      const watchers = keys.get(name);
      assert(watchers !== undefined, 'a watched key is registered in its db');
      const remaining = watchers.filter((entry) => entry !== watched);
      if (remaining.length === 0) keys.delete(name);
      else keys.set(name, remaining);
    }
  }

  watchedKeyCount(client: Client): number {
    return this.byClient.get(client)?.length ?? 0;
  }

  /** Keys watched in all dbs (INFO's watching_clients / total_watched_keys are 7.2; kept for CLIENT LIST). */
  totalWatchedKeys(): number {
    let total = 0;
    for (const keys of this.byDb.values()) total += keys.size;
    return total;
  }

  /** touchWatchedKey, including 7.0.15's handling of keys that were expired at WATCH time. */
  touch(db: Database, key: Buffer): void {
    const keys = this.byDb.get(db.id);
    if (keys === undefined || keys.size === 0) return;
    const watchers = keys.get(binaryKey(key));
    if (watchers === undefined) return;
    for (const watched of watchers.slice()) {
      if (watched.expired) {
        if (db.peek(key) === undefined) {
          watched.expired = false;
          continue;
        }
        // Redis 7.0.15 leaves the loop here (`break`), sparing the remaining watchers.
        break;
      }
      watched.client.watchDirty = true;
      this.unwatchAll(watched.client);
    }
  }

  /** touchAllWatchedKeysInDb: FLUSHDB/FLUSHALL (replacedWith undefined) and SWAPDB. */
  touchAllInDb(emptied: Database, replacedWith: Database | undefined): void {
    const keys = this.byDb.get(emptied.id);
    if (keys === undefined) return;
    for (const watchers of keys.values()) {
      const key = (watchers[0] as WatchedKey).key;
      const existsInEmptied = emptied.peek(key) !== undefined;
      const existsInReplacement = replacedWith !== undefined && replacedWith.peek(key) !== undefined;
      if (!existsInEmptied && !existsInReplacement) continue;
      for (const watched of watchers) {
        if (watched.expired) {
          if (!existsInReplacement) {
            watched.expired = false;
            continue;
          }
          if (replacedWith.isExpired(key)) continue;
        } else if (!existsInEmptied && replacedWith !== undefined && replacedWith.isExpired(key)) {
          watched.expired = true;
          continue;
        }
        watched.client.watchDirty = true;
      }
    }
  }

  /** isWatchedKeyExpired: a watched key (not expired at WATCH time) has expired since. */
  isWatchedKeyExpired(client: Client): boolean {
    const mine = this.byClient.get(client) ?? [];
    return mine.some((watched) => !watched.expired && this.database(watched.dbIndex).isExpired(watched.key));
  }

  private keysOf(dbIndex: number): Map<string, WatchedKey[]> {
    let keys = this.byDb.get(dbIndex);
    if (keys === undefined) {
      keys = new Map();
      this.byDb.set(dbIndex, keys);
    }
    return keys;
  }
}
