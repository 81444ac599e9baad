import type { CommandSpec } from '../command.js';
import { argIs, container, replySubcommandSyntaxError } from '../../server/commands/spec.js';

/**
 * FUNCTION FLUSH [ASYNC|SYNC] (functions.c), the one FUNCTION subcommand a
 * store without scripting can answer truthfully: there are never functions
 * to delete. redis-server's test suite sends it before every test file in
 * external-server mode. The other FUNCTION subcommands are not implemented.
 */
function functionFlushCommandSpec(): CommandSpec {
  const flush: CommandSpec = {
    name: 'function|flush',
    arity: -2,
    flags: ['noscript', 'write'],
    categories: ['write', 'slow', 'scripting'],
    firstKey: 0,
    lastKey: 0,
    keyStep: 0,
    handler: (ctx) => {
      if (ctx.argv.length > 3) {
        replySubcommandSyntaxError(ctx);
        return;
      }
      if (ctx.argv.length === 3 && !argIs(ctx, 2, 'sync') && !argIs(ctx, 2, 'async')) {
        ctx.reply.error('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');
        return;
      }
      ctx.dirty();
      ctx.reply.status('OK');
    },
  };
  return container('function', [flush], ['slow']);
}

export const functionCommands: readonly CommandSpec[] = [functionFlushCommandSpec()];
