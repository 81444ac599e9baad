/**
 * The HyperLogLog family (hyperloglog.c), with arity, flags, ACL categories
 * and key positions as Redis 7.0.15's src/commands/pf*.json give them.
 */
import type { CommandSpec } from '../command.js';
import { pfaddCommand, pfcountCommand, pfmergeCommand } from './hyperloglog-commands.js';
import { pfdebugCommand, pfselftestCommand } from './hyperloglog-debug.js';

/** PFADD PFCOUNT PFMERGE PFDEBUG PFSELFTEST (hyperloglog.c). */
export const hyperLogLogCommands: readonly CommandSpec[] = [
  { name: 'pfadd', arity: -2, flags: ['write', 'denyoom', 'fast'], categories: ['write', 'hyperloglog', 'fast'], firstKey: 1, lastKey: 1, keyStep: 1, handler: pfaddCommand },
  { name: 'pfcount', arity: -2, flags: ['readonly', 'may_replicate'], categories: ['read', 'hyperloglog', 'slow'], firstKey: 1, lastKey: -1, keyStep: 1, handler: pfcountCommand },
  { name: 'pfmerge', arity: -2, flags: ['write', 'denyoom'], categories: ['write', 'hyperloglog', 'slow'], firstKey: 1, lastKey: -1, keyStep: 1, handler: pfmergeCommand },
  { name: 'pfdebug', arity: 3, flags: ['write', 'denyoom', 'admin'], categories: ['write', 'hyperloglog', 'admin', 'slow', 'dangerous'], firstKey: 2, lastKey: 2, keyStep: 1, handler: pfdebugCommand },
  { name: 'pfselftest', arity: 1, flags: ['admin'], categories: ['hyperloglog', 'admin', 'slow', 'dangerous'], firstKey: 0, lastKey: 0, keyStep: 0, handler: pfselftestCommand },
];
