import { assert } from '../../core/assert.js';
import type { BlockedState, Client } from './client.js';
import type { StoreNode } from './node.js';

/** pause_type (server.h): a larger type pauses more. */
export type PauseType = 'off' | 'write' | 'all';

/** pause_purpose: each keeps its own type and end time. */
export type PausePurpose = 'client-command' | 'shutdown' | 'failover';

const PAUSE_RANK: Readonly<Record<PauseType, number>> = { off: 0, write: 1, all: 2 };

/** How many nodes have ever paused: while 0, no command pays for the pause checks. */
export const clientPauseUse = { nodes: 0 };

interface PauseEvent {
  type: PauseType;
  endMs: number;
}

/** What a postponed client runs again once the pause lets it (the command it sent, from scratch). */
type Resume = () => void;

/**
 * Client pauses of one node (networking.c pauseClients / unpauseClients,
 * server.client_pause_*): per purpose a type and an end time on the node's
 * clock; the node is paused by the most restrictive one not yet ended.
 * Clients whose command the pause holds are postponed (blocked with no keys,
 * so INFO blocked_clients counts them) and queued here in arrival order;
 * when the pause gets less restrictive they are unblocked and their command
 * runs again from scratch in beforeSleep, and may be postponed again.
 */
export class ClientPause {
  type: PauseType = 'off';
  endMs = 0;
  private readonly perPurpose = new Map<PausePurpose, PauseEvent>();
  private postponed: { readonly client: Client; readonly blocked: BlockedState }[] = [];
  private readonly resumes = new WeakMap<Client, Resume>();

  constructor(private readonly node: StoreNode) {}

  /** pauseClients: the purpose's pause is extended to the later end and the stricter type. */
  pause(purpose: PausePurpose, endMs: number, type: PauseType): void {
    assert(type !== 'off', 'a pause pauses something');
    const existing = this.perPurpose.get(purpose);
    if (existing === undefined) this.perPurpose.set(purpose, { type, endMs });
    else {
      if (PAUSE_RANK[type] > PAUSE_RANK[existing.type]) existing.type = type;
      existing.endMs = Math.max(existing.endMs, endMs);
    }
    this.update();
  }

  /** unpauseClients */
  unpause(purpose: PausePurpose): void {
    if (!this.perPurpose.delete(purpose)) return;
    this.update();
  }

  /** checkClientPauseTimeoutAndReturnIfPaused */
  pausedNow(): boolean {
    if (this.type === 'off') return false;
    if (this.endMs < this.node.env.clock.nowMs()) this.update();
    return this.isActive();
  }

  isActive(): boolean {
    return this.type !== 'off';
  }

  /** True if a command that may replicate (or, under ALL, any command) of this client waits now. */
  holds(client: Client, mayReplicate: boolean): boolean {
    if (client.kind === 'replica' || this.type === 'off') return false;
    return this.type === 'all' || mayReplicate;
  }

  /** blockClient(c, BLOCKED_POSTPONE): the client waits, `resume` runs its command again later. */
  postpone(client: Client, blocked: Omit<BlockedState, 'timer' | 'options' | 'dbIndex'>, resume: Resume): void {
    this.node.blockClient(client, blocked.spec, blocked.argv, { keys: [], deadlineMs: 0, onReady: () => false, onTimeout: () => undefined });
    const state = client.blocked;
    assert(state !== undefined, 'a postponed client is blocked');
    this.postponed.push({ client, blocked: state });
    this.resumes.set(client, resume);
  }

  /** Replaces what a postponed client runs again (the master link resumes its stream instead). */
  setResume(client: Client, resume: Resume): void {
    assert(this.isPostponed(client), 'only a postponed client resumes');
    this.resumes.set(client, resume);
  }

  isPostponed(client: Client): boolean {
    const blocked = client.blocked;
    return blocked !== undefined && this.postponed.some((entry) => entry.blocked === blocked);
  }

  /** The command to run again for an unblocked client, taken once. */
  takeResume(client: Client): Resume | undefined {
    const resume = this.resumes.get(client);
    if (resume !== undefined) this.resumes.delete(client);
    return resume;
  }

  postponedCount(): number {
    return this.postponed.filter((entry) => !entry.client.closed && entry.client.blocked === entry.blocked).length;
  }

  /** updateClientPauseTypeAndEndTime */
  private update(): void {
    const nowMs = this.node.env.clock.nowMs();
    const oldType = this.type;
    let type: PauseType = 'off';
    for (const [purpose, event] of this.perPurpose) {
      if (event.endMs < nowMs) this.perPurpose.delete(purpose);
      else if (PAUSE_RANK[event.type] > PAUSE_RANK[type]) type = event.type;
    }
    let endMs = 0;
    for (const event of this.perPurpose.values()) if (event.type === type && event.endMs > endMs) endMs = event.endMs;
    this.type = type;
    this.endMs = endMs;
    if (PAUSE_RANK[type] < PAUSE_RANK[oldType]) this.unblockPostponed();
  }

  /** unblockPostponedClients: every postponed client, in the order it was postponed. */
  private unblockPostponed(): void {
    const entries = this.postponed;
    this.postponed = [];
    for (const entry of entries) {
      if (entry.client.closed || entry.client.blocked !== entry.blocked) continue;
      this.node.unblockClient(entry.client);
    }
  }
}

const pauses = new WeakMap<StoreNode, ClientPause>();

/** The node's pauses, created on the first pause (the cron then checks their end). */
export function clientPauseOf(node: StoreNode): ClientPause {
  let pause = pauses.get(node);
  if (pause === undefined) {
    const created = new ClientPause(node);
    pause = created;
    pauses.set(node, created);
    clientPauseUse.nodes++;
    // serverCron's checkClientPauseTimeoutAndReturnIfPaused: an ended pause lets its clients go at the next tick.
    node.cronHooks.push(() => created.pausedNow());
  }
  return pause;
}

/** The node's pauses if it ever paused (cheap when no node did). */
export function existingClientPause(node: StoreNode): ClientPause | undefined {
  return clientPauseUse.nodes === 0 ? undefined : pauses.get(node);
}

/** checkClientPauseTimeoutAndReturnIfPaused for callers without a pause object. */
export function clientsPaused(node: StoreNode): boolean {
  if (clientPauseUse.nodes === 0) return false;
  return pauses.get(node)?.pausedNow() ?? false;
}

