import type { FaultContext, FaultEffect } from './fault-effect.js';
import { noEffect } from './fault-effect.js';

/**
 * An operator's command to one store node (Jepsen's control node running
 * redis-cli): sent at once, an instant fault. The reply arrives later over
 * the network and is recorded by the run's control node, not here.
 */
export function applyAdminCommand(hostName: string, argv: readonly string[], context: FaultContext): FaultEffect {
  const send = context.nemesisWorld.sendAdminCommand;
  if (send === undefined) return noEffect(hostName, 'the run has no control node');
  if (!context.nemesisWorld.world.host(hostName).isUp) return noEffect(hostName, `${hostName} is down`);
  send(hostName, argv);
  return { target: hostName, effective: true, details: { command: argv.join(' ') }, instant: true, heal: () => undefined };
}
