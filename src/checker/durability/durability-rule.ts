import type { DurabilityInput, LostWrite, PersistenceSummary } from './durability-input.js';
import { processEndingFaultKinds } from './durability-input.js';
import { persistenceRules } from './persistence-rules.js';

/**
 * One clause of the durability contract: for the persistence configurations
 * it governs, which acknowledged writes a run may lose given the faults it
 * suffered. The persistence layer adds rules here (appendfsync always /
 * everysec / no, RDB snapshots) next to the one below.
 */
export interface DurabilityRule {
  readonly name: string;
  governs(persistence: PersistenceSummary): boolean;
  mayLose(write: LostWrite, input: DurabilityInput): boolean;
  /** The rule in one sentence, for reports. */
  readonly statement: string;
  /** The fault that lets this write be lost, described (undefined: the loss is forbidden). */
  explain?(write: LostWrite, input: DurabilityInput): string | undefined;
  /**
   * Whether what a crash (kill, power loss) leaves must be the state after a
   * prefix of what was acknowledged before it, never half a transaction.
   */
  readonly checksPrefix?: boolean;
}

function processEndedAfter(timeUs: number, input: DurabilityInput): boolean {
  return input.faults.some((fault) => processEndingFaultKinds.has(fault.kind) && fault.startUs >= timeUs);
}

/**
 * No AOF, no RDB: the data lives only in memory. A kill or power loss after
 * a write may lose it (and everything else); with no such fault after it,
 * nothing acknowledged may be lost.
 */
export const noPersistenceRule: DurabilityRule = {
  name: 'no-persistence',
  statement: 'without AOF or RDB a kill or power loss may lose every write made before it; otherwise no acknowledged write may be lost',
  governs: (persistence) => !persistence.appendonly && !persistence.rdbSnapshots,
  mayLose: (write, input) => processEndedAfter(write.invoke.time, input),
};

/** The rules known so far, first match wins: no persistence, then AOF always / everysec / no, then RDB only. */
export const durabilityRules: readonly DurabilityRule[] = [noPersistenceRule, ...persistenceRules];
