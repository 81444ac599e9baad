import { assert } from '../../core/assert.js';
import type { BlockOptions, CommandSpec } from '../commands/command.js';
import type { Client } from './client.js';
import { recordPropagation } from './dispatch.js';
import { ExecutionContext } from './execution-context.js';
import type { StoreNode } from './node.js';

/** Ready-key rounds in one handleClientsBlockedOnKeys (BLMOVE chains can signal new keys). */
const READY_ROUNDS_MAX = 100_000;

/** blockForKeys: the client waits (no reply now) until served, timed out, or disconnected. */
export function blockClient(node: StoreNode, client: Client, spec: CommandSpec, argv: readonly Buffer[], options: BlockOptions): void {
  assert(client.blocked === undefined, 'a client blocks once at a time');
  client.blocked = { dbIndex: client.dbIndex, options, spec, argv, timer: undefined };
  node.blocking.add(client);
  if (options.deadlineMs > 0) scheduleTimeout(node, client, options.deadlineMs);
}

function scheduleTimeout(node: StoreNode, client: Client, deadlineMs: number): void {
  const blocked = client.blocked;
  assert(blocked !== undefined, 'only a blocked client gets a timeout');
  // Redis times a client out once `deadline < now`: one millisecond after the deadline.
  const delayMs = Math.max(0, deadlineMs - node.env.clock.nowMs() + 1);
  blocked.timer = node.env.timers.after(delayMs, () => node.handleBlockedTimeout(client));
}

/** The deadline timer fired: reply the timeout (or re-arm if the clock moved back). */
export function handleBlockedTimeout(node: StoreNode, client: Client): void {
  const blocked = client.blocked;
  if (blocked === undefined || client.closed) return;
  blocked.timer = undefined;
  if (!(blocked.options.deadlineMs < node.env.clock.nowMs())) {
    scheduleTimeout(node, client, blocked.options.deadlineMs);
    return;
  }
  if (blocked.options.onTimeout !== undefined) blocked.options.onTimeout(client.reply);
  else client.reply.nullArray();
  unblockClient(node, client);
  node.scheduleBeforeSleep();
}

/**
 * handleBlockedClientsTimeout: Redis checks deadlines against the wall clock
 * at every event loop iteration, so a clock jumping forward times clients out
 * before their timers (which run on elapsed host time) fire.
 */
export function timeOutExpiredBlockedClients(node: StoreNode): void {
  const nowMs = node.env.clock.nowMs();
  for (const client of node.blocking.clients()) {
    const deadlineMs = client.blocked?.options.deadlineMs ?? 0;
    if (deadlineMs > 0 && deadlineMs < nowMs) handleBlockedTimeout(node, client);
  }
}

/** unblockClient: off the registry, timer cancelled; its pending input runs in beforeSleep. */
export function unblockClient(node: StoreNode, client: Client): void {
  const blocked = client.blocked;
  if (blocked === undefined) return;
  node.blocking.remove(client);
  if (blocked.timer !== undefined) node.env.timers.cancel(blocked.timer);
  client.blocked = undefined;
  if (!client.closed) {
    node.unblockedClients.push(client);
    node.scheduleBeforeSleep();
  }
}

/**
 * handleClientsBlockedOnKeys (blocked.c): for each key signalled ready, in
 * signal order, serve its blocked clients first-blocked first while the key
 * still exists. Each served client is its own propagation unit.
 */
export function handleClientsBlockedOnKeys(node: StoreNode): void {
  for (let round = 0; node.blocking.hasReadyKeys(); round++) {
    assert(round < READY_ROUNDS_MAX, 'serving blocked clients terminates');
    for (const ready of node.blocking.takeReadyKeys()) {
      node.blocking.clearReady(ready.dbIndex, ready.key);
      node.enterFixedTime();
      try {
        serveKey(node, ready.dbIndex, ready.key);
      } finally {
        node.leaveFixedTime();
      }
    }
  }
}

function serveKey(node: StoreNode, dbIndex: number, key: Buffer): void {
  const db = node.database(dbIndex);
  if (db.lookupRead(key, { noStats: true }) === undefined) {
    unblockClientsOfDeletedKey(node, dbIndex, key);
    node.propagator.flush();
    return;
  }
  for (const client of node.blocking.clientsBlockedOn(dbIndex, key).slice()) {
    if (db.peek(key) === undefined) return;
    if (client.blocked === undefined || client.closed) continue;
    serveClient(node, client, key);
  }
}

/** unblockDeletedStreamReadgroupClients: waiters that cannot outlive their key (XREADGROUP) get their error now. */
function unblockClientsOfDeletedKey(node: StoreNode, dbIndex: number, key: Buffer): void {
  for (const client of node.blocking.clientsBlockedOn(dbIndex, key).slice()) {
    const onKeyDeleted = client.blocked?.options.onKeyDeleted;
    if (onKeyDeleted === undefined || client.closed) continue;
    const errorsBefore = client.reply.errorsWritten();
    onKeyDeleted(client.reply);
    countFailedOnUnblock(node, client, errorsBefore);
    unblockClient(node, client);
  }
}

function serveClient(node: StoreNode, client: Client, key: Buffer): void {
  const blocked = client.blocked;
  assert(blocked !== undefined, 'a served client is blocked');
  const previousClient = node.currentClient;
  node.currentClient = client;
  const ctx = new ExecutionContext(node, client, blocked.spec, blocked.argv, false);
  const errorsBefore = client.reply.errorsWritten();
  let served = false;
  try {
    served = blocked.options.onReady(ctx, key);
  } finally {
    node.currentClient = previousClient;
  }
  if (!served) return;
  countFailedOnUnblock(node, client, errorsBefore);
  unblockClient(node, client);
  node.countCall(blocked.spec.name);
  recordPropagation(node, ctx, client.dbIndex);
  node.propagator.flush({ commandName: blocked.spec.name });
}

/** updateStatsOnUnblock's had_errors: a woken client that was answered with an error (XREADGROUP's -NOGROUP, -UNBLOCKED) counts as a failed call. */
function countFailedOnUnblock(node: StoreNode, client: Client, errorsBefore: number): void {
  const blocked = client.blocked;
  assert(blocked !== undefined, 'counted before the client is unblocked');
  if (client.reply.errorsWritten() > errorsBefore) node.stats.commandStats(blocked.spec.name).failedCalls++;
}
