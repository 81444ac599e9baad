import type { DurabilityInput, LostWrite, PersistenceSummary } from './durability-input.js';
import { processEndingFaultKinds } from './durability-input.js';

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

/** The rules known so far, first match wins. */
export const durabilityRules: readonly DurabilityRule[] = [noPersistenceRule];
