/**
 * Redis 7.0's shared error replies (server.c createSharedObjects) and the
 * common messages of object.c / t_*.c, without the leading `-`. Pass them to
 * `ReplyWriter.error`.
 */
export const errors = {
  wrongType: 'WRONGTYPE Operation against a key holding the wrong kind of value',
  noKey: 'ERR no such key',
  syntax: 'ERR syntax error',
  sameObject: 'ERR source and destination objects are the same',
  outOfRange: 'ERR index out of range',
  execAbort: 'EXECABORT Transaction discarded because of previous errors.',
  noReplicas: 'NOREPLICAS Not enough good replicas to write.',
  readOnlyReplica: "READONLY You can't write against a read only replica.",
  noAuth: 'NOAUTH Authentication required.',
  busyKey: 'BUSYKEY Target key name already exists.',
  notInteger: 'ERR value is not an integer or out of range',
  notFloat: 'ERR value is not a valid float',
  overflow: 'ERR increment or decrement would overflow',
  nanOrInfinity: 'ERR increment would produce NaN or Infinity',
  dbIndexOutOfRange: 'ERR DB index is out of range',
  timeoutNotFloat: 'ERR timeout is not a float or out of range',
  timeoutNegative: 'ERR timeout is negative',
  minMaxNotFloat: 'ERR min or max is not a float',
  minMaxNotStringRange: 'ERR min or max not valid string range item',
  bitOffset: 'ERR bit offset is not an integer or out of range',
  stringTooLong: "ERR string exceeds maximum allowed size (proto-max-bulk-len)",
  /** shared.slowevalerr: what other clients get while an EVAL script is busy. */
  busyScript: 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.',
} as const;

/** `ERR wrong number of arguments for 'NAME' command` (7.0 wording; NAME lowercase as typed? see arityError). */
export function arityError(commandName: string): string {
  return `ERR wrong number of arguments for '${commandName}' command`;
}
