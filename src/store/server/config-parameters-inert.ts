import type { ConfigKind, ConfigParameter } from './config-parameters.js';

/**
 * Parameters Redis 7.0.15 (the Debian build, with TLS) has and the store
 * does not act on: TLS, cluster bus, defrag, threads, syslog, OOM scores.
 * They exist so CONFIG GET answers clients and tools (redis-benchmark asks
 * for some) with Redis's names and compiled-in defaults, and CONFIG SET
 * checks their values as Redis would.
 */
const INT_MAX = 2147483647n;
const UINT_MAX = 4294967295n;
const LONG_MAX = 9223372036854775807n;
const PORT_MAX = 65535n;

const integer = (min: number, max: bigint): ConfigKind => ({ type: 'integer', min: BigInt(min), max });
const memory = (min: number, max: bigint): ConfigKind => ({ type: 'memory', min: BigInt(min), max });
const bool: ConfigKind = { type: 'bool' };
const text: ConfigKind = { type: 'string' };
const oneOf = (...values: string[]): ConfigKind => ({ type: 'enum', values });
const protectedAction = oneOf('no', 'yes', 'local');

const booleans: readonly ConfigParameter[] = [
  { name: 'io-threads-do-reads', kind: bool, defaultValue: 'no', immutable: true },
  { name: 'always-show-logo', kind: bool, defaultValue: 'no', immutable: true },
  { name: 'rdb-del-sync-files', kind: bool, defaultValue: 'no' },
  { name: 'set-proc-title', kind: bool, defaultValue: 'yes', immutable: true },
  { name: 'repl-disable-tcp-nodelay', kind: bool, defaultValue: 'no' },
  { name: 'aof-rewrite-incremental-fsync', kind: bool, defaultValue: 'yes' },
  { name: 'cluster-require-full-coverage', kind: bool, defaultValue: 'yes' },
  { name: 'rdb-save-incremental-fsync', kind: bool, defaultValue: 'yes' },
  { name: 'cluster-replica-no-failover', alias: 'cluster-slave-no-failover', kind: bool, defaultValue: 'no' },
  { name: 'replica-ignore-maxmemory', alias: 'slave-ignore-maxmemory', kind: bool, defaultValue: 'yes' },
  { name: 'jemalloc-bg-thread', kind: bool, defaultValue: 'yes' },
  { name: 'activedefrag', kind: bool, defaultValue: 'no' },
  { name: 'syslog-enabled', kind: bool, defaultValue: 'no', immutable: true },
  { name: 'cluster-allow-reads-when-down', kind: bool, defaultValue: 'no' },
  { name: 'cluster-allow-pubsubshard-when-down', kind: bool, defaultValue: 'yes' },
  { name: 'crash-log-enabled', kind: bool, defaultValue: 'yes' },
  { name: 'crash-memcheck-enabled', kind: bool, defaultValue: 'yes' },
  { name: 'disable-thp', kind: bool, defaultValue: 'yes', immutable: true },
  { name: 'cluster-allow-replica-migration', kind: bool, defaultValue: 'yes' },
  { name: 'replica-announced', kind: bool, defaultValue: 'yes' },
  { name: 'aof-disable-auto-gc', kind: bool, defaultValue: 'no' },
  { name: 'replica-ignore-disk-write-errors', kind: bool, defaultValue: 'no' },
  { name: 'tls-cluster', kind: bool, defaultValue: 'no' },
  { name: 'tls-replication', kind: bool, defaultValue: 'no' },
  { name: 'tls-prefer-server-ciphers', kind: bool, defaultValue: 'no' },
  { name: 'tls-session-caching', kind: bool, defaultValue: 'yes' },
];

const texts: readonly ConfigParameter[] = [
  { name: 'aclfile', kind: text, defaultValue: '', immutable: true },
  { name: 'unixsocket', kind: text, defaultValue: '', immutable: true },
  { name: 'replica-announce-ip', alias: 'slave-announce-ip', kind: text, defaultValue: '' },
  { name: 'cluster-announce-ip', kind: text, defaultValue: '' },
  { name: 'cluster-config-file', kind: text, defaultValue: 'nodes.conf', immutable: true },
  { name: 'cluster-announce-hostname', kind: text, defaultValue: '' },
  { name: 'syslog-ident', kind: text, defaultValue: 'redis', immutable: true },
  { name: 'server_cpulist', kind: text, defaultValue: '', immutable: true },
  { name: 'bio_cpulist', kind: text, defaultValue: '', immutable: true },
  { name: 'aof_rewrite_cpulist', kind: text, defaultValue: '', immutable: true },
  { name: 'bgsave_cpulist', kind: text, defaultValue: '', immutable: true },
  { name: 'ignore-warnings', kind: text, defaultValue: '' },
  { name: 'proc-title-template', kind: text, defaultValue: '{title} {listen-addr} {server-mode}' },
  { name: 'bind-source-addr', kind: text, defaultValue: '' },
  // Multi-word values, checked loosely.
  { name: 'shutdown-on-sigint', kind: text, defaultValue: 'default' },
  { name: 'shutdown-on-sigterm', kind: text, defaultValue: 'default' },
  { name: 'oom-score-adj-values', kind: text, defaultValue: '0 200 800' },
  { name: 'latency-tracking-info-percentiles', kind: text, defaultValue: '50 99 99.9' },
  ...['tls-cert-file', 'tls-key-file', 'tls-key-file-pass', 'tls-client-cert-file', 'tls-client-key-file', 'tls-client-key-file-pass',
    'tls-dh-params-file', 'tls-ca-cert-file', 'tls-ca-cert-dir', 'tls-protocols', 'tls-ciphers', 'tls-ciphersuites'].map(
    (name): ConfigParameter => ({ name, kind: text, defaultValue: '' }),
  ),
];

