import type { CommandSpec } from '../command.js';

/** SLOWLOG LATENCY MONITOR LOLWUT (slowlog.c, latency.c, replication.c's monitors). */
export const diagnosticCommands: readonly CommandSpec[] = [];
