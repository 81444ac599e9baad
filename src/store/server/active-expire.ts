import type { Prng } from '../../core/prng.js';
import type { Database } from '../keyspace/database.js';
import type { StoreNode } from './node.js';
import { clientsPaused } from './client-pause.js';

const KEYS_PER_LOOP = 20;
const FAST_DURATION_US = 1000;
const SLOW_TIME_PERCENT = 25;
const ACCEPTABLE_STALE_PERCENT = 10;
const DBS_PER_CALL = 16;
/**
 * The simulated cost of examining one key. Time does not pass while the
 * store computes, so the cycle's time budget is charged in examined keys:
 * at hz 10 the slow cycle may spend 25 ms, i.e. 25 000 keys.
 */
const COST_PER_SAMPLED_KEY_US = 1;

/**
 * activeExpireCycle of Redis 7.0 (expire.c): per db, sample up to 20 keys
 * with a TTL, delete the expired ones (propagated as DEL without MULTI
 * wrapping), repeat while more than 10% of the sample was stale, within a
 * time budget of 25% of the cron period. Sampling draws random volatile keys
 * from the node's `expire` stream (Redis walks its hash table buckets from a
 * cursor; that order cannot be reproduced).
 */
export class ActiveExpire {
  /** DEBUG SET-ACTIVE-EXPIRE */
  enabled = true;
  private currentDb = 0;
  private timeLimitExit = false;
  private lastFastCycleUs = 0;

  constructor(
    private readonly node: StoreNode,
    private readonly rng: Prng,
  ) {}

  runSlowCycle(): void {
    const hz = Math.max(1, this.node.config.integer('hz'));
    const effort = this.node.config.integer('active-expire-effort') - 1;
    const budgetUs = Math.max(1, Math.floor(((SLOW_TIME_PERCENT + 2 * effort) * 1_000_000) / hz / 100));
    this.run(budgetUs);
  }

  /** The beforeSleep fast cycle: only after a slow cycle ran out of time or with many stale keys. */
  runFastCycle(): void {
    const effort = this.node.config.integer('active-expire-effort') - 1;
    const acceptableStale = ACCEPTABLE_STALE_PERCENT - effort;
    if (!this.timeLimitExit && this.node.stats.expiredStalePercent < acceptableStale) return;
    const nowUs = this.node.env.clock.monotonicUs();
    const durationUs = FAST_DURATION_US + (FAST_DURATION_US / 4) * effort;
    if (nowUs < this.lastFastCycleUs + durationUs * 2) return;
    this.lastFastCycleUs = nowUs;
    this.run(durationUs);
  }

  private run(budgetUs: number): void {
    if (!this.enabled) return;
    const node = this.node;
    // While clients are paused the dataset stays still: no active expiry either (a failover waits on it).
    if (clientsPaused(node)) return;
    const effort = node.config.integer('active-expire-effort') - 1;
    const keysPerLoop = KEYS_PER_LOOP + (KEYS_PER_LOOP / 4) * effort;
    const acceptableStale = ACCEPTABLE_STALE_PERCENT - effort;
    const dbCount = node.databaseCount();
    const dbsPerCall = this.timeLimitExit ? dbCount : Math.min(DBS_PER_CALL, dbCount);
    this.timeLimitExit = false;
    const totals = { sampled: 0, expired: 0, spentUs: 0, iteration: 0 };
    for (let index = 0; index < dbsPerCall && !this.timeLimitExit; index++) {
      const db = node.database(this.currentDb % dbCount);
      this.currentDb++;
      this.expireInDb(db, { keysPerLoop, acceptableStale, budgetUs }, totals);
    }
    node.propagator.flush({ noMulti: true });
    node.stats.expireCycleTimeUsedUs += totals.spentUs;
    const currentPercent = totals.sampled > 0 ? totals.expired / totals.sampled : 0;
    node.stats.expiredStalePercent = currentPercent * 0.05 + node.stats.expiredStalePercent * 0.95;
  }

  private expireInDb(
    db: Database,
    limits: { readonly keysPerLoop: number; readonly acceptableStale: number; readonly budgetUs: number },
    totals: { sampled: number; expired: number; spentUs: number; iteration: number },
  ): void {
    for (;;) {
      totals.iteration++;
      const volatileCount = db.expiresCount();
      if (volatileCount === 0) {
        db.averageTtlMs = 0;
        return;
      }
      const sample = this.sampleOnce(db, Math.min(volatileCount, limits.keysPerLoop));
      totals.sampled += sample.sampled;
      totals.expired += sample.expired;
      totals.spentUs += sample.sampled * COST_PER_SAMPLED_KEY_US;
      if (sample.ttlSamples > 0) {
        const averageTtl = Math.floor(sample.ttlSumMs / sample.ttlSamples);
        if (db.averageTtlMs === 0) db.averageTtlMs = averageTtl;
        db.averageTtlMs = Math.floor(db.averageTtlMs / 50) * 49 + Math.floor(averageTtl / 50);
      }
      if ((totals.iteration & 0xf) === 0 && totals.spentUs > limits.budgetUs) {
        this.timeLimitExit = true;
        this.node.stats.expiredTimeCapReachedCount++;
        return;
      }
      if (sample.sampled !== 0 && Math.floor((sample.expired * 100) / sample.sampled) <= limits.acceptableStale) return;
    }
  }

  private sampleOnce(db: Database, count: number): { sampled: number; expired: number; ttlSumMs: number; ttlSamples: number } {
    const nowMs = this.node.env.clock.nowMs();
    const result = { sampled: 0, expired: 0, ttlSumMs: 0, ttlSamples: 0 };
    for (let draw = 0; draw < count; draw++) {
      const picked = db.randomVolatileKey(this.rng);
      if (picked === undefined) break;
      const ttlMs = picked.atMs - nowMs;
      if (ttlMs < 0) {
        db.delete(picked.key);
        this.node.expiredKeyDeleted(db, picked.key);
        result.expired++;
      } else if (ttlMs > 0) {
        result.ttlSumMs += ttlMs;
        result.ttlSamples++;
      }
      result.sampled++;
    }
    return result;
  }
}
