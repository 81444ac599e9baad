import type { CommandSpec } from '../command.js';

export const stringCommands: readonly CommandSpec[] = [];
