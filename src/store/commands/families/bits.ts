/**
 * The bitmap family (bitops.c), with arity, flags, ACL categories and key
 * positions as Redis 7.0.15's src/commands/*.json give them.
 */
import type { CommandContext, CommandFlag, CommandSpec } from '../command.js';
import { bitfieldCommand, bitfieldRoCommand } from './bits-field.js';
import { bitopCommand } from './bits-op.js';
import { bitcountCommand, bitposCommand } from './bits-range.js';
import { getbitCommand, setbitCommand } from './bits-single.js';

type Handler = (ctx: CommandContext) => void;

/** Categories as COMMAND INFO orders them: read/write, bitmap, fast/slow. */
function bitCommand(name: string, arity: number, flags: readonly CommandFlag[], keys: readonly [number, number, number], handler: Handler): CommandSpec {
  const access = flags.includes('write') ? 'write' : 'read';
  const speed = flags.includes('fast') ? 'fast' : 'slow';
  return { name, arity, flags, categories: [access, 'bitmap', speed], firstKey: keys[0], lastKey: keys[1], keyStep: keys[2], handler };
}

const oneKey = [1, 1, 1] as const;

export const bitCommands: readonly CommandSpec[] = [
  bitCommand('setbit', 4, ['write', 'denyoom'], oneKey, setbitCommand),
  bitCommand('getbit', 3, ['readonly', 'fast'], oneKey, getbitCommand),
  bitCommand('bitcount', -2, ['readonly'], oneKey, bitcountCommand),
  bitCommand('bitpos', -3, ['readonly'], oneKey, bitposCommand),
  bitCommand('bitop', -4, ['write', 'denyoom'], [2, -1, 1], bitopCommand),
  bitCommand('bitfield', -2, ['write', 'denyoom'], oneKey, bitfieldCommand),
  bitCommand('bitfield_ro', -2, ['readonly', 'fast'], oneKey, bitfieldRoCommand),
];
