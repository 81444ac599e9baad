import type { CommandContext } from '../command.js';
import { diagnosticsOf } from '../../server/diagnostics-state.js';
import { serverContext } from '../../server/execution-context.js';

/**
 * MONITOR (monitorCommand): the client becomes a monitor and from now on
 * receives every command the node runs (see command-observers.ts). A client
 * that must get one reply per command (inside MULTI/EXEC) is refused; a
 * monitor or replica asking again gets no reply at all, as in Redis.
 */
export function monitor(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  if (clientState.multi !== undefined || clientState.isScript) {
    ctx.reply.error("ERR MONITOR isn't allowed for DENY BLOCKING client");
    return;
  }
  const diagnostics = diagnosticsOf(node);
  if (clientState.kind === 'replica' || diagnostics.monitors.has(clientState)) return;
  diagnostics.attachMonitor(clientState);
  ctx.reply.ok();
}
