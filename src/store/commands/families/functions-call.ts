import type { CommandContext, CommandFlag, CommandSpec } from '../command.js';
import { serverContext } from '../../server/execution-context.js';
import { string2ll } from '../../types/number-parsing.js';
import { functionsOf } from '../../scripting/functions/functions.js';
import { functionCommandRefusal, scriptRunRefusal } from '../../scripting/script-prepare.js';
import { ScriptRun } from '../../scripting/script-run.js';
import { scriptingOf } from '../../scripting/scripting.js';
import { assert } from '../../../core/assert.js';
import { keyCountInRange } from './scripting.js';

/** FCALL's numkeys: an integer between 0 and the number of arguments after it, or the error reply. */
function numberOfKeys(ctx: CommandContext): number | undefined {
  const numkeys = string2ll(ctx.argv[2] as Buffer);
  if (numkeys === undefined) {
    ctx.reply.error('ERR Bad number of keys provided');
    return undefined;
  }
  return keyCountInRange(ctx, numkeys);
}

/** fcallCommandGeneric: FCALL and FCALL_RO. */
function fcallGeneric(ctx: CommandContext, readOnlyCommand: boolean): void {
  const { node, clientState, spec } = serverContext(ctx);
  const fn = functionsOf(node).libraries.findFunction((ctx.argv[1] as Buffer).toString('latin1'));
  if (fn === undefined) {
    ctx.reply.error('ERR Function not found');
    return;
  }
  const numkeys = numberOfKeys(ctx);
  if (numkeys === undefined) return;
  const maxmemory = node.config.integer('maxmemory');
  const outOfMemory = maxmemory > 0 && node.estimatedMemoryBytes() > maxmemory;
  const refusal = functionCommandRefusal(node, clientState, fn.flags, outOfMemory) ?? scriptRunRefusal(node, clientState, fn.flags, readOnlyCommand, outOfMemory);
  if (refusal !== undefined) {
    ctx.reply.error(refusal);
    return;
  }
  const scripting = scriptingOf(node);
  assert(scripting.running === undefined, 'scripts do not nest (FCALL is noscript)');
  const engine = functionsOf(node).luaEngine;
  const host = { node, vm: engine.vm, globals: engine.globals, scriptClient: scripting.scriptClient, busyGuard: scripting.busyGuard, runEnded: (run: ScriptRun) => scripting.runEnded(run) };
  const script = { name: fn.name, flags: fn.flags, fn: fn.fn, mode: 'function' } as const;
  const keys = ctx.argv.slice(3, 3 + numkeys);
  const args = ctx.argv.slice(3 + numkeys);
  const readOnly = readOnlyCommand || fn.flags.noWrites;
  const run = new ScriptRun(host, clientState, { script, keys, args, readOnly, spec, argv: ctx.argv });
  scripting.running = run;
  // Inside EXEC, and for the master link or the AOF loader, a function runs to its end at once.
  run.start(ctx.canBlock);
}

/** functionGetKeys (evalGetKeys): the numkeys keys after numkeys. */
function fcallKeys(argv: readonly Buffer[]): number[] {
  const numkeys = Number.parseInt((argv[2] ?? Buffer.alloc(0)).toString('latin1'), 10);
  if (!Number.isInteger(numkeys) || numkeys < 1 || numkeys > argv.length - 3) return [];
  return Array.from({ length: numkeys }, (_, index) => 3 + index);
}

function fcallSpec(name: string, flags: readonly CommandFlag[], handler: (ctx: CommandContext) => void): CommandSpec {
  return { name, arity: -3, flags, categories: ['slow', 'scripting'], firstKey: 0, lastKey: 0, keyStep: 0, getKeys: fcallKeys, handler };
}

export const fcallCommands: readonly CommandSpec[] = [
  fcallSpec('fcall', ['noscript', 'skip_monitor', 'may_replicate', 'no_mandatory_keys', 'stale'], (ctx) => fcallGeneric(ctx, false)),
  fcallSpec('fcall_ro', ['readonly', 'noscript', 'skip_monitor', 'no_mandatory_keys', 'stale'], (ctx) => fcallGeneric(ctx, true)),
];
