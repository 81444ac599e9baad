/**
 * The redis.conf subset the node understands, with Redis 7.0.15's names,
 * aliases, defaults (the compiled-in defaults a `redis-server` started
 * without a config file reports) and bounds. Values not used by the store
 * yet are kept so CONFIG GET/SET and the persistence and replication layers
 * can read them.
 */
export type ConfigKind =
  | { readonly type: 'integer'; readonly min: bigint; readonly max: bigint }
  | { readonly type: 'memory'; readonly min: bigint; readonly max: bigint }
  | { readonly type: 'bool' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'string' }
  /** Validated by a dedicated parser (save, client-output-buffer-limit, bind...). */
  | { readonly type: 'special' };

export interface ConfigParameter {
  readonly name: string;
  readonly alias?: string;
  readonly kind: ConfigKind;
  readonly defaultValue: string;
  /** IMMUTABLE_CONFIG: only from the config file / options. */
  readonly immutable?: boolean;
  /** PROTECTED_CONFIG: CONFIG SET refuses it (enable-protected-configs is no). */
  readonly protected?: boolean;
}

const INT_MAX = 2147483647n;
const INT_MIN = -2147483648n;
const UINT_MAX = 4294967295n;
const LONG_MAX = 9223372036854775807n;

const integer = (min: bigint | number, max: bigint): ConfigKind => ({ type: 'integer', min: BigInt(min), max });
const memory = (min: bigint | number, max: bigint): ConfigKind => ({ type: 'memory', min: BigInt(min), max });
const bool: ConfigKind = { type: 'bool' };
const text: ConfigKind = { type: 'string' };
const special: ConfigKind = { type: 'special' };
const oneOf = (...values: string[]): ConfigKind => ({ type: 'enum', values });

export const MAXMEMORY_POLICIES = ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'] as const;

