import type { Op, OpValue } from '../../history/op.js';
import type { ModelName } from './model.js';

export interface LinearizableResult {
  readonly valid: true;
  readonly model: ModelName;
  /** Operations searched (after dropping fails and reads that say nothing). */
  readonly operationsChecked: number;
  readonly partitions: number;
  readonly statesExplored: number;
}

export interface NotLinearizableResult {
  readonly valid: false;
  readonly anomaly: 'not-linearizable';
  readonly model: ModelName;
  /** The partition (Redis key) it happened on; null for a history without keys. */
  readonly key: string | null;
  /** The operation that could not be linearized before it returned. */
  readonly failedOp: { readonly invoke: Op; readonly completion: Op | null };
  /**
   * A smallest non-linearizable window found: history ops (invocations and
   * the completions that came within the window) that alone, from the initial
   * value, admit no linearization. Re-check it to see for yourself.
   */
  readonly window: readonly Op[];
  readonly windowOperations: number;
  readonly windowOperationsBeforeMinimizing: number;
  /** Invocations linearized (in order) when the search got stuck, and the state they left. */
  readonly linearizedBeforeFailure: readonly Op[];
  readonly stateBeforeFailure: OpValue;
  readonly explanation: string;
  readonly operationsChecked: number;
  readonly statesExplored: number;
}

export type UnknownReason = 'states-limit' | 'budget' | 'ops-limit' | 'unsupported-op' | 'malformed-history';

export interface LinearizabilityUnknownResult {
  readonly valid: 'unknown';
  readonly model: ModelName;
  readonly reason: UnknownReason;
  readonly detail: string;
  readonly key?: string;
  readonly statesExplored: number;
}

export type LinearizabilityResult = LinearizableResult | NotLinearizableResult | LinearizabilityUnknownResult;
