import type { CommandSpec } from '../command.js';

export const serverCommands: readonly CommandSpec[] = [];
