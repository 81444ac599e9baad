import type { CommandModule } from 'yargs';
import { versionCommand } from './version.js';

/** Every CLI command; each lives in its own file in this folder. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const cliCommands: readonly CommandModule<any, any>[] = [versionCommand];
