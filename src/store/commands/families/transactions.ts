import type { CommandSpec } from '../command.js';

export const transactionCommands: readonly CommandSpec[] = [];
