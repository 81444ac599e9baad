import { estimateIdleTimeMs, LRU_CLOCK_MAX, lfuDecayedCounter, lruClock } from '../server/access-clock.js';
import type { StoreNode } from '../server/node.js';
import { functionLibrariesOf } from './function-libraries-port.js';
import type { LoadedDatabases, LoadedKey } from './rdb/rdb-loader.js';
import type { RdbDatabaseSource, RdbDatasetSource, RdbKeyEntry } from './rdb/rdb-writer.js';

type AccessKind = 'lru' | 'lfu' | 'none';

/** Which access field the RDB carries: IDLE under an LRU maxmemory policy, FREQ under LFU (rdbSaveKeyValuePair). */
function savedAccessKind(node: StoreNode): AccessKind {
  const policy = node.config.get('maxmemory-policy');
  if (policy.endsWith('-lru')) return 'lru';
  if (policy.endsWith('-lfu')) return 'lfu';
  return 'none';
}

/**
 * The node's databases as the RDB writer reads them, with its function
 * libraries. Values are the live objects: callers that write over time
 * must serialize at once (BGSAVE does, which makes its file a
 * point-in-time snapshot).
 */
export function databaseSources(node: StoreNode): RdbDatasetSource {
  return Object.assign(keyspaceSources(node), { functionLibraries: functionLibrariesOf(node)?.codes() ?? [] });
}

function keyspaceSources(node: StoreNode): RdbDatabaseSource[] {
  const nowMs = node.env.clock.nowMs();
  const access = savedAccessKind(node);
  const decayMinutes = node.config.integer('lfu-decay-time');
  const sources: RdbDatabaseSource[] = [];
  for (let index = 0; index < node.databaseCount(); index++) {
    const db = node.database(index);
    sources.push({
      id: index,
      size: db.size(),
      expiresCount: db.expiresCount(),
      *entries(): Iterable<RdbKeyEntry> {
        for (const [key, value, expireAtMs] of db.entriesWithExpiry()) {
          const field = db.accessField(key) ?? 0;
          yield {
            key,
            value,
            expireAtMs,
            ...(access === 'lru' ? { idleSeconds: Math.floor(estimateIdleTimeMs(field, nowMs) / 1000) } : {}),
            ...(access === 'lfu' ? { lfuCounter: lfuDecayedCounter(field, nowMs, decayMinutes) } : {}),
          };
        }
      },
    });
  }
  return sources;
}

/** objectSetLRUOrLFU: the `lru` field a loaded key gets from its IDLE or FREQ opcode, if the policy uses it. */
function loadedAccessField(node: StoreNode, loaded: LoadedKey, nowMs: number): number | undefined {
  const access = savedAccessKind(node);
  if (access === 'lfu' && loaded.lfuFrequency !== undefined) return ((Math.floor(nowMs / 60_000) & 65535) << 8) | Math.min(255, loaded.lfuFrequency);
  if (access !== 'lfu' && loaded.idleSeconds !== undefined) {
    const clock = lruClock(nowMs);
    const absolute = clock - loaded.idleSeconds;
    return absolute >= 0 ? absolute : absolute + LRU_CLOCK_MAX + 1;
  }
  return undefined;
}

/**
 * emptyData's functionsLibCtxClearCurrent, then rdbFunctionLoad of each
 * library. Redis fails the whole load when a library does not compile; the
 * keys are applied here regardless and the failure is logged.
 */
function replaceFunctionLibraries(node: StoreNode, codes: readonly Buffer[]): void {
  const error = functionLibrariesOf(node)?.replaceAll(codes);
  if (error !== undefined) node.env.log('warning', `Failed loading library, ${error}`);
}

/**
 * Replaces the node's dataset with what was loaded: every database emptied,
 * then the loaded keys added with their expiry and access field. Callers
 * load first (nothing half-loaded on error), then apply.
 */
export function replaceDataset(node: StoreNode, databases: LoadedDatabases): void {
  const nowMs = node.env.clock.nowMs();
  if (databases.functionLibraries !== undefined) replaceFunctionLibraries(node, databases.functionLibraries);
  for (let index = 0; index < node.databaseCount(); index++) {
    const db = node.database(index);
    db.clear();
    for (const loaded of databases.get(index) ?? []) addLoadedKey(node, db, loaded, nowMs);
  }
}

function addLoadedKey(node: StoreNode, db: ReturnType<StoreNode['database']>, loaded: LoadedKey, nowMs: number): void {
  db.add(loaded.key, loaded.value);
  if (loaded.expireAtMs !== undefined) db.setExpire(loaded.key, loaded.expireAtMs);
  const field = loadedAccessField(node, loaded, nowMs);
  if (field !== undefined) db.setAccessField(loaded.key, field);
}

/**
 * DEBUG RELOAD NOFLUSH: rdbLoad on top of the dataset. Under MERGE
 * (RDBFLAGS_ALLOW_DUP) a loaded key or library replaces the existing one;
 * without it a duplicated library fails the load (and a duplicated key,
 * on which Redis panics, fails it too). Returns whether it loaded.
 */
export function mergeDataset(node: StoreNode, databases: LoadedDatabases, allowDuplicates: boolean): boolean {
  const codes = databases.functionLibraries ?? [];
  const error = codes.length === 0 ? undefined : functionLibrariesOf(node)?.load(codes, allowDuplicates);
  if (error !== undefined) {
    node.env.log('warning', `Failed loading library, ${error}`);
    return false;
  }
  const nowMs = node.env.clock.nowMs();
  for (let index = 0; index < node.databaseCount(); index++) {
    const db = node.database(index);
    for (const loaded of databases.get(index) ?? []) {
      if (db.peek(loaded.key) !== undefined) {
        if (!allowDuplicates) {
          node.env.log('warning', `RDB has duplicated key '${loaded.key.toString('latin1')}' in DB ${index}`);
          return false;
        }
        db.delete(loaded.key);
      }
      addLoadedKey(node, db, loaded, nowMs);
    }
  }
  return true;
}
