/**
 * Builds RESP2 or RESP3 reply bytes for one client, as Redis's addReply* functions do.
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
  /** addReplyNull: `$-1` (RESP3: `_`) */
  nullBulk(): void;
  /** addReplyNullArray: `*-1` (RESP3: `_`) */
  nullArray(): void;
  /** `*n` followed by n replies the caller writes next */
  arrayHeader(length: number): void;
  /** `*n` of bulk strings (null items as `$-1`) */
  bulkArray(items: readonly (Buffer | string | null)[]): void;
  /** A double as Redis's addReplyDouble formats it (`%.17g`, `inf`, `-inf`): a bulk string in RESP2, `,` in RESP3. */
  double(value: number): void;
  /** addReplyDeferredLen: an array header whose length is filled in later. */
  deferredArray(): DeferredLength;
  /** Raw protocol bytes (already encoded), e.g. for shared replies. */
  raw(data: Buffer | string): void;

  // RESP3 (HELLO 3). Each member answers as the Redis function named, in the
  // client's protocol; in RESP3 `nullBulk`, `nullArray` and `bulk(null)`
  // write `_` and `double` writes `,` (addReplyNull, addReplyNullArray,
  // addReplyDouble do the same).

  /** The client's protocol version (Redis's c->resp): 2 unless HELLO 3 switched it. */
  readonly protocolVersion: 2 | 3;
  /** addReplyMapLen: `%pairs` (RESP2: `*2·pairs`), followed by pairs·2 replies. */
  mapHeader(pairs: number): void;
  /** addReplySetLen: `~n` (RESP2: `*n`). */
  setHeader(length: number): void;
  /** addReplyPushLen: `>n` (RESP2: `*n`), an out-of-band message (pub/sub). */
  pushHeader(length: number): void;
  /** addReplyBool: `#t`/`#f` (RESP2: `:1`/`:0`). */
  boolean(value: boolean): void;
  /** addReplyVerbatim: `=len\r\ntxt:...` (RESP2: a bulk string); `format` is three characters. */
  verbatim(text: Buffer | string, format?: string): void;
  /** addReplyBigNum: `(digits` (RESP2: a bulk string). */
  bigNumber(digits: string): void;
  /** addReplyDeferredLen + setDeferredMapLen: the length set is the number of pairs. */
  deferredMap(): DeferredLength;
  /** addReplyDeferredLen + setDeferredSetLen. */
  deferredSet(): DeferredLength;
}

export interface DeferredLength {
  /** Sets the length; must be called exactly once. */
  set(length: number): void;
}
