import type { CommandSpec } from '../command.js';
import { container } from '../../server/commands/spec.js';
import { xaddCommand, xtrimCommand } from './streams-add.js';
import { xautoclaimCommand, xclaimCommand } from './streams-claim.js';
import { xgroupCreateCommand, xgroupCreateconsumerCommand, xgroupDelconsumerCommand, xgroupDestroyCommand, xgroupHelpCommand, xgroupSetidCommand, xsetidCommand } from './streams-groups.js';
import { xinfoConsumersCommand, xinfoGroupsCommand, xinfoHelpCommand, xinfoStreamCommand } from './streams-info.js';
import { xackCommand, xpendingCommand } from './streams-pending.js';
import { xdelCommand, xlenCommand, xrangeCommand, xrevrangeCommand } from './streams-range.js';
import { streamReadKeys, xreadCommand, xreadgroupCommand } from './streams-read.js';

type SpecShape = Omit<CommandSpec, 'handler' | 'name' | 'getKeys'>;

const oneKey = { firstKey: 1, lastKey: 1, keyStep: 1 } as const;
const secondKey = { firstKey: 2, lastKey: 2, keyStep: 1 } as const;
const noKeys = { firstKey: 0, lastKey: 0, keyStep: 0 } as const;
const fastWrite: SpecShape = { arity: -3, flags: ['write', 'fast'], categories: ['write', 'stream', 'fast'], ...oneKey };
const slowRead: SpecShape = { arity: -4, flags: ['readonly'], categories: ['read', 'stream', 'slow'], ...oneKey };
const groupWrite: SpecShape = { arity: 5, flags: ['write'], categories: ['write', 'stream', 'slow'], ...secondKey };
const infoRead: SpecShape = { arity: 3, flags: ['readonly'], categories: ['read', 'stream', 'slow'], ...secondKey };
const help: SpecShape = { arity: 2, flags: ['loading', 'stale'], categories: ['stream', 'slow'], ...noKeys };

/** The stream commands of Redis 7.0 (arity, flags, keys and ACL categories as COMMAND INFO prints them). */
export const streamCommands: readonly CommandSpec[] = [
  { name: 'xadd', ...fastWrite, arity: -5, flags: ['write', 'denyoom', 'fast'], handler: xaddCommand },
  { name: 'xtrim', ...fastWrite, arity: -4, flags: ['write'], categories: ['write', 'stream', 'slow'], handler: xtrimCommand },
  { name: 'xdel', ...fastWrite, handler: xdelCommand },
  { name: 'xlen', ...slowRead, arity: 2, flags: ['readonly', 'fast'], categories: ['read', 'stream', 'fast'], handler: xlenCommand },
  { name: 'xrange', ...slowRead, handler: xrangeCommand },
  { name: 'xrevrange', ...slowRead, handler: xrevrangeCommand },
  { name: 'xread', ...slowRead, flags: ['readonly', 'blocking'], categories: ['read', 'stream', 'slow', 'blocking'], ...noKeys, getKeys: streamReadKeys, handler: xreadCommand },
  { name: 'xreadgroup', ...slowRead, arity: -7, flags: ['write', 'blocking'], categories: ['write', 'stream', 'slow', 'blocking'], ...noKeys, getKeys: streamReadKeys, handler: xreadgroupCommand },
  { name: 'xack', ...fastWrite, arity: -4, handler: xackCommand },
  { name: 'xpending', ...slowRead, arity: -3, handler: xpendingCommand },
  { name: 'xclaim', ...fastWrite, arity: -6, handler: xclaimCommand },
  { name: 'xautoclaim', ...fastWrite, arity: -6, handler: xautoclaimCommand },
  { name: 'xsetid', ...fastWrite, flags: ['write', 'denyoom', 'fast'], handler: xsetidCommand },
  container('xgroup', [
    { name: 'xgroup|create', ...groupWrite, arity: -5, flags: ['write', 'denyoom'], handler: xgroupCreateCommand },
    { name: 'xgroup|setid', ...groupWrite, arity: -5, handler: xgroupSetidCommand },
    { name: 'xgroup|destroy', ...groupWrite, arity: 4, handler: xgroupDestroyCommand },
    { name: 'xgroup|createconsumer', ...groupWrite, flags: ['write', 'denyoom'], handler: xgroupCreateconsumerCommand },
    { name: 'xgroup|delconsumer', ...groupWrite, handler: xgroupDelconsumerCommand },
    { name: 'xgroup|help', ...help, handler: xgroupHelpCommand },
  ]),
  container('xinfo', [
    { name: 'xinfo|stream', ...infoRead, arity: -3, handler: xinfoStreamCommand },
    { name: 'xinfo|groups', ...infoRead, handler: xinfoGroupsCommand },
    { name: 'xinfo|consumers', ...infoRead, arity: 4, handler: xinfoConsumersCommand },
    { name: 'xinfo|help', ...help, handler: xinfoHelpCommand },
  ]),
];
