import { WRONG_TYPE, type CommandContext, type CommandSpec } from '../command.js';
import { parseScanCursorOrReply, replyEmptyScan, scanCollection } from './sets-scan.js';
import { keysAfterNumkeys } from './sets-shared.js';
import { zaddCommand, zcardCommand, zcountCommand, zincrbyCommand, zlexcountCommand, zmscoreCommand, zrankCommand, zremCommand, zrevrankCommand, zscoreCommand } from './zsets-add.js';
import { zdiffCommand, zdiffstoreCommand, zintercardCommand, zinterCommand, zinterstoreCommand, zunionCommand, zunionstoreCommand } from './zsets-algebra.js';
import { bzmpopCommand, bzpopmaxCommand, bzpopminCommand } from './zsets-blocking.js';
import { zmpopCommand, zpopmaxCommand, zpopminCommand } from './zsets-pop.js';
import { zrandmemberCommand } from './zsets-random.js';
import { zrangebylexCommand, zrangebyscoreCommand, zrangeCommand, zrangestoreCommand, zrevrangebylexCommand, zrevrangebyscoreCommand, zrevrangeCommand } from './zsets-range.js';
import { zremrangebylexCommand, zremrangebyrankCommand, zremrangebyscoreCommand } from './zsets-remove-range.js';
import { lookupZsetRead } from './zsets-shared.js';

/** ZSCAN key cursor [MATCH pattern] [COUNT count] */
function zscanCommand(ctx: CommandContext): void {
  const cursor = parseScanCursorOrReply(ctx, ctx.argv[2] as Buffer);
  if (cursor === undefined) return;
  const zset = lookupZsetRead(ctx, ctx.argv[1] as Buffer);
  if (zset === WRONG_TYPE) return;
  if (zset === undefined) {
    replyEmptyScan(ctx);
    return;
  }
  scanCollection(ctx, cursor, 2, (from, found) => zset.scanStep(from, (member, scoreText) => found.push({ key: member, value: Buffer.from(scoreText, 'latin1') })));
}

type SpecShape = Omit<CommandSpec, 'handler' | 'name' | 'getKeys'>;

const oneKey = { firstKey: 1, lastKey: 1, keyStep: 1 } as const;
const movableKeys = { firstKey: 0, lastKey: 0, keyStep: 0 } as const;
const fastWrite: SpecShape = { arity: -3, flags: ['write', 'fast'], categories: ['write', 'sortedset', 'fast'], ...oneKey };
const fastRead: SpecShape = { arity: 3, flags: ['readonly', 'fast'], categories: ['read', 'sortedset', 'fast'], ...oneKey };
const slowRead: SpecShape = { arity: -4, flags: ['readonly'], categories: ['read', 'sortedset', 'slow'], ...oneKey };
const slowWrite: SpecShape = { arity: 4, flags: ['write'], categories: ['write', 'sortedset', 'slow'], ...oneKey };
const storeWrite: SpecShape = { arity: -4, flags: ['write', 'denyoom'], categories: ['write', 'sortedset', 'slow'], ...oneKey };
const blockingPop: SpecShape = { arity: -3, flags: ['write', 'noscript', 'blocking', 'fast'], categories: ['write', 'sortedset', 'fast', 'blocking'], firstKey: 1, lastKey: -2, keyStep: 1 };

/** The sorted set commands of Redis 7.0 (arity, flags, keys and ACL categories as COMMAND INFO prints them). */
export const zsetCommands: readonly CommandSpec[] = [
  { name: 'zadd', ...fastWrite, arity: -4, flags: ['write', 'denyoom', 'fast'], handler: zaddCommand },
  { name: 'zincrby', ...fastWrite, arity: 4, flags: ['write', 'denyoom', 'fast'], handler: zincrbyCommand },
  { name: 'zrem', ...fastWrite, handler: zremCommand },
  { name: 'zscore', ...fastRead, handler: zscoreCommand },
  { name: 'zmscore', ...fastRead, arity: -3, handler: zmscoreCommand },
  { name: 'zcard', ...fastRead, arity: 2, handler: zcardCommand },
  { name: 'zcount', ...fastRead, arity: 4, handler: zcountCommand },
  { name: 'zlexcount', ...fastRead, arity: 4, handler: zlexcountCommand },
  { name: 'zrank', ...fastRead, handler: zrankCommand },
  { name: 'zrevrank', ...fastRead, handler: zrevrankCommand },
  { name: 'zrange', ...slowRead, handler: zrangeCommand },
  { name: 'zrangestore', ...storeWrite, arity: -5, lastKey: 2, handler: zrangestoreCommand },
  { name: 'zrangebyscore', ...slowRead, handler: zrangebyscoreCommand },
  { name: 'zrevrangebyscore', ...slowRead, handler: zrevrangebyscoreCommand },
  { name: 'zrangebylex', ...slowRead, handler: zrangebylexCommand },
  { name: 'zrevrangebylex', ...slowRead, handler: zrevrangebylexCommand },
  { name: 'zrevrange', ...slowRead, handler: zrevrangeCommand },
  { name: 'zpopmin', ...fastWrite, arity: -2, handler: zpopminCommand },
  { name: 'zpopmax', ...fastWrite, arity: -2, handler: zpopmaxCommand },
  { name: 'bzpopmin', ...blockingPop, handler: bzpopminCommand },
  { name: 'bzpopmax', ...blockingPop, handler: bzpopmaxCommand },
  { name: 'zmpop', ...slowWrite, arity: -4, ...movableKeys, getKeys: keysAfterNumkeys(1), handler: zmpopCommand },
  { name: 'bzmpop', ...slowWrite, arity: -5, flags: ['write', 'blocking'], categories: ['write', 'sortedset', 'slow', 'blocking'], ...movableKeys, getKeys: keysAfterNumkeys(2), handler: bzmpopCommand },
  { name: 'zremrangebyrank', ...slowWrite, handler: zremrangebyrankCommand },
  { name: 'zremrangebyscore', ...slowWrite, handler: zremrangebyscoreCommand },
  { name: 'zremrangebylex', ...slowWrite, handler: zremrangebylexCommand },
  { name: 'zunion', ...slowRead, arity: -3, ...movableKeys, getKeys: keysAfterNumkeys(1), handler: zunionCommand },
  { name: 'zinter', ...slowRead, arity: -3, ...movableKeys, getKeys: keysAfterNumkeys(1), handler: zinterCommand },
  { name: 'zdiff', ...slowRead, arity: -3, ...movableKeys, getKeys: keysAfterNumkeys(1), handler: zdiffCommand },
  { name: 'zunionstore', ...storeWrite, getKeys: keysAfterNumkeys(2, 1), handler: zunionstoreCommand },
  { name: 'zinterstore', ...storeWrite, getKeys: keysAfterNumkeys(2, 1), handler: zinterstoreCommand },
  { name: 'zdiffstore', ...storeWrite, getKeys: keysAfterNumkeys(2, 1), handler: zdiffstoreCommand },
  { name: 'zintercard', ...slowRead, arity: -3, ...movableKeys, getKeys: keysAfterNumkeys(1), handler: zintercardCommand },
  { name: 'zrandmember', ...slowRead, arity: -2, handler: zrandmemberCommand },
  { name: 'zscan', ...slowRead, arity: -3, handler: zscanCommand },
];
