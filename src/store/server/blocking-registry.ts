import { assert } from '../../core/assert.js';
import type { Database } from '../keyspace/database.js';
import { binaryKey } from '../keyspace/object.js';
import type { Client } from './client.js';

interface ReadyKey {
  readonly dbIndex: number;
  readonly key: Buffer;
}

/**
 * Clients blocked on keys (blocked.c): per db and key, the blocked clients in
 * the order they blocked; and the keys signalled ready since the last time
 * they were served, in signal order (server.ready_keys).
 */
export class BlockingRegistry {
  private readonly blockedByKey = new Map<number, Map<string, { readonly key: Buffer; clients: Client[] }>>();
  private readyKeys: ReadyKey[] = [];
  private readonly readyByDb = new Map<number, Set<string>>();
  private readonly blocked = new Set<Client>();

  /** Registers a client (already carrying its BlockedState) on its keys. */
  add(client: Client): void {
    const blocked = client.blocked;
    assert(blocked !== undefined, 'a client registered as blocked has a blocked state');
    const keys = this.keysOf(blocked.dbIndex);
    const seen = new Set<string>();
    for (const key of blocked.options.keys) {
      const name = binaryKey(key);
      if (seen.has(name)) continue;
      seen.add(name);
      const waiting = keys.get(name) ?? { key: Buffer.from(key), clients: [] };
      waiting.clients.push(client);
      keys.set(name, waiting);
    }
    this.blocked.add(client);
  }

  /** Removes a client from every key it waits on; its BlockedState is left to the caller. */
  remove(client: Client): void {
    const blocked = client.blocked;
    assert(blocked !== undefined, 'only a blocked client is removed');
    const keys = this.keysOf(blocked.dbIndex);
    for (const key of blocked.options.keys) {
      const name = binaryKey(key);
      const waiting = keys.get(name);
      if (waiting === undefined) continue;
      waiting.clients = waiting.clients.filter((other) => other !== client);
      if (waiting.clients.length === 0) keys.delete(name);
    }
    assert(this.blocked.delete(client), 'a removed client was registered');
  }

  /** blocked_clients for INFO. */
  count(): number {
    return this.blocked.size;
  }

  /** Every blocked client, in the order they blocked. */
  clients(): Client[] {
    return Array.from(this.blocked);
  }

  /** The clients waiting on a key, first blocked first. */
  clientsBlockedOn(dbIndex: number, key: Buffer): readonly Client[] {
    return this.blockedByKey.get(dbIndex)?.get(binaryKey(key))?.clients ?? [];
  }

  /** signalKeyAsReady: queued once until served, and only if someone waits on it. */
  signalReady(db: Database, key: Buffer): void {
    const name = binaryKey(key);
    if (!this.blockedByKey.get(db.id)?.has(name)) return;
    let ready = this.readyByDb.get(db.id);
    if (ready === undefined) {
      ready = new Set();
      this.readyByDb.set(db.id, ready);
    }
    if (ready.has(name)) return;
    ready.add(name);
    this.readyKeys.push({ dbIndex: db.id, key: Buffer.from(key) });
  }

  hasReadyKeys(): boolean {
    return this.readyKeys.length > 0;
  }

  /** Takes the keys signalled so far (new signals go to a fresh list, as Redis does). */
  takeReadyKeys(): ReadyKey[] {
    const taken = this.readyKeys;
    this.readyKeys = [];
    return taken;
  }

  /** Forgets a key's ready mark just before serving it, so serving may signal it again. */
  clearReady(dbIndex: number, key: Buffer): void {
    this.readyByDb.get(dbIndex)?.delete(binaryKey(key));
  }

  /** SWAPDB: the blocked clients stay with the db index; keys that now hold data become ready. */
  keysWithBlockedClients(dbIndex: number): Buffer[] {
    return Array.from(this.blockedByKey.get(dbIndex)?.values() ?? [], (waiting) => waiting.key);
  }

  private keysOf(dbIndex: number): Map<string, { readonly key: Buffer; clients: Client[] }> {
    let keys = this.blockedByKey.get(dbIndex);
    if (keys === undefined) {
      keys = new Map();
      this.blockedByKey.set(dbIndex, keys);
    }
    return keys;
  }
}
