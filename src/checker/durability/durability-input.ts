import type { Op, OpValue } from '../../history/op.js';
import type { FaultWindow } from '../fault-window.js';

/** What the checker needs to know of the store's persistence configuration. */
export interface PersistenceSummary {
  readonly appendonly: boolean;
  readonly appendfsync: 'always' | 'everysec' | 'no';
  /** Whether RDB snapshots are configured (`save` has at least one rule). */
  readonly rdbSnapshots: boolean;
}

/** Key → value after recovery (a missing key is absent); lists and sets as arrays. */
export type RecoveredState = Readonly<Record<string, OpValue>>;

export interface DurabilityInput {
  readonly history: readonly Op[];
  readonly persistence: PersistenceSummary;
  readonly faults: readonly FaultWindow[];
  readonly recovered: RecoveredState;
}

/** An acknowledged write the recovered state does not show. */
export interface LostWrite {
  readonly key: string;
  readonly invoke: Op;
  readonly completion: Op;
  /** What the write put there (a value, an element, an appended piece). */
  readonly expected: OpValue;
  readonly found: OpValue;
}

/** Kinds of fault that end a process and lose what only its memory held. */
export const processEndingFaultKinds: ReadonlySet<string> = new Set(['kill', 'crash', 'power-loss']);
