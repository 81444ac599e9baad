import type { CommandContext } from '../command.js';
import { argIs } from '../../server/commands/spec.js';
import { serverContext } from '../../server/execution-context.js';
import { globMatch } from '../../server/glob.js';
import { errors } from '../errors.js';
import { flagNamesOf, type FunctionLibrary } from '../../scripting/functions/function-library.js';
import { functionsOf, LUA_ENGINE_NAME } from '../../scripting/functions/functions.js';
import { installedScripting } from '../../scripting/scripting.js';

interface ListOptions {
  readonly withCode: boolean;
  readonly pattern: Buffer | undefined;
}

/** FUNCTION LIST's arguments: WITHCODE and LIBRARYNAME <pattern>, each at most once; undefined after an error reply. */
function listOptions(ctx: CommandContext): ListOptions | undefined {
  let withCode = false;
  let pattern: Buffer | undefined;
  for (let index = 2; index < ctx.argv.length; index++) {
    if (!withCode && argIs(ctx, index, 'withcode')) {
      withCode = true;
      continue;
    }
    if (pattern === undefined && argIs(ctx, index, 'libraryname')) {
      if (index >= ctx.argv.length - 1) {
        ctx.reply.error('ERR library name argument was not given');
        return undefined;
      }
      pattern = ctx.argv[++index] as Buffer;
      continue;
    }
    ctx.reply.error(`ERR Unknown argument ${(ctx.argv[index] as Buffer).toString('latin1')}`);
    return undefined;
  }
  return { withCode, pattern };
}

function replyLibrary(ctx: CommandContext, library: FunctionLibrary, withCode: boolean): void {
  const reply = ctx.reply;
  reply.mapHeader(withCode ? 4 : 3);
  reply.bulk('library_name');
  reply.bulk(library.name);
  reply.bulk('engine');
  reply.bulk(library.engine);
  reply.bulk('functions');
  reply.arrayHeader(library.functions.size);
  for (const fn of library.functions.values()) {
    reply.mapHeader(3);
    reply.bulk('name');
    reply.bulk(fn.name);
    reply.bulk('description');
    if (fn.description === undefined) reply.nullBulk();
    else reply.bulk(fn.description);
    reply.bulk('flags');
    const flags = flagNamesOf(fn.flags);
    reply.setHeader(flags.length);
    for (const flag of flags) reply.status(flag);
  }
  if (withCode) {
    reply.bulk('library_code');
    reply.bulk(library.code);
  }
}

/** functionListCommand */
export function functionList(ctx: CommandContext): void {
  const options = listOptions(ctx);
  if (options === undefined) return;
  const pattern = options.pattern;
  const libraries = [...functionsOf(serverContext(ctx).node).libraries.libraries.values()].filter(
    (library) => pattern === undefined || globMatch(pattern, Buffer.from(library.name, 'latin1'), true),
  );
  ctx.reply.arrayHeader(libraries.length);
  for (const library of libraries) replyLibrary(ctx, library, options.withCode);
}

/** functionStatsCommand: the running function (refused while an EVAL script is busy) and the engine's counts. */
export function functionStats(ctx: CommandContext): void {
  const node = serverContext(ctx).node;
  const run = installedScripting(node)?.running;
  if (run?.isEval === true) {
    ctx.reply.error(errors.busyScript);
    return;
  }
  const reply = ctx.reply;
  reply.mapHeader(2);
  reply.bulk('running_script');
  if (run === undefined) reply.nullBulk();
  else {
    reply.mapHeader(3);
    reply.bulk('name');
    reply.bulk(run.sha);
    reply.bulk('command');
    reply.bulkArray(run.argv);
    reply.bulk('duration_ms');
    reply.integer(run.elapsedMs());
  }
  const libraries = functionsOf(node).libraries;
  reply.bulk('engines');
  reply.mapHeader(1);
  reply.bulk(LUA_ENGINE_NAME);
  reply.mapHeader(2);
  reply.bulk('libraries_count');
  reply.integer(libraries.libraries.size);
  reply.bulk('functions_count');
  reply.integer(libraries.functionCount);
}
