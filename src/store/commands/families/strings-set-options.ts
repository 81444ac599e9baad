/**
 * The option grammar shared by SET and GETEX (t_string.c
 * parseExtendedStringArgumentsOrReply) and the expiry argument check
 * (getExpireMillisecondsOrReply). A repeated or conflicting option is a
 * syntax error exactly where Redis's flag checks make it one.
 */
import type { CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getLongLongOrReply, LLONG_MAX } from '../../types/number-parsing.js';
import { isOption } from './strings-shared.js';

export interface ExpiryOptions {
  readonly nx: boolean;
  readonly xx: boolean;
  readonly get: boolean;
  readonly keepTtl: boolean;
  readonly persist: boolean;
  /** The EX/PX/EXAT/PXAT argument, if any. */
  readonly expire: Buffer | undefined;
  readonly unit: 'seconds' | 'milliseconds';
  /** EX or PX: relative to now. */
  readonly relative: boolean;
  /** EXAT or PXAT: an absolute unix time. */
  readonly absolute: boolean;
}

type Mode = 'set' | 'get';
type ExpiryKind = 'EX' | 'PX' | 'EXAT' | 'PXAT';

interface MutableOptions {
  nx: boolean;
  xx: boolean;
  get: boolean;
  keepTtl: boolean;
  persist: boolean;
  expire: Buffer | undefined;
  expiryKind: ExpiryKind | undefined;
}

/** What a command without options gets (shared: plain SET and GET are the common case). */
const NO_OPTIONS: ExpiryOptions = { nx: false, xx: false, get: false, keepTtl: false, persist: false, expire: undefined, unit: 'seconds', relative: false, absolute: false };

/** Parses SET (from argv[3]) or GETEX (from argv[2]) options; replies a syntax error and returns undefined on failure. */
export function parseExtendedStringArguments(ctx: CommandContext, mode: Mode): ExpiryOptions | undefined {
  if (ctx.argv.length <= (mode === 'get' ? 2 : 3)) return NO_OPTIONS;
  const state: MutableOptions = { nx: false, xx: false, get: false, keepTtl: false, persist: false, expire: undefined, expiryKind: undefined };
  for (let index = mode === 'get' ? 2 : 3; index < ctx.argv.length; index++) {
    const option = ctx.argv[index];
    const next = ctx.argv[index + 1];
    const consumed = applyOption(state, option, next, mode);
    if (consumed === 0) {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
    index += consumed - 1;
  }
  const kind = state.expiryKind;
  return {
    nx: state.nx,
    xx: state.xx,
    get: state.get,
    keepTtl: state.keepTtl,
    persist: state.persist,
    expire: state.expire,
    unit: kind === 'PX' || kind === 'PXAT' ? 'milliseconds' : 'seconds',
    relative: kind === 'EX' || kind === 'PX',
    absolute: kind === 'EXAT' || kind === 'PXAT',
  };
}

/** Applies one option; returns how many arguments it used (0: syntax error). */
function applyOption(state: MutableOptions, option: Buffer | undefined, next: Buffer | undefined, mode: Mode): number {
  const forSet = mode === 'set';
  if (isOption(option, 'NX') && !state.xx && forSet) {
    state.nx = true;
    return 1;
  }
  if (isOption(option, 'XX') && !state.nx && forSet) {
    state.xx = true;
    return 1;
  }
  if (isOption(option, 'GET') && forSet) {
    state.get = true;
    return 1;
  }
  if (isOption(option, 'KEEPTTL') && !state.persist && state.expiryKind === undefined && forSet) {
    state.keepTtl = true;
    return 1;
  }
  if (isOption(option, 'PERSIST') && !forSet && state.expiryKind === undefined && !state.keepTtl) {
    state.persist = true;
    return 1;
  }
  for (const kind of ['EX', 'PX', 'EXAT', 'PXAT'] as const) {
    if (!isOption(option, kind)) continue;
    // The same kind may repeat (the last value wins); another kind may not.
    const compatible = !state.keepTtl && !state.persist && (state.expiryKind === undefined || state.expiryKind === kind);
    if (!compatible || next === undefined) return 0;
    state.expiryKind = kind;
    state.expire = next;
    return 2;
  }
  return 0;
}

/**
 * getExpireMillisecondsOrReply: the absolute expire time in ms, or undefined
 * after replying "value is not an integer..." or "invalid expire time in
 * '<command>' command" (non-positive, or overflowing once converted).
 */
export function expireMillisecondsOrReply(ctx: CommandContext, options: ExpiryOptions, commandName: string): bigint | undefined {
  if (options.expire === undefined) return undefined;
  const given = getLongLongOrReply(ctx.reply, options.expire);
  if (given === undefined) return undefined;
  const invalid = (): undefined => {
    ctx.reply.error(`ERR invalid expire time in '${commandName}' command`);
    return undefined;
  };
  if (given <= 0n || (options.unit === 'seconds' && given > LLONG_MAX / 1000n)) return invalid();
  let milliseconds = options.unit === 'seconds' ? given * 1000n : given;
  if (options.relative) milliseconds += BigInt(ctx.nowMs);
  // Redis detects the overflow of the addition as a non-positive result.
  if (milliseconds > LLONG_MAX) return invalid();
  return milliseconds;
}
