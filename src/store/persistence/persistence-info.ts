import type { InfoFields } from '../server/info.js';
import type { Persistence } from './persistence.js';

/** INFO persistence as Redis 7.0 prints it (the fields a simulated node can know). */
export function persistenceInfo(persistence: Persistence): InfoFields {
  const node = persistence.node;
  const aof = persistence.aof;
  const nowMs = node.env.clock.nowMs();
  const child = persistence.childActive() ? persistence.child : undefined;
  const childSeconds = child === undefined ? -1 : Math.floor((nowMs - child.startedAtMs) / 1000);
  const fields: [string, string | number][] = [
    ['loading', node.loading ? 1 : 0],
    ['async_loading', 0],
    ['current_cow_peak', 0],
    ['current_cow_size', 0],
    ['current_cow_size_age', 0],
    ['current_fork_perc', '0.00'],
    ['current_save_keys_processed', 0],
    ['current_save_keys_total', 0],
    ['rdb_changes_since_last_save', node.stats.dirty],
    ['rdb_bgsave_in_progress', child?.kind === 'rdb' ? 1 : 0],
    ['rdb_last_save_time', node.lastSaveSeconds],
    ['rdb_last_bgsave_status', persistence.rdb.lastBgsaveStatus],
    ['rdb_last_bgsave_time_sec', persistence.rdb.lastBgsaveSeconds],
    ['rdb_current_bgsave_time_sec', child?.kind === 'rdb' ? childSeconds : -1],
    ['rdb_saves', persistence.rdb.saves],
    ['rdb_last_cow_size', 0],
    ['rdb_last_load_keys_expired', persistence.lastLoad.keysExpired],
    ['rdb_last_load_keys_loaded', persistence.lastLoad.keysLoaded],
    ['aof_enabled', aof.state !== 'off' ? 1 : 0],
    ['aof_rewrite_in_progress', child?.kind === 'aof' ? 1 : 0],
    ['aof_rewrite_scheduled', aof.rewriteScheduled ? 1 : 0],
    ['aof_last_rewrite_time_sec', aof.lastRewriteSeconds],
    ['aof_current_rewrite_time_sec', child?.kind === 'aof' ? childSeconds : -1],
    ['aof_last_bgrewrite_status', aof.lastRewriteStatus],
    ['aof_rewrites', aof.rewrites],
    ['aof_rewrites_consecutive_failures', aof.rewriteConsecutiveFailures],
    ['aof_last_write_status', aof.lastWriteStatus === 'ok' && aof.backgroundFsyncStatus === 'ok' ? 'ok' : 'err'],
    ['aof_last_cow_size', 0],
    ['module_fork_in_progress', 0],
    ['module_fork_last_cow_size', 0],
  ];
  if (node.config.flag('appendonly')) {
    fields.push(
      ['aof_current_size', aof.currentSize],
      ['aof_base_size', aof.rewriteBaseSize],
      ['aof_pending_rewrite', aof.rewriteScheduled ? 1 : 0],
      ['aof_buffer_length', aof.bufferedBytes()],
      ['aof_pending_bio_fsync', aof.backgroundFsyncsPending],
      ['aof_delayed_fsync', aof.delayedFsync],
    );
  }
  return fields;
}
