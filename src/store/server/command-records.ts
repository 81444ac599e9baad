import type { CommandSpec } from '../commands/command.js';
import type { StoreNode } from './node.js';
import type { CommandStats, ServerStats, StepCounter } from './stats.js';

/**
 * The counters one command updates on every call (its INFO commandstats
 * entry and its step counter), kept by the command's traits for the node
 * that ran it last, so a call finds them without looking its name up in two
 * Maps. A node's step counters are never replaced; its command stats are
 * replaced by CONFIG RESETSTAT, which the stats' reset generation tells.
 */
export interface CommandRecord {
  node: StoreNode | undefined;
  serverStats: ServerStats | undefined;
  statsGeneration: number;
  stats: CommandStats;
  steps: StepCounter;
}

export function emptyCommandRecord(): CommandRecord {
  return { node: undefined, serverStats: undefined, statsGeneration: -1, stats: { calls: 0, microseconds: 0, rejectedCalls: 0, failedCalls: 0 }, steps: { calls: 0, steps: 0 } };
}

/** The spec's record (its traits' `record`), made current for `node`. */
export function currentCommandRecord(node: StoreNode, spec: CommandSpec, record: CommandRecord): CommandRecord {
  if (record.node !== node) {
    record.node = node;
    record.steps = node.stepCounter(spec.name);
    record.serverStats = undefined;
  }
  const serverStats = node.stats;
  if (record.serverStats !== serverStats || record.statsGeneration !== serverStats.resetGeneration) {
    record.serverStats = serverStats;
    record.statsGeneration = serverStats.resetGeneration;
    record.stats = serverStats.commandStats(spec.name);
  }
  return record;
}
