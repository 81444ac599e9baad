import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';
import type { Database } from '../keyspace/database.js';
import { estimateIdleTimeMs, lfuDecayedCounter } from './access-clock.js';
import { memoryUsage } from './memory-estimate.js';
import type { StoreNode } from './node.js';
import { clientsPaused } from './client-pause.js';

/** shared.oomerr */
export const oomError = "OOM command not allowed when used memory > 'maxmemory'.";

/** Keys evicted at most per command (Redis bounds its loop by time; a bound keeps a huge miss finite). */
const EVICTIONS_PER_CALL_MAX = 10_000;

interface Candidate {
  readonly db: Database;
  readonly key: Buffer;
  /** Higher is a better victim (idle time, 255 - frequency, or -expire time). */
  readonly score: number;
}

/**
 * performEvictions (evict.c): while the estimated used memory is above
 * maxmemory, evict keys by the policy, sampling maxmemory-samples keys per db
 * for the LRU, LFU and TTL policies (without Redis's eviction pool). 'fail'
 * when memory stays above the limit (noeviction, or nothing left to evict).
 * The estimate walks the dataset, so this costs O(keys) per command while a
 * maxmemory is set.
 */
export function performEvictions(node: StoreNode, rng: Prng): 'ok' | 'fail' {
  const maxmemory = node.config.integer('maxmemory');
  if (maxmemory === 0) return 'ok';
  if (node.isReplica && node.config.flag('replica-ignore-maxmemory')) return 'ok';
  // isSafeToPerformEvictions: no eviction while clients are paused.
  if (clientsPaused(node)) return 'ok';
  let used = node.estimatedMemoryBytes();
  if (used <= maxmemory) return 'ok';
  const policy = node.config.get('maxmemory-policy');
  if (policy === 'noeviction') return 'fail';
  for (let evicted = 0; used > maxmemory && evicted < EVICTIONS_PER_CALL_MAX; evicted++) {
    const victim = chooseVictim(node, policy, rng);
    if (victim === undefined) return 'fail';
    const value = victim.db.peek(victim.key);
    assert(value !== undefined, 'a sampled victim exists');
    used -= memoryUsage(victim.key, value, 5);
    evictKey(node, victim.db, victim.key);
  }
  return used > maxmemory ? 'fail' : 'ok';
}

function evictKey(node: StoreNode, db: Database, key: Buffer): void {
  db.delete(key);
  node.signalModifiedKey(db, key);
  node.notifyKeyspaceEvent('evicted', 'evicted', key, db.id);
  node.propagator.alsoPropagate(db.id, [node.config.flag('lazyfree-lazy-eviction') ? 'UNLINK' : 'DEL', key]);
  node.propagator.flush({ noMulti: true });
  node.stats.evictedKeys++;
}

function chooseVictim(node: StoreNode, policy: string, rng: Prng): Candidate | undefined {
  const volatileOnly = policy.startsWith('volatile-');
  const samples = node.config.integer('maxmemory-samples');
  let best: Candidate | undefined;
  for (let index = 0; index < node.databaseCount(); index++) {
    const db = node.database(index);
    if ((volatileOnly ? db.expiresCount() : db.size()) === 0) continue;
    const draws = policy.endsWith('-random') ? 1 : samples;
    for (let draw = 0; draw < draws; draw++) {
      const key = volatileOnly ? db.randomVolatileKey(rng)?.key : db.sampleKey(rng);
      if (key === undefined) break;
      const score = victimScore(node, db, key, policy);
      if (best === undefined || score > best.score) best = { db, key, score };
    }
    if (policy.endsWith('-random') && best !== undefined) return best;
  }
  return best;
}

function victimScore(node: StoreNode, db: Database, key: Buffer, policy: string): number {
  const nowMs = node.env.clock.nowMs();
  const access = db.accessField(key) ?? 0;
  if (policy.endsWith('-lru')) return estimateIdleTimeMs(access, nowMs);
  if (policy.endsWith('-lfu')) return 255 - lfuDecayedCounter(access, nowMs, node.accessPolicy().decayTimeMinutes);
  if (policy === 'volatile-ttl') return -(db.getExpire(key) ?? 0);
  return 0;
}
