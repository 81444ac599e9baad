import type { CommandContext, CommandSpec } from '../commands/command.js';
import type { StoreNode } from './node.js';

/**
 * Bugs planted on purpose, so the harness can prove its checkers find what
 * they claim to find (a scenario that expects `invalid`). Off unless a run
 * plants them with `plantBugs`; never reachable through CONFIG.
 *
 * - `staleReadsMs`: GET answers with the oldest value GET saw for the key
 *   within the last N ms (a read served from a stale snapshot), which breaks
 *   linearizability as soon as a write lands inside the window.
 * - `aofReplyBeforeWrite` (`debug-aof-reply-before-write yes`): under
 *   appendfsync always, beforeSleep sends the replies before the AOF is
 *   written and fsynced (the persistence layer defers its flush), so a crash
 *   loses acknowledged writes.
 */
export interface PlantedBugs {
  readonly staleReadsMs: number;
  readonly aofReplyBeforeWrite?: boolean;
}

/** Scenario config names that plant a bug instead of setting a redis.conf parameter. */
export const plantedBugConfigNames: readonly string[] = ['debug-stale-reads-ms', 'debug-aof-reply-before-write'];

interface Snapshot {
  readonly timeMs: number;
  readonly value: Buffer | null;
}

/** Snapshots kept per key, whatever the window. */
const SNAPSHOTS_PER_KEY_MAX = 256;

interface PlantedState {
  readonly bugs: PlantedBugs;
  readonly snapshots: Map<string, Snapshot[]>;
}

const plantedStates = new WeakMap<StoreNode, PlantedState>();

const aofReplyBeforeWriteNodes = new WeakSet<StoreNode>();

/** Whether `debug-aof-reply-before-write` was planted in this node. */
export function isAofReplyBeforeWritePlanted(node: StoreNode): boolean {
  return aofReplyBeforeWriteNodes.has(node);
}

export function plantBugs(node: StoreNode, bugs: PlantedBugs): void {
  if (bugs.aofReplyBeforeWrite === true) aofReplyBeforeWriteNodes.add(node);
  if (bugs.staleReadsMs <= 0) return;
  plantedStates.set(node, { bugs, snapshots: new Map() });
}

/** The planted bugs a scenario config asks for (`debug-stale-reads-ms`). */
export function plantedBugsOf(config: Readonly<Record<string, string>>): PlantedBugs {
  const staleReadsMs = Number(config['debug-stale-reads-ms'] ?? '0');
  return { staleReadsMs: Number.isFinite(staleReadsMs) && staleReadsMs > 0 ? staleReadsMs : 0, aofReplyBeforeWrite: config['debug-aof-reply-before-write'] === 'yes' };
}

function staleGet(state: PlantedState, ctx: CommandContext, realHandler: (ctx: CommandContext) => void): void {
  const key = ctx.argv[1];
  const current = key === undefined ? undefined : ctx.db.lookupRead(key);
  if (key === undefined || (current !== undefined && current.type !== 'string')) {
    realHandler(ctx);
    return;
  }
  ctx.step(1);
  const name = key.toString('latin1');
  const snapshots = state.snapshots.get(name) ?? [];
  snapshots.push({ timeMs: ctx.nowMs, value: current === undefined ? null : current.bytes() });
  while (snapshots.length > 1 && ((snapshots[0] as Snapshot).timeMs < ctx.nowMs - state.bugs.staleReadsMs || snapshots.length > SNAPSHOTS_PER_KEY_MAX)) snapshots.shift();
  state.snapshots.set(name, snapshots);
  ctx.reply.bulk((snapshots[0] as Snapshot).value);
}

/** The handler to run instead of `spec`'s when a planted bug covers it; undefined otherwise (the normal case). */
export function plantedHandler(node: StoreNode, spec: CommandSpec): ((ctx: CommandContext) => void) | undefined {
  if (spec.name !== 'get') return undefined;
  const state = plantedStates.get(node);
  if (state === undefined) return undefined;
  return (ctx) => staleGet(state, ctx, spec.handler);
}
