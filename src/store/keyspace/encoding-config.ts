/**
 * The conversion thresholds of Redis 7.0 (redis.conf defaults), live values:
 * CONFIG SET changes them, and conversions read them at the moment they
 * happen, as Redis does.
 */
export interface EncodingConfig {
  /** list-max-listpack-size (alias list-max-ziplist-size): -2 means 8 KiB per node. */
  readonly listMaxListpackSize: number;
  /** list-compress-depth */
  readonly listCompressDepth: number;
  /** hash-max-listpack-entries (alias hash-max-ziplist-entries) */
  readonly hashMaxListpackEntries: number;
  /** hash-max-listpack-value */
  readonly hashMaxListpackValue: number;
  /** set-max-intset-entries */
  readonly setMaxIntsetEntries: number;
  /** zset-max-listpack-entries */
  readonly zsetMaxListpackEntries: number;
  /** zset-max-listpack-value */
  readonly zsetMaxListpackValue: number;
  /** stream-node-max-entries (100 when absent) */
  readonly streamNodeMaxEntries?: number;
  /** stream-node-max-bytes (4096 when absent) */
  readonly streamNodeMaxBytes?: number;
}

/**
 * The compiled-in defaults of redis-server 7.0.15 (config.c), which a server
 * started without a config file uses: hash-max-listpack-entries is 512 there,
 * although the sample redis.conf says 128.
 */
export const defaultEncodingConfig: EncodingConfig = {
  listMaxListpackSize: -2,
  listCompressDepth: 0,
  hashMaxListpackEntries: 512,
  hashMaxListpackValue: 64,
  setMaxIntsetEntries: 512,
  zsetMaxListpackEntries: 128,
  zsetMaxListpackValue: 64,
  streamNodeMaxEntries: 100,
  streamNodeMaxBytes: 4096,
};
