import type { CommandSpec } from '../command.js';
import { hrandfieldCommand } from './hashes-random.js';
import { hexistsCommand, hgetallCommand, hgetCommand, hkeysCommand, hlenCommand, hmgetCommand, hscanCommand, hstrlenCommand, hvalsCommand } from './hashes-read.js';
import { hdelCommand, hincrbyCommand, hincrbyfloatCommand, hmsetCommand, hsetCommand, hsetnxCommand } from './hashes-write.js';

type SpecShape = Omit<CommandSpec, 'handler' | 'name' | 'getKeys'>;

const oneKey = { firstKey: 1, lastKey: 1, keyStep: 1 } as const;
const fastWrite: SpecShape = { arity: -4, flags: ['write', 'denyoom', 'fast'], categories: ['write', 'hash', 'fast'], ...oneKey };
const fastRead: SpecShape = { arity: 3, flags: ['readonly', 'fast'], categories: ['read', 'hash', 'fast'], ...oneKey };
const slowRead: SpecShape = { arity: 2, flags: ['readonly'], categories: ['read', 'hash', 'slow'], ...oneKey };

/** The hash commands of Redis 7.0 (arity, flags, keys and ACL categories as COMMAND INFO prints them). */
export const hashCommands: readonly CommandSpec[] = [
  { name: 'hset', ...fastWrite, handler: hsetCommand },
  { name: 'hmset', ...fastWrite, handler: hmsetCommand },
  { name: 'hsetnx', ...fastWrite, arity: 4, handler: hsetnxCommand },
  { name: 'hdel', ...fastWrite, arity: -3, flags: ['write', 'fast'], handler: hdelCommand },
  { name: 'hincrby', ...fastWrite, arity: 4, handler: hincrbyCommand },
  { name: 'hincrbyfloat', ...fastWrite, arity: 4, handler: hincrbyfloatCommand },
  { name: 'hget', ...fastRead, handler: hgetCommand },
  { name: 'hmget', ...fastRead, arity: -3, handler: hmgetCommand },
  { name: 'hexists', ...fastRead, handler: hexistsCommand },
  { name: 'hlen', ...fastRead, arity: 2, handler: hlenCommand },
  { name: 'hstrlen', ...fastRead, handler: hstrlenCommand },
  { name: 'hgetall', ...slowRead, handler: hgetallCommand },
  { name: 'hkeys', ...slowRead, handler: hkeysCommand },
  { name: 'hvals', ...slowRead, handler: hvalsCommand },
  { name: 'hrandfield', ...slowRead, arity: -2, handler: hrandfieldCommand },
  { name: 'hscan', ...slowRead, arity: -3, handler: hscanCommand },
];
