/**
 * The generic key commands (db.c, expire.c), with arity, flags, ACL
 * categories and key positions as Redis 7.0.15's src/commands/*.json give them.
 */
import type { CommandContext, CommandFlag, CommandSpec } from '../command.js';
import { delCommand, existsCommand, touchCommand, typeCommand } from './keys-basic.js';
import {
  expireatCommand,
  expireCommand,
  expiretimeCommand,
  persistCommand,
  pexpireatCommand,
  pexpireCommand,
  pexpiretimeCommand,
  pttlCommand,
  ttlCommand,
} from './keys-expire.js';
import { keysCommand, randomkeyCommand, scanCommand } from './keys-listing.js';
import { copyCommand, moveCommand, renameCommand, renamenxCommand } from './keys-rename.js';
import { sortCommand, sortKeys, sortRoCommand } from './keys-sort.js';

type Handler = (ctx: CommandContext) => void;

/** Categories as COMMAND INFO orders them: keyspace, read/write, fast/slow, then extras. */
function keyCommand(
  name: string,
  arity: number,
  flags: readonly CommandFlag[],
  keys: readonly [number, number, number],
  handler: Handler,
  extraCategories: readonly string[] = [],
): CommandSpec {
  const access = flags.includes('write') ? 'write' : 'read';
  const speed = flags.includes('fast') ? 'fast' : 'slow';
  return {
    name,
    arity,
    flags,
    categories: ['keyspace', access, speed, ...extraCategories],
    firstKey: keys[0],
    lastKey: keys[1],
    keyStep: keys[2],
    handler,
  };
}

const oneKey = [1, 1, 1] as const;
const allKeys = [1, -1, 1] as const;
const noKeys = [0, 0, 0] as const;

export const keyCommands: readonly CommandSpec[] = [
  keyCommand('del', -2, ['write'], allKeys, delCommand),
  keyCommand('unlink', -2, ['write', 'fast'], allKeys, delCommand),
  keyCommand('exists', -2, ['readonly', 'fast'], allKeys, existsCommand),
  keyCommand('touch', -2, ['readonly', 'fast'], allKeys, touchCommand),
  keyCommand('type', 2, ['readonly', 'fast'], oneKey, typeCommand),
  keyCommand('keys', 2, ['readonly'], noKeys, keysCommand, ['dangerous']),
  keyCommand('scan', -2, ['readonly'], noKeys, scanCommand),
  keyCommand('randomkey', 1, ['readonly'], noKeys, randomkeyCommand),
  keyCommand('rename', 3, ['write'], [1, 2, 1], renameCommand),
  keyCommand('renamenx', 3, ['write', 'fast'], [1, 2, 1], renamenxCommand),
  keyCommand('move', 3, ['write', 'fast'], oneKey, moveCommand),
  keyCommand('copy', -3, ['write', 'denyoom'], [1, 2, 1], copyCommand),
  keyCommand('expire', -3, ['write', 'fast'], oneKey, expireCommand),
  keyCommand('pexpire', -3, ['write', 'fast'], oneKey, pexpireCommand),
  keyCommand('expireat', -3, ['write', 'fast'], oneKey, expireatCommand),
  keyCommand('pexpireat', -3, ['write', 'fast'], oneKey, pexpireatCommand),
  keyCommand('expiretime', 2, ['readonly', 'fast'], oneKey, expiretimeCommand),
  keyCommand('pexpiretime', 2, ['readonly', 'fast'], oneKey, pexpiretimeCommand),
  keyCommand('ttl', 2, ['readonly', 'fast'], oneKey, ttlCommand),
  keyCommand('pttl', 2, ['readonly', 'fast'], oneKey, pttlCommand),
  keyCommand('persist', 2, ['write', 'fast'], oneKey, persistCommand),
  sortSpec('sort', ['write', 'denyoom'], sortCommand, sortKeys),
  sortSpec('sort_ro', ['readonly'], sortRoCommand, () => [1]),
];

/** SORT and SORT_RO touch lists, sets and sorted sets, and (STORE) a key found by parsing. */
function sortSpec(name: string, flags: readonly CommandFlag[], handler: Handler, getKeys: (argv: readonly Buffer[]) => number[]): CommandSpec {
  const access = flags.includes('write') ? 'write' : 'read';
  return { name, arity: -2, flags, categories: [access, 'set', 'sortedset', 'list', 'slow', 'dangerous'], firstKey: 1, lastKey: 1, keyStep: 1, getKeys, handler };
}