const enums: readonly ConfigParameter[] = [
  { name: 'supervised', kind: oneOf('upstart', 'systemd', 'auto', 'no'), defaultValue: 'no', immutable: true },
  { name: 'syslog-facility', kind: oneOf('user', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'), defaultValue: 'local0', immutable: true },
  { name: 'oom-score-adj', kind: oneOf('no', 'yes', 'relative', 'absolute'), defaultValue: 'no' },
  { name: 'acl-pubsub-default', kind: oneOf('allchannels', 'resetchannels'), defaultValue: 'resetchannels' },
  { name: 'sanitize-dump-payload', kind: oneOf('no', 'yes', 'clients'), defaultValue: 'no' },
  { name: 'enable-protected-configs', kind: protectedAction, defaultValue: 'no', immutable: true },
  { name: 'enable-module-command', kind: protectedAction, defaultValue: 'no', immutable: true },
  { name: 'cluster-preferred-endpoint-type', kind: oneOf('ip', 'hostname', 'unknown-endpoint'), defaultValue: 'ip' },
  { name: 'propagation-error-behavior', kind: oneOf('ignore', 'panic', 'panic-on-replicas'), defaultValue: 'ignore' },
  { name: 'tls-auth-clients', kind: oneOf('no', 'yes', 'optional'), defaultValue: 'yes' },
];

const numbers: readonly ConfigParameter[] = [
  { name: 'io-threads', kind: integer(1, 128n), defaultValue: '1', immutable: true },
  { name: 'cluster-replica-validity-factor', alias: 'cluster-slave-validity-factor', kind: integer(0, INT_MAX), defaultValue: '10' },
  { name: 'cluster-migration-barrier', kind: integer(0, INT_MAX), defaultValue: '1' },
  { name: 'active-defrag-cycle-min', kind: integer(1, 99n), defaultValue: '1' },
  { name: 'active-defrag-cycle-max', kind: integer(1, 99n), defaultValue: '25' },
  { name: 'active-defrag-threshold-lower', kind: integer(0, 1000n), defaultValue: '10' },
  { name: 'active-defrag-threshold-upper', kind: integer(0, 1000n), defaultValue: '100' },
  { name: 'maxmemory-eviction-tenacity', kind: integer(0, 100n), defaultValue: '10' },
  { name: 'replica-announce-port', alias: 'slave-announce-port', kind: integer(0, PORT_MAX), defaultValue: '0' },
  { name: 'tcp-backlog', kind: integer(0, INT_MAX), defaultValue: '511', immutable: true },
  { name: 'cluster-port', kind: integer(0, PORT_MAX), defaultValue: '0', immutable: true },
  { name: 'cluster-announce-bus-port', kind: integer(0, PORT_MAX), defaultValue: '0' },
  { name: 'cluster-announce-port', kind: integer(0, PORT_MAX), defaultValue: '0' },
  { name: 'cluster-announce-tls-port', kind: integer(0, PORT_MAX), defaultValue: '0' },
  { name: 'shutdown-timeout', kind: integer(0, INT_MAX), defaultValue: '10' },
  { name: 'repl-diskless-sync-max-replicas', kind: integer(0, INT_MAX), defaultValue: '0' },
  { name: 'unixsocketperm', kind: integer(0, 0o777n), defaultValue: '0', immutable: true },
  { name: 'socket-mark-id', kind: integer(0, UINT_MAX), defaultValue: '0', immutable: true },
  { name: 'active-defrag-max-scan-fields', kind: integer(1, LONG_MAX), defaultValue: '1000' },
  { name: 'acllog-max-len', kind: integer(0, LONG_MAX), defaultValue: '128' },
  { name: 'cluster-link-sendbuf-limit', kind: memory(0, LONG_MAX), defaultValue: '0' },
  { name: 'active-defrag-ignore-bytes', kind: memory(1, LONG_MAX), defaultValue: '104857600' },
  { name: 'tracking-table-max-keys', kind: integer(0, LONG_MAX), defaultValue: '1000000' },
  { name: 'maxmemory-clients', kind: memory(-100, LONG_MAX), defaultValue: '0' },
  { name: 'tls-port', kind: integer(0, PORT_MAX), defaultValue: '0' },
  { name: 'tls-session-cache-size', kind: integer(0, INT_MAX), defaultValue: '20480' },
  { name: 'tls-session-cache-timeout', kind: integer(0, INT_MAX), defaultValue: '300' },
];

export const inertConfigParameters: readonly ConfigParameter[] = [...booleans, ...texts, ...enums, ...numbers];
