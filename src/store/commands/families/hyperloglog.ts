import type { CommandSpec } from '../command.js';

/** PFADD PFCOUNT PFMERGE PFDEBUG PFSELFTEST (hyperloglog.c). */
export const hyperLogLogCommands: readonly CommandSpec[] = [];