export const configParameters: readonly ConfigParameter[] = [
  { name: 'port', kind: integer(0, 65535n), defaultValue: '6379' },
  { name: 'bind', kind: special, defaultValue: '* -::*' },
  { name: 'requirepass', kind: text, defaultValue: '' },
  { name: 'masterauth', kind: text, defaultValue: '' },
  { name: 'masteruser', kind: text, defaultValue: '' },
  { name: 'databases', kind: integer(1, INT_MAX), defaultValue: '16', immutable: true },
  { name: 'hz', kind: integer(0, INT_MAX), defaultValue: '10' },
  { name: 'dynamic-hz', kind: bool, defaultValue: 'yes' },
  { name: 'maxclients', kind: integer(1, UINT_MAX), defaultValue: '10000' },
  { name: 'timeout', kind: integer(0, INT_MAX), defaultValue: '0' },
  { name: 'tcp-keepalive', kind: integer(0, INT_MAX), defaultValue: '300' },
  { name: 'proto-max-bulk-len', kind: memory(1024 * 1024, LONG_MAX), defaultValue: '536870912' },
  { name: 'client-query-buffer-limit', kind: memory(1024 * 1024, LONG_MAX), defaultValue: '1073741824' },
  { name: 'client-output-buffer-limit', kind: special, defaultValue: 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60' },
  { name: 'maxmemory', kind: memory(0, 18446744073709551615n), defaultValue: '0' },
  { name: 'maxmemory-policy', kind: oneOf(...MAXMEMORY_POLICIES), defaultValue: 'noeviction' },
  { name: 'maxmemory-samples', kind: integer(1, INT_MAX), defaultValue: '5' },
  { name: 'lfu-log-factor', kind: integer(0, INT_MAX), defaultValue: '10' },
  { name: 'lfu-decay-time', kind: integer(0, INT_MAX), defaultValue: '1' },
  { name: 'active-expire-effort', kind: integer(1, 10n), defaultValue: '1' },
  { name: 'list-max-listpack-size', alias: 'list-max-ziplist-size', kind: integer(INT_MIN, INT_MAX), defaultValue: '-2' },
  { name: 'list-compress-depth', kind: integer(0, INT_MAX), defaultValue: '0' },
  { name: 'hash-max-listpack-entries', alias: 'hash-max-ziplist-entries', kind: integer(0, LONG_MAX), defaultValue: '512' },
  { name: 'hash-max-listpack-value', alias: 'hash-max-ziplist-value', kind: memory(0, LONG_MAX), defaultValue: '64' },
  { name: 'set-max-intset-entries', kind: integer(0, LONG_MAX), defaultValue: '512' },
  { name: 'zset-max-listpack-entries', alias: 'zset-max-ziplist-entries', kind: integer(0, LONG_MAX), defaultValue: '128' },
  { name: 'zset-max-listpack-value', alias: 'zset-max-ziplist-value', kind: memory(0, LONG_MAX), defaultValue: '64' },
  { name: 'appendonly', kind: bool, defaultValue: 'no' },
  { name: 'appendfsync', kind: oneOf('everysec', 'always', 'no'), defaultValue: 'everysec' },
  { name: 'appendfilename', kind: text, defaultValue: 'appendonly.aof', immutable: true },
  { name: 'appenddirname', kind: text, defaultValue: 'appendonlydir', immutable: true },
  { name: 'no-appendfsync-on-rewrite', kind: bool, defaultValue: 'no' },
  { name: 'auto-aof-rewrite-percentage', kind: integer(0, INT_MAX), defaultValue: '100' },
  { name: 'auto-aof-rewrite-min-size', kind: memory(0, LONG_MAX), defaultValue: '67108864' },
  { name: 'aof-load-truncated', kind: bool, defaultValue: 'yes' },
  { name: 'aof-use-rdb-preamble', kind: bool, defaultValue: 'yes' },
  { name: 'aof-timestamp-enabled', kind: bool, defaultValue: 'no' },
  { name: 'save', kind: special, defaultValue: '3600 1 300 100 60 10000' },
  { name: 'dir', kind: text, defaultValue: '.', protected: true },
  { name: 'dbfilename', kind: text, defaultValue: 'dump.rdb', protected: true },
  { name: 'rdbcompression', kind: bool, defaultValue: 'yes' },
  { name: 'rdbchecksum', kind: bool, defaultValue: 'yes' },
  { name: 'stop-writes-on-bgsave-error', kind: bool, defaultValue: 'yes' },
  { name: 'replicaof', alias: 'slaveof', kind: special, defaultValue: '' },
  { name: 'replica-read-only', alias: 'slave-read-only', kind: bool, defaultValue: 'yes' },
  { name: 'replica-serve-stale-data', alias: 'slave-serve-stale-data', kind: bool, defaultValue: 'yes' },
  { name: 'replica-lazy-flush', alias: 'slave-lazy-flush', kind: bool, defaultValue: 'no' },
  { name: 'replica-priority', alias: 'slave-priority', kind: integer(0, INT_MAX), defaultValue: '100' },
  { name: 'repl-backlog-size', kind: memory(1, LONG_MAX), defaultValue: '1048576' },
  { name: 'repl-backlog-ttl', kind: integer(0, INT_MAX), defaultValue: '3600' },
  { name: 'repl-timeout', kind: integer(1, INT_MAX), defaultValue: '60' },
  { name: 'repl-ping-replica-period', alias: 'repl-ping-slave-period', kind: integer(1, INT_MAX), defaultValue: '10' },
  { name: 'repl-diskless-sync', kind: bool, defaultValue: 'yes' },
  { name: 'repl-diskless-sync-delay', kind: integer(0, INT_MAX), defaultValue: '5' },
  { name: 'repl-diskless-load', kind: oneOf('disabled', 'on-empty-db', 'swapdb'), defaultValue: 'disabled' },
  { name: 'min-replicas-to-write', alias: 'min-slaves-to-write', kind: integer(0, INT_MAX), defaultValue: '0' },
  { name: 'min-replicas-max-lag', alias: 'min-slaves-max-lag', kind: integer(0, INT_MAX), defaultValue: '10' },
  { name: 'lazyfree-lazy-eviction', kind: bool, defaultValue: 'no' },
  { name: 'lazyfree-lazy-expire', kind: bool, defaultValue: 'no' },
  { name: 'lazyfree-lazy-server-del', kind: bool, defaultValue: 'no' },
  { name: 'lazyfree-lazy-user-del', kind: bool, defaultValue: 'no' },
  { name: 'lazyfree-lazy-user-flush', kind: bool, defaultValue: 'no' },
  { name: 'activerehashing', kind: bool, defaultValue: 'yes' },
  { name: 'protected-mode', kind: bool, defaultValue: 'yes' },
  { name: 'cluster-enabled', kind: bool, defaultValue: 'no', immutable: true },
  { name: 'cluster-node-timeout', kind: integer(0, LONG_MAX), defaultValue: '15000' },
  { name: 'notify-keyspace-events', kind: special, defaultValue: '' },
  { name: 'slowlog-log-slower-than', kind: integer(-1, LONG_MAX), defaultValue: '10000' },
  { name: 'slowlog-max-len', kind: integer(0, LONG_MAX), defaultValue: '128' },
  { name: 'latency-monitor-threshold', kind: integer(0, LONG_MAX), defaultValue: '0' },
  { name: 'loglevel', kind: oneOf('debug', 'verbose', 'notice', 'warning'), defaultValue: 'notice' },
  { name: 'logfile', kind: text, defaultValue: '', immutable: true },
  { name: 'pidfile', kind: text, defaultValue: '', immutable: true },
  { name: 'daemonize', kind: bool, defaultValue: 'no', immutable: true },
  { name: 'busy-reply-threshold', alias: 'lua-time-limit', kind: integer(0, LONG_MAX), defaultValue: '5000' },
  { name: 'stream-node-max-bytes', kind: memory(0, LONG_MAX), defaultValue: '4096' },
  { name: 'stream-node-max-entries', kind: integer(0, LONG_MAX), defaultValue: '100' },
  { name: 'hll-sparse-max-bytes', kind: memory(0, LONG_MAX), defaultValue: '3000' },
  { name: 'latency-tracking', kind: bool, defaultValue: 'yes' },
  { name: 'enable-debug-command', kind: text, defaultValue: 'no', immutable: true },
];
