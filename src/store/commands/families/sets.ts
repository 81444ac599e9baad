import type { CommandContext, CommandSpec } from '../command.js';
import { WRONG_TYPE } from '../command.js';
import { keysAfterNumkeys, lookupSetRead } from './sets-shared.js';
import { saddCommand, scardCommand, sismemberCommand, smismemberCommand, smoveCommand, sremCommand } from './sets-basic.js';
import { sdiffCommand, sdiffstoreCommand, sintercardCommand, sinterCommand, sinterstoreCommand, sunionCommand, sunionstoreCommand } from './sets-algebra.js';
import { spopCommand, srandmemberCommand } from './sets-random.js';
import { parseScanCursorOrReply, replyEmptyScan, scanCollection } from './sets-scan.js';

/** SSCAN key cursor [MATCH pattern] [COUNT count] */
function sscanCommand(ctx: CommandContext): void {
  const cursor = parseScanCursorOrReply(ctx, ctx.argv[2] as Buffer);
  if (cursor === undefined) return;
  const set = lookupSetRead(ctx, ctx.argv[1] as Buffer);
  if (set === WRONG_TYPE) return;
  if (set === undefined) {
    replyEmptyScan(ctx);
    return;
  }
  scanCollection(ctx, cursor, 1, (from, found) => set.scanStep(from, (member) => found.push({ key: member })));
}

type SpecShape = Omit<CommandSpec, 'handler' | 'name' | 'getKeys'>;

const fastWrite: SpecShape = { arity: -3, flags: ['write', 'fast'], categories: ['write', 'set', 'fast'], firstKey: 1, lastKey: 1, keyStep: 1 };
const slowRead: SpecShape = { arity: -2, flags: ['readonly'], categories: ['read', 'set', 'slow'], firstKey: 1, lastKey: -1, keyStep: 1 };
const slowStore: SpecShape = { arity: -3, flags: ['write', 'denyoom'], categories: ['write', 'set', 'slow'], firstKey: 1, lastKey: -1, keyStep: 1 };
const fastRead: SpecShape = { arity: -3, flags: ['readonly', 'fast'], categories: ['read', 'set', 'fast'], firstKey: 1, lastKey: 1, keyStep: 1 };

/** The set commands of Redis 7.0 (arity, flags, keys and ACL categories as COMMAND INFO prints them). */
export const setCommands: readonly CommandSpec[] = [
  { name: 'sadd', ...fastWrite, flags: ['write', 'denyoom', 'fast'], handler: saddCommand },
  { name: 'srem', ...fastWrite, handler: sremCommand },
  { name: 'smembers', ...slowRead, arity: 2, lastKey: 1, handler: sinterCommand },
  { name: 'sismember', ...fastRead, arity: 3, handler: sismemberCommand },
  { name: 'smismember', ...fastRead, handler: smismemberCommand },
  { name: 'scard', ...fastRead, arity: 2, handler: scardCommand },
  { name: 'spop', ...fastWrite, arity: -2, handler: spopCommand },
  { name: 'srandmember', ...slowRead, lastKey: 1, handler: srandmemberCommand },
  { name: 'smove', ...fastWrite, arity: 4, lastKey: 2, handler: smoveCommand },
  { name: 'sinter', ...slowRead, handler: sinterCommand },
  { name: 'sinterstore', ...slowStore, handler: sinterstoreCommand },
  { name: 'sintercard', ...slowRead, arity: -3, firstKey: 0, lastKey: 0, keyStep: 0, getKeys: keysAfterNumkeys(1), handler: sintercardCommand },
  { name: 'sunion', ...slowRead, handler: sunionCommand },
  { name: 'sunionstore', ...slowStore, handler: sunionstoreCommand },
  { name: 'sdiff', ...slowRead, handler: sdiffCommand },
  { name: 'sdiffstore', ...slowStore, handler: sdiffstoreCommand },
  { name: 'sscan', ...slowRead, arity: -3, lastKey: 1, handler: sscanCommand },
];
