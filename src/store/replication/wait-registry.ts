import type { CommandSpec } from '../commands/command.js';
import type { BlockedState, Client } from '../server/client.js';
import type { StoreNode } from '../server/node.js';

interface Waiter {
  readonly client: Client;
  readonly blocked: BlockedState;
  readonly offset: number;
  readonly replicasWanted: number;
}

/**
 * server.clients_waiting_acks: clients blocked in WAIT until enough replicas
 * acknowledged their offset or the timeout passes (then they get the count
 * acknowledged so far). They block through the node's registry with no keys,
 * so disconnects, timeouts and INFO blocked_clients work as for BLPOP.
 */
export class WaitRegistry {
  private waiters: Waiter[] = [];

  constructor(
    private readonly node: StoreNode,
    private readonly countAcked: (offset: number) => number,
  ) {}

  block(client: Client, spec: CommandSpec, argv: readonly Buffer[], wait: { readonly offset: number; readonly replicasWanted: number; readonly deadlineMs: number }): void {
    this.node.blockClient(client, spec, argv, {
      keys: [],
      deadlineMs: wait.deadlineMs,
      onReady: () => false,
      onTimeout: (reply) => reply.integer(this.countAcked(wait.offset)),
    });
    const blocked = client.blocked;
    if (blocked === undefined) return;
    this.waiters.push({ client, blocked, offset: wait.offset, replicasWanted: wait.replicasWanted });
  }

  /** processClientsWaitingReplicas: reply to every waiter whose count is reached. */
  serveAcknowledged(): void {
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.client.closed || waiter.client.blocked !== waiter.blocked) continue;
      const acked = this.countAcked(waiter.offset);
      if (acked < waiter.replicasWanted) {
        still.push(waiter);
        continue;
      }
      waiter.client.reply.integer(acked);
      this.node.unblockClient(waiter.client);
    }
    this.waiters = still;
  }

  get size(): number {
    return this.waiters.length;
  }
}
