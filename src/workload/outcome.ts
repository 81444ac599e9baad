import type { RespError } from '../store/protocol/reply-decoder.js';

/** How an operation ended, as Jepsen records it. */
export type OpOutcome = 'ok' | 'fail' | 'info';

/**
 * Error codes with which Redis refuses a command before executing it
 * (processCommand's checks, EXEC's abort, cluster redirections a client does
 * not follow): the operation certainly did not take effect, so it is `fail`.
 */
const definitelyNotAppliedCodes: ReadonlySet<string> = new Set([
  'NOREPLICAS',
  'READONLY',
  'EXECABORT',
  'MOVED',
  'ASK',
  'TRYAGAIN',
  'CLUSTERDOWN',
  'LOADING',
  'MASTERDOWN',
  'MISCONF',
  'OOM',
  'NOAUTH',
  'NOPERM',
]);

/** A `fail` only where the store certainly did not apply the op; any other error is `info` (unknown). */
export function outcomeOfErrorReply(error: RespError): 'fail' | 'info' {
  return definitelyNotAppliedCodes.has(error.code) ? 'fail' : 'info';
}

/** Why an op ended without a reply, as plain data for the history's `error` field. */
export type LostReplyReason = 'timeout' | 'connection-lost' | 'connection-refused' | 'connect-timeout';

/** Refused or unreachable before a byte was sent: `fail`. Otherwise the request may have run: `info`. */
export function outcomeOfLostReply(reason: LostReplyReason, requestSent: boolean): 'fail' | 'info' {
  if (!requestSent && (reason === 'connection-refused' || reason === 'connect-timeout')) return 'fail';
  return 'info';
}
