/**
 * Builds RESP2 reply bytes for one client, as Redis's addReply* functions do.
 * Errors are given without the leading `-`; a message without an error code
 * prefix gets `ERR ` (as `addReplyError` does), e.g. `error('syntax error')`
 * writes `-ERR syntax error\r\n`, `error('WRONGTYPE Operation ...')` keeps its code.
 */
export interface ReplyWriter {
  /** `+text` */
  status(text: string): void;
  /** `+OK` */
  ok(): void;
  /** `-ERR message` or `-CODE message` (see above); newlines are replaced by spaces. */
  error(message: string): void;
  /** `:n` (safe integers or bigint for the full 64-bit range) */
  integer(value: number | bigint): void;
  /** `$len bytes`, or `$-1` for null */
  bulk(value: Buffer | string | null): void;
  /** `$-1` */
  nullBulk(): void;
  /** `*-1` */
  nullArray(): void;
  /** `*n` followed by n replies the caller writes next */
  arrayHeader(length: number): void;
  /** `*n` of bulk strings (null items as `$-1`) */
  bulkArray(items: readonly (Buffer | string | null)[]): void;
  /** A double as Redis's addReplyDouble formats it (`%.17g`, `inf`, `-inf`) in a bulk string. */
  double(value: number): void;
  /** addReplyDeferredLen: an array header whose length is filled in later. */
  deferredArray(): DeferredLength;
  /** Raw protocol bytes (already encoded), e.g. for shared replies. */
  raw(data: Buffer | string): void;
}

export interface DeferredLength {
  /** Sets the length; must be called exactly once. */
  set(length: number): void;
}
