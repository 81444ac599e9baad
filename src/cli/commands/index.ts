import type { CommandModule } from 'yargs';
import { checkCommand } from './check.js';
import { listCommand } from './list.js';
import { replayCommand } from './replay.js';
import { runCommand } from './run.js';
import { selftestCommand } from './selftest.js';
import { serveCommand } from './serve.js';
import { shrinkCommand } from './shrink.js';
import { startCommand } from './start.js';
import { sweepCommand } from './sweep.js';
import { versionCommand } from './version.js';

/** Every CLI command; each lives in its own file in this folder. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const cliCommands: readonly CommandModule<any, any>[] = [versionCommand, checkCommand, selftestCommand, listCommand, runCommand, serveCommand, sweepCommand, replayCommand, shrinkCommand, startCommand];
