import type { CommandSpec } from '../command.js';

export const hashCommands: readonly CommandSpec[] = [];
