import { REDIS_VERSION } from './version.js';
import { lruClock } from './access-clock.js';
import type { StoreNode } from './node.js';
import { diagnosticsOf } from './diagnostics-state.js';
import { bucketsOf, valueAtPercentileNs } from './latency-histogram.js';

export type InfoFields = readonly (readonly [string, string | number])[];

/** Another layer's fields for a section (persistence, replication): they replace same-named defaults and add new ones. */
export type InfoProvider = () => InfoFields;

const DEFAULT_SECTIONS = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'modules', 'errorstats', 'cluster', 'keyspace'];
const ALL_SECTIONS = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'modules', 'commandstats', 'errorstats', 'latencystats', 'cluster', 'keyspace'];

const TITLES: Readonly<Record<string, string>> = {
  server: 'Server', clients: 'Clients', memory: 'Memory', persistence: 'Persistence', stats: 'Stats', replication: 'Replication',
  cpu: 'CPU', modules: 'Modules', commandstats: 'Commandstats', errorstats: 'Errorstats', latencystats: 'Latencystats',
  cluster: 'Cluster', keyspace: 'Keyspace',
};

function humanBytes(bytes: number): string {
  const units = ['B', 'K', 'M', 'G', 'T', 'P'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes}B` : `${value.toFixed(2)}${units[unit]}`;
}

function serverFields(node: StoreNode): InfoFields {
  const nowMs = node.env.clock.nowMs();
  const uptimeSeconds = Math.floor((nowMs - node.startTimeMs) / 1000);
  return [
    ['redis_version', REDIS_VERSION], ['redis_git_sha1', '00000000'], ['redis_git_dirty', 0], ['redis_build_id', '0'],
    ['redis_mode', node.config.flag('cluster-enabled') ? 'cluster' : 'standalone'], ['os', 'redsim'], ['arch_bits', 64],
    ['monotonic_clock', 'POSIX clock_gettime'], ['multiplexing_api', 'redsim'], ['atomicvar_api', 'c11-builtin'], ['gcc_version', '0.0.0'],
    ['process_id', node.env.pid], ['process_supervised', 'no'], ['run_id', node.runId], ['tcp_port', node.config.integer('port')],
    ['server_time_usec', node.env.clock.nowUs()], ['uptime_in_seconds', uptimeSeconds], ['uptime_in_days', Math.floor(uptimeSeconds / 86400)],
    ['hz', node.config.integer('hz')], ['configured_hz', node.config.integer('hz')], ['lru_clock', lruClock(nowMs)],
    ['executable', ''], ['config_file', ''], ['io_threads_active', 0],
  ];
}

function clientsFields(node: StoreNode): InfoFields {
  return [
    ['connected_clients', node.clients.size], ['cluster_connections', 0], ['maxclients', node.config.integer('maxclients')],
    ['client_recent_max_input_buffer', 0], ['client_recent_max_output_buffer', 0], ['blocked_clients', node.blocking.count()],
    ['tracking_clients', 0], ['clients_in_timeout_table', node.blocking.count()],
  ];
}

/** used_memory_startup: the fixed overhead estimatedMemoryBytes starts from. */
const STARTUP_MEMORY_BYTES = 876_224;
/** A fixed total_system_memory (the simulated host's), 16 GiB. */
const SYSTEM_MEMORY_BYTES = 17_179_869_184;

/** INFO memory in Redis 7.0's field order; allocator and Lua figures are fixed stand-ins. */
function memoryFields(node: StoreNode): InfoFields {
  const used = node.estimatedMemoryBytes();
  const maxmemory = node.config.integer('maxmemory');
  const dataset = Math.max(0, used - STARTUP_MEMORY_BYTES);
  const datasetPercent = (dataset * 100) / Math.max(1, used - STARTUP_MEMORY_BYTES);
  return [
    ['used_memory', used], ['used_memory_human', humanBytes(used)], ['used_memory_rss', used], ['used_memory_rss_human', humanBytes(used)],
    ['used_memory_peak', used], ['used_memory_peak_human', humanBytes(used)], ['used_memory_peak_perc', '100.00%'],
    ['used_memory_overhead', STARTUP_MEMORY_BYTES], ['used_memory_startup', STARTUP_MEMORY_BYTES], ['used_memory_dataset', dataset],
    ['used_memory_dataset_perc', `${datasetPercent.toFixed(2)}%`], ['allocator_allocated', used], ['allocator_active', used], ['allocator_resident', used],
    ['total_system_memory', SYSTEM_MEMORY_BYTES], ['total_system_memory_human', humanBytes(SYSTEM_MEMORY_BYTES)],
    // Redis 7.0's figures with no script cached; the scripting layer's provider replaces them once it is in use.
    ['used_memory_lua', 32768], ['used_memory_vm_eval', 32768], ['used_memory_lua_human', '32.00K'], ['used_memory_scripts_eval', 0],
    ['number_of_cached_scripts', 0], ['number_of_functions', 0], ['number_of_libraries', 0], ['used_memory_vm_functions', 33792],
    ['used_memory_vm_total', 66560], ['used_memory_vm_total_human', '65.00K'], ['used_memory_functions', 200], ['used_memory_scripts', 200],
    ['used_memory_scripts_human', '200B'],
    ['maxmemory', maxmemory], ['maxmemory_human', humanBytes(maxmemory)], ['maxmemory_policy', node.config.get('maxmemory-policy')],
    ['allocator_frag_ratio', '1.00'], ['allocator_frag_bytes', 0], ['allocator_rss_ratio', '1.00'], ['allocator_rss_bytes', 0],
    ['rss_overhead_ratio', '1.00'], ['rss_overhead_bytes', 0], ['mem_fragmentation_ratio', '1.00'], ['mem_fragmentation_bytes', 0],
    ['mem_not_counted_for_evict', 0], ['mem_replication_backlog', 0], ['mem_total_replication_buffers', 0], ['mem_clients_slaves', 0],
    ['mem_clients_normal', 0], ['mem_cluster_links', 0], ['mem_aof_buffer', 0], ['mem_allocator', 'jemalloc-5.3.0'], ['active_defrag_running', 0],
    ['lazyfree_pending_objects', 0], ['lazyfreed_objects', 0],
  ];
}

/** INFO persistence in Redis 7.0's order; the persistence layer's provider replaces the values it knows. */
function persistenceFields(node: StoreNode): InfoFields {
  return [
    ['loading', node.loading ? 1 : 0], ['async_loading', 0], ['current_cow_peak', 0], ['current_cow_size', 0], ['current_cow_size_age', 0],
    ['current_fork_perc', '0.00'], ['current_save_keys_processed', 0], ['current_save_keys_total', 0],
    ['rdb_changes_since_last_save', node.stats.dirty], ['rdb_bgsave_in_progress', 0],
    ['rdb_last_save_time', node.lastSaveSeconds], ['rdb_last_bgsave_status', 'ok'], ['rdb_last_bgsave_time_sec', -1], ['rdb_current_bgsave_time_sec', -1],
    ['rdb_saves', 0], ['rdb_last_cow_size', 0], ['rdb_last_load_keys_expired', 0], ['rdb_last_load_keys_loaded', 0],
    ['aof_enabled', node.config.flag('appendonly') ? 1 : 0], ['aof_rewrite_in_progress', 0], ['aof_rewrite_scheduled', 0],
    ['aof_last_rewrite_time_sec', -1], ['aof_current_rewrite_time_sec', -1], ['aof_last_bgrewrite_status', 'ok'], ['aof_rewrites', 0],
    ['aof_rewrites_consecutive_failures', 0], ['aof_last_write_status', 'ok'], ['aof_last_cow_size', 0], ['module_fork_in_progress', 0],
    ['module_fork_last_cow_size', 0],
  ];
}

/** INFO stats in Redis 7.0's order; rates, defrag and tracking figures are zero. */
function statsFields(node: StoreNode): InfoFields {
  const stats = node.stats;
  return [
    ['total_connections_received', stats.numConnections], ['total_commands_processed', stats.numCommands], ['instantaneous_ops_per_sec', 0],
    ['total_net_input_bytes', stats.netInputBytes], ['total_net_output_bytes', stats.netOutputBytes], ['total_net_repl_input_bytes', 0],
    ['total_net_repl_output_bytes', 0], ['instantaneous_input_kbps', '0.00'], ['instantaneous_output_kbps', '0.00'],
    ['instantaneous_input_repl_kbps', '0.00'], ['instantaneous_output_repl_kbps', '0.00'], ['rejected_connections', stats.rejectedConnections],
    ['sync_full', 0], ['sync_partial_ok', 0], ['sync_partial_err', 0], ['expired_keys', stats.expiredKeys],
    ['expired_stale_perc', (stats.expiredStalePercent * 100).toFixed(2)], ['expired_time_cap_reached_count', stats.expiredTimeCapReachedCount],
    ['expire_cycle_cpu_milliseconds', Math.floor(stats.expireCycleTimeUsedUs / 1000)], ['evicted_keys', stats.evictedKeys], ['evicted_clients', 0],
    ['total_eviction_exceeded_time', 0], ['current_eviction_exceeded_time', 0],
    ['keyspace_hits', stats.keyspaceHits], ['keyspace_misses', stats.keyspaceMisses], ['pubsub_channels', node.pubsub.channelCount()],
    ['pubsub_patterns', node.pubsub.patternCount()], ['pubsubshard_channels', node.pubsub.shardChannelCount()], ['latest_fork_usec', 0], ['total_forks', 0],
    ['migrate_cached_sockets', 0], ['slave_expires_tracked_keys', 0], ['active_defrag_hits', 0], ['active_defrag_misses', 0],
    ['active_defrag_key_hits', 0], ['active_defrag_key_misses', 0], ['total_active_defrag_time', 0], ['current_active_defrag_time', 0],
    ['tracking_total_keys', 0], ['tracking_total_items', 0], ['tracking_total_prefixes', 0],
    ['unexpected_error_replies', stats.unexpectedErrorReplies], ['total_error_replies', stats.totalErrorReplies], ['dump_payload_sanitizations', 0],
    ['total_reads_processed', stats.readsProcessed], ['total_writes_processed', stats.writesProcessed], ['io_threaded_reads_processed', 0],
    ['io_threaded_writes_processed', 0], ['reply_buffer_shrinks', 0], ['reply_buffer_expands', 0],
  ];
}

function replicationFields(node: StoreNode): InfoFields {
  return [
    ['role', node.isReplica ? 'slave' : 'master'], ['connected_slaves', 0], ['master_failover_state', 'no-failover'],
    ['master_replid', node.runId], ['master_replid2', '0'.repeat(40)], ['master_repl_offset', 0], ['second_repl_offset', -1],
    ['repl_backlog_active', 0], ['repl_backlog_size', node.config.integer('repl-backlog-size')], ['repl_backlog_first_byte_offset', 0], ['repl_backlog_histlen', 0],
  ];
}

function cpuFields(): InfoFields {
  return [
    ['used_cpu_sys', '0.000000'], ['used_cpu_user', '0.000000'], ['used_cpu_sys_children', '0.000000'], ['used_cpu_user_children', '0.000000'],
    ['used_cpu_sys_main_thread', '0.000000'], ['used_cpu_user_main_thread', '0.000000'],
  ];
}

function commandstatsFields(node: StoreNode): InfoFields {
  const fields: [string, string][] = [];
  for (const [name, stats] of node.stats.commands) {
    if (stats.calls === 0 && stats.rejectedCalls === 0 && stats.failedCalls === 0) continue;
    const perCall = stats.calls === 0 ? 0 : stats.microseconds / stats.calls;
    fields.push([`cmdstat_${name}`, `calls=${stats.calls},usec=${stats.microseconds},usec_per_call=${perCall.toFixed(2)},rejected_calls=${stats.rejectedCalls},failed_calls=${stats.failedCalls}`]);
  }
  return fields;
}

/**
 * latency_percentiles_usec_<command> for every command that ran (Redis
 * creates the histogram at the first call), at the percentiles of
 * latency-tracking-info-percentiles. A simulated command takes no time:
 * its percentiles are the histogram's floor of 1 ns.
 */
function latencystatsFields(node: StoreNode): InfoFields {
  if (node.config.lookup('latency-tracking') !== undefined && !node.config.flag('latency-tracking')) return [];
  const percentiles = trackedPercentiles(node);
  const diagnostics = diagnosticsOf(node);
  const fields: [string, string][] = [];
  for (const [name, stats] of node.stats.commands) {
    if (stats.calls === 0) continue;
    const buckets = bucketsOf(diagnostics.histogramNamed(name), stats.calls);
    if (buckets.length === 0) continue;
    const values = percentiles.map((percentile) => `p${percentile}=${(valueAtPercentileNs(buckets, percentile) / 1000).toFixed(3)}`);
    fields.push([`latency_percentiles_usec_${name}`, values.join(',')]);
  }
  return fields;
}

function trackedPercentiles(node: StoreNode): number[] {
  const text = node.config.lookup('latency-tracking-info-percentiles') === undefined ? '50 99 99.9' : node.config.get('latency-tracking-info-percentiles');
  return text.split(' ').filter((word) => word !== '').map(Number).filter((value) => Number.isFinite(value));
}

function errorstatsFields(node: StoreNode): InfoFields {
  return Array.from(node.stats.errorCounts, ([code, count]) => [`errorstat_${code}`, `count=${count}`] as const);
}

function keyspaceFields(node: StoreNode): InfoFields {
  const fields: [string, string][] = [];
  for (let index = 0; index < node.databaseCount(); index++) {
    const db = node.database(index);
    if (db.size() === 0) continue;
    fields.push([`db${index}`, `keys=${db.size()},expires=${db.expiresCount()},avg_ttl=${db.averageTtlMs}`]);
  }
  return fields;
}

function sectionFields(node: StoreNode, section: string): InfoFields {
  switch (section) {
    case 'server': return serverFields(node);
    case 'clients': return clientsFields(node);
    case 'memory': return memoryFields(node);
    case 'persistence': return persistenceFields(node);
    case 'stats': return statsFields(node);
    case 'replication': return replicationFields(node);
    case 'cpu': return cpuFields();
    case 'commandstats': return commandstatsFields(node);
    case 'errorstats': return errorstatsFields(node);
    case 'latencystats': return latencystatsFields(node);
    case 'cluster': return [['cluster_enabled', node.config.flag('cluster-enabled') ? 1 : 0]];
    case 'keyspace': return keyspaceFields(node);
    default: return [];
  }
}

/** Merges provider fields into the defaults: same names replaced in place, new names appended. */
function mergedFields(node: StoreNode, section: string): InfoFields {
  const fields = new Map<string, string | number>(sectionFields(node, section));
  for (const provider of node.infoProviders.get(section) ?? []) {
    for (const [name, value] of provider()) fields.set(name, value);
  }
  return Array.from(fields);
}

/** Which sections INFO prints for its arguments (genInfoSectionDict). */
export function selectedSections(argumentsLower: readonly string[]): string[] {
  if (argumentsLower.length === 0) return DEFAULT_SECTIONS;
  const wanted = new Set<string>();
  for (const argument of argumentsLower) {
    if (argument === 'default') DEFAULT_SECTIONS.forEach((section) => wanted.add(section));
    else if (argument === 'all' || argument === 'everything') ALL_SECTIONS.forEach((section) => wanted.add(section));
    else wanted.add(argument);
  }
  return ALL_SECTIONS.filter((section) => wanted.has(section));
}

/** The INFO text for these sections: `# Title` then `name:value` lines, sections separated by a blank line. */
export function infoText(node: StoreNode, sections: readonly string[]): string {
  const blocks: string[] = [];
  for (const section of sections) {
    const lines = [`# ${TITLES[section] ?? section}`];
    for (const [name, value] of mergedFields(node, section)) lines.push(`${name}:${value}`);
    blocks.push(lines.map((line) => `${line}\r\n`).join(''));
  }
  return blocks.join('\r\n');
}
