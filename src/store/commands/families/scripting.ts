import { assert } from '../../../core/assert.js';
import type { CommandContext, CommandFlag, CommandSpec } from '../command.js';
import { argIs, container, keyless, replyHelp } from '../../server/commands/spec.js';
import { integerArgument } from '../../server/commands/integer-arguments.js';
import { serverContext } from '../../server/execution-context.js';
import { LuaSyntaxError } from '../../scripting/lua/api.js';
import type { CachedScript } from '../../scripting/script-cache.js';
import { extractShebangFlags } from '../../scripting/script-flags.js';
import { scriptRunRefusal } from '../../scripting/script-prepare.js';
import { ScriptRun } from '../../scripting/script-run.js';
import { sha1Hex } from '../../scripting/script-sha1.js';
import { scriptingOf, type Scripting } from '../../scripting/scripting.js';

const NO_SCRIPT = 'NOSCRIPT No matching script. Please use EVAL.';

/**
 * luaCreateFunction (eval.c): the cached script of this body, or a new one
 * compiled from it (after its shebang line, keeping the line feed so line
 * numbers hold); undefined after replying the shebang or compile error.
 */
export function cachedOrCompiled(ctx: CommandContext, scripting: Scripting, body: Buffer): CachedScript | undefined {
  const sha = sha1Hex(body);
  const cached = scripting.cache.get(sha);
  if (cached !== undefined) return cached;
  const shebang = extractShebangFlags(body);
  if ('error' in shebang) {
    ctx.reply.error(`ERR ${shebang.error}`);
    return undefined;
  }
  try {
    const fn = scripting.vm.load(body.subarray(shebang.shebangLength).toString('latin1'), 'user_script');
    const script: CachedScript = { sha, body: Buffer.from(body), flags: shebang.flags, fn };
    scripting.cache.add(script);
    return script;
  } catch (error) {
    if (!(error instanceof LuaSyntaxError)) throw error;
    ctx.reply.error(`ERR Error compiling script (new function): ${error.message}`);
    return undefined;
  }
}

/** numkeys: an integer between 0 and the number of arguments after it, or the error reply. */
function numberOfKeys(ctx: CommandContext): number | undefined {
  const numkeys = integerArgument(ctx, 2);
  return numkeys === undefined ? undefined : keyCountInRange(ctx, numkeys);
}

/** EVAL's and FCALL's range checks of a parsed numkeys (argv[2]): the count, or the error reply. */
export function keyCountInRange(ctx: CommandContext, numkeys: bigint): number | undefined {
  if (numkeys > BigInt(ctx.argv.length - 3)) {
    ctx.reply.error("ERR Number of keys can't be greater than number of args");
    return undefined;
  }
  if (numkeys < 0n) {
    ctx.reply.error("ERR Number of keys can't be negative");
    return undefined;
  }
  return Number(numkeys);
}

/** evalGenericCommand: EVAL, EVALSHA and their _RO forms. */
function evalGeneric(ctx: CommandContext, bySha: boolean, readOnlyCommand: boolean): void {
  const { node, clientState, spec } = serverContext(ctx);
  const body = ctx.argv[1] as Buffer;
  if (bySha && body.length !== 40) {
    ctx.reply.error(NO_SCRIPT);
    return;
  }
  const numkeys = numberOfKeys(ctx);
  if (numkeys === undefined) return;
  const scripting = scriptingOf(node);
  assert(scripting.running === undefined, 'scripts do not nest (EVAL is noscript)');
  const script = bySha ? scripting.cache.get(body.toString('latin1')) : cachedOrCompiled(ctx, scripting, body);
  if (script === undefined) {
    if (bySha) ctx.reply.error(NO_SCRIPT);
    return;
  }
  const maxmemory = node.config.integer('maxmemory');
  const outOfMemory = maxmemory > 0 && node.estimatedMemoryBytes() > maxmemory;
  const refusal = scriptRunRefusal(node, clientState, script.flags, readOnlyCommand, outOfMemory);
  if (refusal !== undefined) {
    ctx.reply.error(refusal);
    return;
  }
  const keys = ctx.argv.slice(3, 3 + numkeys);
  const args = ctx.argv.slice(3 + numkeys);
  const readOnly = readOnlyCommand || (!script.flags.evalCompatible && script.flags.noWrites);
  const runnable = { name: script.sha, flags: script.flags, fn: script.fn, mode: 'eval' } as const;
  const run = new ScriptRun(scripting, clientState, { script: runnable, keys, args, readOnly, spec, argv: ctx.argv });
  scripting.running = run;
  // Inside EXEC, and for the master link or the AOF loader, a script runs to its end at once.
  run.start(ctx.canBlock);
}

