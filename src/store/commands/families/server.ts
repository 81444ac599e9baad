import type { CommandContext, CommandSpec } from '../command.js';
import { configCommand } from '../../server/commands/config-command.js';
import { commandCommand } from '../../server/commands/command-command.js';
import { debugCommand } from '../../server/commands/debug-command.js';
import { infoCommand } from '../../server/commands/info-command.js';
import { flushall, flushdb, swapdb } from '../../server/commands/keyspace-commands.js';
import { memoryCommand } from '../../server/commands/memory-command.js';
import { objectCommand } from '../../server/commands/object-command.js';
import { keyless } from '../../server/commands/spec.js';
import { serverContext } from '../../server/execution-context.js';

function time(ctx: CommandContext): void {
  const nowUs = serverContext(ctx).node.env.clock.nowUs();
  ctx.reply.arrayHeader(2);
  ctx.reply.bulk(String(Math.floor(nowUs / 1_000_000)));
  ctx.reply.bulk(String(nowUs % 1_000_000));
}

/** ROLE for a master without replicas; the replication layer replaces this reply when it exists. */
function role(ctx: CommandContext): void {
  const { node } = serverContext(ctx);
  if (node.roleReply !== undefined) {
    node.roleReply(ctx);
    return;
  }
  const replicaOf = node.replicaOf;
  if (replicaOf === undefined) {
    ctx.reply.arrayHeader(3);
    ctx.reply.bulk('master');
    ctx.reply.integer(0);
    ctx.reply.arrayHeader(0);
    return;
  }
  ctx.reply.arrayHeader(5);
  ctx.reply.bulk('slave');
  ctx.reply.bulk(replicaOf.host);
  ctx.reply.integer(replicaOf.port);
  ctx.reply.bulk('connect');
  ctx.reply.integer(-1);
}

export const serverCommands: readonly CommandSpec[] = [
  keyless('dbsize', 1, ['readonly', 'fast'], ['keyspace', 'read', 'fast'], (ctx) => ctx.reply.integer(ctx.db.size())),
  keyless('flushdb', -1, ['write'], ['keyspace', 'write', 'slow', 'dangerous'], flushdb),
  keyless('flushall', -1, ['write'], ['keyspace', 'write', 'slow', 'dangerous'], flushall),
  keyless('swapdb', 3, ['write', 'fast'], ['keyspace', 'write', 'fast', 'dangerous'], swapdb),
  keyless('time', 1, ['loading', 'stale', 'fast'], ['fast'], time),
  keyless('lastsave', 1, ['loading', 'stale', 'fast'], ['admin', 'fast', 'dangerous'], (ctx) => ctx.reply.integer(serverContext(ctx).node.lastSaveSeconds)),
  keyless('role', 1, ['noscript', 'loading', 'stale', 'fast'], ['admin', 'fast', 'dangerous'], role),
  configCommand,
  infoCommand,
  commandCommand,
  objectCommand,
  memoryCommand,
  debugCommand,
];
