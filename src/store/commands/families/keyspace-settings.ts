/**
 * The server settings and databases the key, string and bit commands read
 * beyond the CommandContext contract (Redis reads them from `server.*`):
 * lazyfree flags (which decide DEL vs UNLINK in propagation),
 * proto-max-bulk-len, integer sharing, and the other databases of MOVE/COPY.
 */
import type { CommandContext } from '../command.js';
import type { Database } from '../../keyspace/database.js';
import type { Db } from '../../keyspace/db.js';
import type { StoreConfig } from '../../server/config.js';
import { serverContext } from '../../server/execution-context.js';
import type { SharingPolicy } from '../../types/string.js';

/** lazyfree-lazy-expire: an expire in the past deletes and propagates UNLINK instead of DEL. */
export function lazyExpireDeletes(ctx: CommandContext): boolean {
  return serverContext(ctx).node.config.flag('lazyfree-lazy-expire');
}

/** lazyfree-lazy-user-del: DEL and GETDEL free lazily (GETDEL then propagates UNLINK). */
export function lazyUserDeletes(ctx: CommandContext): boolean {
  return serverContext(ctx).node.config.flag('lazyfree-lazy-user-del');
}

/** The name Redis propagates a deletion with after an expire in the past. */
export function expireDeletionCommand(ctx: CommandContext): 'DEL' | 'UNLINK' {
  return lazyExpireDeletes(ctx) ? 'UNLINK' : 'DEL';
}

/** proto-max-bulk-len: the largest string a client may build. */
export function protoMaxBulkLength(ctx: CommandContext): number {
  return serverContext(ctx).node.config.integer('proto-max-bulk-len');
}

/** Each config's sharing policy, recomputed after a change (it is read by every integer write). */
const sharingPolicies = new WeakMap<StoreConfig, { policy: SharingPolicy | undefined }>();

/**
 * Shared integers are used unless maxmemory is set with an LRU/LFU policy
 * (MAXMEMORY_FLAG_NO_SHARED_INTEGERS), which needs a private access field.
 */
export function sharingPolicy(ctx: CommandContext): SharingPolicy {
  const config = serverContext(ctx).node.config;
  let cached = sharingPolicies.get(config);
  if (cached === undefined) {
    const fresh: { policy: SharingPolicy | undefined } = { policy: undefined };
    config.onChange(() => {
      fresh.policy = undefined;
    });
    sharingPolicies.set(config, fresh);
    cached = fresh;
  }
  cached.policy ??= sharingPolicyOf(config);
  return cached.policy;
}

function sharingPolicyOf(config: StoreConfig): SharingPolicy {
  const policy = config.get('maxmemory-policy');
  const needsPrivateAccess = policy.endsWith('-lru') || policy.endsWith('-lfu');
  return { sharedIntegers: config.integer('maxmemory') === 0 || !needsPrivateAccess };
}

export function clusterEnabled(ctx: CommandContext): boolean {
  return serverContext(ctx).node.config.flag('cluster-enabled');
}

export function databaseCount(ctx: CommandContext): number {
  return serverContext(ctx).node.databaseCount();
}

/** Another database of this node (MOVE, COPY ... DB). */
export function databaseAt(ctx: CommandContext, index: number): Database {
  return serverContext(ctx).node.database(index);
}

/** signalModifiedKey on any database of the node (MOVE and COPY touch another one). */
export function keyModifiedIn(ctx: CommandContext, db: Db, key: Buffer): void {
  if (db.id === ctx.db.id) ctx.keyModified(key);
  else {
    const node = serverContext(ctx).node;
    node.signalModifiedKey(node.database(db.id), key);
  }
}

/**
 * checkAlreadyExpired's condition: an expire time in the past deletes the
 * key at once, except while loading and on a replica (which waits for the
 * master's DEL).
 */
export function deletesAlreadyExpired(ctx: CommandContext): boolean {
  const node = serverContext(ctx).node;
  return !node.loading && !node.isReplica;
}

/**
 * expireIfNeeded(db, key, 0) without forcing: on a master it deletes an
 * expired key (propagating DEL); a replica only reports it. True if the key
 * is logically expired.
 */
export function expireIfNeeded(ctx: CommandContext, key: Buffer): boolean {
  return serverContext(ctx).db.expireIfNeeded(key, false);
}

/** Whether a key is present in the client's database, without any side effect. */
export function keyPresent(ctx: CommandContext, key: Buffer): boolean {
  return serverContext(ctx).db.peek(key) !== undefined;
}