const SCRIPT_HELP = [
  'DEBUG (YES|SYNC|NO)',
  '    Set the debug mode for subsequent scripts executed.',
  'EXISTS <sha1> [<sha1> ...]',
  '    Return information about the existence of the scripts in the script cache.',
  'FLUSH [ASYNC|SYNC]',
  '    Flush the Lua scripts cache. Very dangerous on replicas.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the scripts cache.',
  '    * SYNC: Synchronously flush the scripts cache.',
  'KILL',
  '    Kill the currently executing Lua script.',
  'LOAD <script>',
  '    Load a script into the scripts cache without executing it.',
];

function scriptFlush(ctx: CommandContext): void {
  if (ctx.argv.length > 3 || (ctx.argv.length === 3 && !argIs(ctx, 2, 'sync') && !argIs(ctx, 2, 'async'))) {
    ctx.reply.error('ERR SCRIPT FLUSH only support SYNC|ASYNC option');
    return;
  }
  scriptingOf(serverContext(ctx).node).flush();
  ctx.reply.ok();
}

function scriptExists(ctx: CommandContext): void {
  const scripting = scriptingOf(serverContext(ctx).node);
  ctx.reply.arrayHeader(ctx.argv.length - 2);
  for (const sha of ctx.argv.slice(2)) ctx.reply.integer(scripting.cache.get(sha.toString('latin1')) === undefined ? 0 : 1);
}

function scriptLoad(ctx: CommandContext): void {
  const script = cachedOrCompiled(ctx, scriptingOf(serverContext(ctx).node), ctx.argv[2] as Buffer);
  if (script !== undefined) ctx.reply.bulk(script.sha);
}

function scriptKill(ctx: CommandContext): void {
  const run = scriptingOf(serverContext(ctx).node).running;
  if (run === undefined) {
    ctx.reply.error('NOTBUSY No scripts in execution right now.');
    return;
  }
  const refusal = run.kill(true);
  if (refusal === undefined) ctx.reply.ok();
  else ctx.reply.error(refusal);
}

/** SCRIPT DEBUG: the Lua debugger is not implemented; NO (its default) is accepted. */
function scriptDebug(ctx: CommandContext): void {
  if (argIs(ctx, 2, 'no')) ctx.reply.ok();
  else if (argIs(ctx, 2, 'yes') || argIs(ctx, 2, 'sync')) ctx.reply.error('ERR SCRIPT DEBUG is not supported by this server');
  else ctx.reply.error('ERR Use SCRIPT DEBUG YES/SYNC/NO');
}

/** evalGetKeys: the numkeys keys after numkeys. */
function evalKeys(argv: readonly Buffer[]): number[] {
  const numkeys = Number.parseInt((argv[2] ?? Buffer.alloc(0)).toString('latin1'), 10);
  if (!Number.isInteger(numkeys) || numkeys < 1 || numkeys > argv.length - 3) return [];
  return Array.from({ length: numkeys }, (_, index) => 3 + index);
}

function evalSpec(name: string, flags: readonly CommandFlag[], handler: (ctx: CommandContext) => void): CommandSpec {
  return { name, arity: -3, flags, categories: ['slow', 'scripting'], firstKey: 0, lastKey: 0, keyStep: 0, getKeys: evalKeys, handler };
}

const EVAL_FLAGS: readonly CommandFlag[] = ['noscript', 'skip_monitor', 'may_replicate', 'no_mandatory_keys', 'stale'];
const EVAL_RO_FLAGS: readonly CommandFlag[] = ['readonly', 'noscript', 'skip_monitor', 'no_mandatory_keys', 'stale'];

export const scriptingCommands: readonly CommandSpec[] = [
  evalSpec('eval', EVAL_FLAGS, (ctx) => evalGeneric(ctx, false, false)),
  evalSpec('evalsha', EVAL_FLAGS, (ctx) => evalGeneric(ctx, true, false)),
  evalSpec('eval_ro', EVAL_RO_FLAGS, (ctx) => evalGeneric(ctx, false, true)),
  evalSpec('evalsha_ro', EVAL_RO_FLAGS, (ctx) => evalGeneric(ctx, true, true)),
  // Subcommands in the order Redis's dict gives them (COMMAND INFO prints them so).
  container('script', [
    keyless('script|exists', -3, ['noscript'], ['slow', 'scripting'], scriptExists),
    keyless('script|flush', -2, ['noscript'], ['slow', 'scripting'], scriptFlush),
    keyless('script|help', 2, ['loading', 'stale'], ['slow', 'scripting'], (ctx) => replyHelp(ctx, 'SCRIPT', SCRIPT_HELP)),
    keyless('script|kill', 2, ['noscript', 'allow_busy'], ['slow', 'scripting'], scriptKill),
    keyless('script|debug', 3, ['noscript'], ['slow', 'scripting'], scriptDebug),
    keyless('script|load', 3, ['noscript', 'stale'], ['slow', 'scripting'], scriptLoad),
  ]),
];
