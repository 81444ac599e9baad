/**
 * A RESP2 reply as the test harness sees it: the decoded shape plus the exact
 * bytes it was sent as, so two servers' replies can be compared byte for byte
 * and, where order is free, element by element.
 */
export type RespReply =
  | { readonly kind: 'status'; readonly text: string; readonly raw: Buffer }
  | { readonly kind: 'error'; readonly text: string; readonly raw: Buffer }
  | { readonly kind: 'integer'; readonly value: bigint; readonly raw: Buffer }
  | { readonly kind: 'bulk'; readonly value: Buffer | null; readonly raw: Buffer }
  | { readonly kind: 'array'; readonly items: readonly RespReply[] | null; readonly raw: Buffer };

export type RespReplyKind = RespReply['kind'];

/** The items of an array reply, or undefined for anything else (a null array included). */
export function arrayItems(reply: RespReply): readonly RespReply[] | undefined {
  return reply.kind === 'array' && reply.items !== null ? reply.items : undefined;
}

/** The bytes of a non-null bulk reply, or undefined. */
export function bulkBytes(reply: RespReply): Buffer | undefined {
  return reply.kind === 'bulk' && reply.value !== null ? reply.value : undefined;
}

/** The value of an integer reply, or undefined. */
export function integerValue(reply: RespReply): bigint | undefined {
  return reply.kind === 'integer' ? reply.value : undefined;
}
