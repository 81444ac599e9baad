import type { CommandContext, CommandSpec } from '../command.js';
import { argIs, container, keyless, replyHelp, replySubcommandSyntaxError } from '../../server/commands/spec.js';
import { serverContext } from '../../server/execution-context.js';
import { mustObey } from '../../scripting/script-call.js';
import { FunctionLibraries } from '../../scripting/functions/function-libraries.js';
import { functionsOf, LOAD_TIMEOUT_MS } from '../../scripting/functions/functions.js';
import { createFunctionsDump, readFunctionsDump } from '../../scripting/functions/functions-payload.js';
import { installedScripting } from '../../scripting/scripting.js';
import { fcallCommands } from './functions-call.js';
import { functionList, functionStats } from './functions-list.js';

/** FUNCTION LOAD [REPLACE] <code> */
function functionLoad(ctx: CommandContext): void {
  let replace = false;
  for (let index = 2; index < ctx.argv.length - 1; index++) {
    if (argIs(ctx, index, 'replace')) replace = true;
    else {
      ctx.reply.error(`ERR Unknown option given: ${(ctx.argv[index] as Buffer).toString('latin1')}`);
      return;
    }
  }
  const { node, clientState } = serverContext(ctx);
  const functions = functionsOf(node);
  const timeoutMs = mustObey(clientState) ? 0 : LOAD_TIMEOUT_MS;
  const created = functions.createLibrary(ctx.argv[ctx.argv.length - 1] as Buffer, replace, functions.libraries, timeoutMs);
  if ('error' in created) {
    ctx.reply.error(`ERR ${created.error}`);
    return;
  }
  ctx.dirty();
  ctx.reply.bulk(created.name);
}

function functionDelete(ctx: CommandContext): void {
  const libraries = functionsOf(serverContext(ctx).node).libraries;
  const library = libraries.libraries.get((ctx.argv[2] as Buffer).toString('latin1'));
  if (library === undefined) {
    ctx.reply.error('ERR Library not found');
    return;
  }
  libraries.unlink(library);
  ctx.dirty();
  ctx.reply.ok();
}

/** FUNCTION FLUSH [ASYNC|SYNC]: both free the libraries at once here. */
function functionFlush(ctx: CommandContext): void {
  if (ctx.argv.length > 3) {
    replySubcommandSyntaxError(ctx);
    return;
  }
  if (ctx.argv.length === 3 && !argIs(ctx, 2, 'sync') && !argIs(ctx, 2, 'async')) {
    ctx.reply.error('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');
    return;
  }
  functionsOf(serverContext(ctx).node).clear();
  ctx.dirty();
  ctx.reply.ok();
}

function functionKill(ctx: CommandContext): void {
  const run = installedScripting(serverContext(ctx).node)?.running;
  if (run === undefined) {
    ctx.reply.error('NOTBUSY No scripts in execution right now.');
    return;
  }
  const refusal = run.kill(false);
  if (refusal === undefined) ctx.reply.ok();
  else ctx.reply.error(refusal);
}

function functionDump(ctx: CommandContext): void {
  const node = serverContext(ctx).node;
  ctx.reply.bulk(createFunctionsDump(functionsOf(node).codes(), node.config.flag('rdbcompression')));
}

const RESTORE_POLICIES = ['append', 'replace', 'flush'] as const;

/** FUNCTION RESTORE <payload> [FLUSH|APPEND|REPLACE] */
function functionRestore(ctx: CommandContext): void {
  if (ctx.argv.length > 4) {
    replySubcommandSyntaxError(ctx);
    return;
  }
  const policy = ctx.argv.length === 4 ? RESTORE_POLICIES.find((name) => argIs(ctx, 3, name)) : 'append';
  if (policy === undefined) {
    ctx.reply.error('ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.');
    return;
  }
  const codes = readFunctionsDump(ctx.argv[2] as Buffer);
  const functions = functionsOf(serverContext(ctx).node);
  const restored = new FunctionLibraries();
  const error = 'error' in codes ? codes.error : createAll(functions, codes, restored);
  const joined = error ?? (policy === 'flush' ? swapIn(functions, restored) : functions.libraries.join(restored, policy === 'replace'));
  if (joined !== undefined) {
    ctx.reply.error(`ERR ${joined}`);
    return;
  }
  ctx.dirty();
  ctx.reply.ok();
}

/** rdbFunctionLoad of each library into `into` (no time limit, no replacing); the first error. */
function createAll(functions: ReturnType<typeof functionsOf>, codes: readonly Buffer[], into: FunctionLibraries): string | undefined {
  for (const code of codes) {
    const created = functions.createLibrary(code, false, into, 0);
    if ('error' in created) return created.error;
  }
  return undefined;
}

function swapIn(functions: ReturnType<typeof functionsOf>, restored: FunctionLibraries): undefined {
  functions.libraries = restored;
  return undefined;
}

const FUNCTION_HELP = [
  'LOAD [REPLACE] <FUNCTION CODE>',
  '    Create a new library with the given library name and code.',
  'DELETE <LIBRARY NAME>',
  '    Delete the given library.',
  'LIST [LIBRARYNAME PATTERN] [WITHCODE]',
  '    Return general information on all the libraries:',
  '    * Library name',
  '    * The engine used to run the Library',
  '    * Library description',
  '    * Functions list',
  '    * Library code (if WITHCODE is given)',
  '    It also possible to get only function that matches a pattern using LIBRARYNAME argument.',
  'STATS',
  '    Return information about the current function running:',
  '    * Function name',
  '    * Command used to run the function',
  '    * Duration in MS that the function is running',
  '    If no function is running, return nil',
  '    In addition, returns a list of available engines.',
  'KILL',
  '    Kill the current running function.',
  'FLUSH [ASYNC|SYNC]',
  '    Delete all the libraries.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the libraries.',
  '    * SYNC: Synchronously flush the libraries.',
  'DUMP',
  '    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command',
  'RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]',
  '    Restore the libraries represented by the given payload, it is possible to give a restore policy to',
  '    control how to handle existing libraries (default APPEND):',
  '    * FLUSH: delete all existing libraries.',
  '    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.',
  '    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old',
  '      libraries with the new libraries (notice that even on this option there is a chance of failure',
  '      in case of functions name collision with another library).',
];

const WRITE = ['write', 'slow', 'scripting'];
const READ = ['slow', 'scripting'];

// Subcommands in the order Redis's dict gives them (COMMAND INFO prints them so).
export const functionCommands: readonly CommandSpec[] = [
  container('function', [
    keyless('function|flush', -2, ['write', 'noscript'], WRITE, functionFlush),
    keyless('function|load', -3, ['write', 'denyoom', 'noscript'], WRITE, functionLoad),
    keyless('function|restore', -3, ['write', 'denyoom', 'noscript'], WRITE, functionRestore),
    keyless('function|help', 2, ['loading', 'stale'], READ, (ctx) => replyHelp(ctx, 'FUNCTION', FUNCTION_HELP)),
    keyless('function|list', -2, ['noscript'], READ, functionList),
    keyless('function|delete', 3, ['write', 'noscript'], WRITE, functionDelete),
    keyless('function|kill', 2, ['noscript', 'allow_busy'], READ, functionKill),
    keyless('function|dump', 2, ['noscript'], READ, functionDump),
    keyless('function|stats', 2, ['noscript', 'allow_busy'], READ, functionStats),
  ]),
  ...fcallCommands,
];
