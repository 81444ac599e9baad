/**
 * The string family (t_string.c), with arity, flags, ACL categories and key
 * positions as Redis 7.0.15's src/commands/*.json give them.
 */
import type { CommandContext, CommandFlag, CommandSpec } from '../command.js';
import { decrbyCommand, decrCommand, incrbyCommand, incrbyfloatCommand, incrCommand } from './strings-counters.js';
import { appendCommand, setrangeCommand } from './strings-edit.js';
import { getCommand, getdelCommand, getexCommand, getrangeCommand, mgetCommand, strlenCommand } from './strings-get.js';
import { lcsCommand } from './strings-lcs.js';
import { getsetCommand, msetCommand, msetnxCommand, psetexCommand, setCommand, setexCommand, setnxCommand } from './strings-set.js';

type Handler = (ctx: CommandContext) => void;

/** One string command: categories are read/write, string, fast/slow, as COMMAND INFO orders them. */
function stringCommand(name: string, arity: number, flags: readonly CommandFlag[], keys: readonly [number, number, number], handler: Handler): CommandSpec {
  const access = flags.includes('write') ? 'write' : 'read';
  const speed = flags.includes('fast') ? 'fast' : 'slow';
  return { name, arity, flags, categories: [access, 'string', speed], firstKey: keys[0], lastKey: keys[1], keyStep: keys[2], handler };
}

const oneKey = [1, 1, 1] as const;

export const stringCommands: readonly CommandSpec[] = [
  stringCommand('get', 2, ['readonly', 'fast'], oneKey, getCommand),
  stringCommand('set', -3, ['write', 'denyoom'], oneKey, setCommand),
  stringCommand('setnx', 3, ['write', 'denyoom', 'fast'], oneKey, setnxCommand),
  stringCommand('setex', 4, ['write', 'denyoom'], oneKey, setexCommand),
  stringCommand('psetex', 4, ['write', 'denyoom'], oneKey, psetexCommand),
  stringCommand('getset', 3, ['write', 'denyoom', 'fast'], oneKey, getsetCommand),
  stringCommand('getdel', 2, ['write', 'fast'], oneKey, getdelCommand),
  stringCommand('getex', -2, ['write', 'fast'], oneKey, getexCommand),
  stringCommand('mget', -2, ['readonly', 'fast'], [1, -1, 1], mgetCommand),
  stringCommand('mset', -3, ['write', 'denyoom'], [1, -1, 2], msetCommand),
  stringCommand('msetnx', -3, ['write', 'denyoom'], [1, -1, 2], msetnxCommand),
  stringCommand('incr', 2, ['write', 'denyoom', 'fast'], oneKey, incrCommand),
  stringCommand('decr', 2, ['write', 'denyoom', 'fast'], oneKey, decrCommand),
  stringCommand('incrby', 3, ['write', 'denyoom', 'fast'], oneKey, incrbyCommand),
  stringCommand('decrby', 3, ['write', 'denyoom', 'fast'], oneKey, decrbyCommand),
  stringCommand('incrbyfloat', 3, ['write', 'denyoom', 'fast'], oneKey, incrbyfloatCommand),
  stringCommand('append', 3, ['write', 'denyoom', 'fast'], oneKey, appendCommand),
  stringCommand('strlen', 2, ['readonly', 'fast'], oneKey, strlenCommand),
  stringCommand('getrange', 4, ['readonly'], oneKey, getrangeCommand),
  stringCommand('substr', 4, ['readonly'], oneKey, getrangeCommand),
  stringCommand('setrange', 4, ['write', 'denyoom'], oneKey, setrangeCommand),
  stringCommand('lcs', -3, ['readonly'], [1, 2, 1], lcsCommand),
];
