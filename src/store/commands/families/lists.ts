import type { CommandSpec } from '../command.js';
import { lindexCommand, llenCommand, lposCommand, lrangeCommand, lremCommand, lsetCommand, ltrimCommand } from './lists-access.js';
import { blmoveCommand, blmpopCommand, blpopCommand, brpoplpushCommand, brpopCommand } from './lists-blocking.js';
import { lmoveCommand, rpoplpushCommand } from './lists-move.js';
import { lmpopCommand, lpopCommand, rpopCommand } from './lists-pop.js';
import { linsertCommand, lpushCommand, lpushxCommand, rpushCommand, rpushxCommand } from './lists-push.js';
import { keysAfterNumkeys } from './lists-shared.js';

type SpecShape = Omit<CommandSpec, 'handler' | 'name' | 'getKeys'>;

const oneKey = { firstKey: 1, lastKey: 1, keyStep: 1 } as const;
const twoKeys = { firstKey: 1, lastKey: 2, keyStep: 1 } as const;
const movableKeys = { firstKey: 0, lastKey: 0, keyStep: 0 } as const;
const pushWrite: SpecShape = { arity: -3, flags: ['write', 'denyoom', 'fast'], categories: ['write', 'list', 'fast'], ...oneKey };
const fastWrite: SpecShape = { arity: -2, flags: ['write', 'fast'], categories: ['write', 'list', 'fast'], ...oneKey };
const slowWrite: SpecShape = { arity: 4, flags: ['write'], categories: ['write', 'list', 'slow'], ...oneKey };
const slowRead: SpecShape = { arity: 4, flags: ['readonly'], categories: ['read', 'list', 'slow'], ...oneKey };
const blockingWrite: SpecShape = { arity: -3, flags: ['write', 'noscript', 'blocking'], categories: ['write', 'list', 'slow', 'blocking'], firstKey: 1, lastKey: -2, keyStep: 1 };

/** The list commands of Redis 7.0 (arity, flags, keys and ACL categories as COMMAND INFO prints them). */
export const listCommands: readonly CommandSpec[] = [
  { name: 'lpush', ...pushWrite, handler: lpushCommand },
  { name: 'rpush', ...pushWrite, handler: rpushCommand },
  { name: 'lpushx', ...pushWrite, handler: lpushxCommand },
  { name: 'rpushx', ...pushWrite, handler: rpushxCommand },
  { name: 'linsert', ...slowWrite, arity: 5, flags: ['write', 'denyoom'], handler: linsertCommand },
  { name: 'lpop', ...fastWrite, handler: lpopCommand },
  { name: 'rpop', ...fastWrite, handler: rpopCommand },
  { name: 'llen', ...fastWrite, arity: 2, flags: ['readonly', 'fast'], categories: ['read', 'list', 'fast'], handler: llenCommand },
  { name: 'lrange', ...slowRead, handler: lrangeCommand },
  { name: 'lindex', ...slowRead, arity: 3, handler: lindexCommand },
  { name: 'lset', ...slowWrite, flags: ['write', 'denyoom'], handler: lsetCommand },
  { name: 'lrem', ...slowWrite, handler: lremCommand },
  { name: 'ltrim', ...slowWrite, handler: ltrimCommand },
  { name: 'lpos', ...slowRead, arity: -3, handler: lposCommand },
  { name: 'lmove', ...slowWrite, arity: 5, flags: ['write', 'denyoom'], ...twoKeys, handler: lmoveCommand },
  { name: 'rpoplpush', ...slowWrite, arity: 3, flags: ['write', 'denyoom'], ...twoKeys, handler: rpoplpushCommand },
  { name: 'lmpop', ...slowWrite, arity: -4, ...movableKeys, getKeys: keysAfterNumkeys(1), handler: lmpopCommand },
  { name: 'blpop', ...blockingWrite, handler: blpopCommand },
  { name: 'brpop', ...blockingWrite, handler: brpopCommand },
  { name: 'blmove', ...blockingWrite, arity: 6, flags: ['write', 'denyoom', 'noscript', 'blocking'], ...twoKeys, handler: blmoveCommand },
  { name: 'brpoplpush', ...blockingWrite, arity: 4, flags: ['write', 'denyoom', 'noscript', 'blocking'], ...twoKeys, handler: brpoplpushCommand },
  { name: 'blmpop', ...blockingWrite, arity: -5, flags: ['write', 'blocking'], ...movableKeys, getKeys: keysAfterNumkeys(2), handler: blmpopCommand },
];
