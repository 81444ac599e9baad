import type { CommandSpec } from '../command.js';

export const bitCommands: readonly CommandSpec[] = [];
