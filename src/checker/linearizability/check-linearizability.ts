import { limits } from '../../core/limits.js';
import type { Op, OpValue } from '../../history/op.js';
import { pairOperations } from '../../history/operation.js';
import { describeNonLinearizable } from './describe-failure.js';
import type { LinearizabilityResult, LinearizabilityUnknownResult, UnknownReason } from './linearizability-result.js';
import type { AnyLinearizabilityModel, ModelName } from './model.js';
import { createModel } from './model-registry.js';
import { prepareOperations, type Partition } from './prepared-operation.js';
import { searchLinearization, type SearchOutcome } from './wgl-search.js';

export interface LinearizabilityOptions {
  readonly model: ModelName;
  /** The value before any operation; default nil (a missing Redis key). The Knossos corpus uses 0. */
  readonly initialValue?: OpValue;
  /** Whether an ok read of nil says nothing (Knossos); default: when the initial value is not nil. */
  readonly nilReadIsUnknown?: boolean;
  /** Search configurations over all partitions before 'unknown'. */
  readonly statesMax?: number;
  /** History ops accepted before 'unknown'. */
  readonly opsMax?: number;
  /** Consulted now and then; false stops with 'unknown'. Inject a wall-clock deadline from the CLI. */
  readonly budget?: () => boolean;
  /** Re-checks spent shrinking a counterexample window. */
  readonly minimizeChecksMax?: number;
  /** Search configurations per re-check while shrinking. */
  readonly minimizeStatesMax?: number;
  /** Search configurations of all re-checks of one shrink together. */
  readonly minimizeStatesTotalMax?: number;
}


function unknown(model: ModelName, reason: UnknownReason, detail: string, statesExplored: number, key?: string): LinearizabilityUnknownResult {
  return { valid: 'unknown', model, reason, detail, statesExplored, ...(key === undefined ? {} : { key }) };
}

/**
 * Is the history linearizable with respect to the model? Wing–Gong–Lowe
 * search per partition key; `fail`s are dropped, `info`s may take effect at
 * any point after their invocation or never. Limits give 'unknown', never a hang.
 */
export function checkLinearizability(history: readonly Op[], options: LinearizabilityOptions): LinearizabilityResult {
  const opsMax = options.opsMax ?? limits.historyOpsMax;
  if (history.length > opsMax) return unknown(options.model, 'ops-limit', `${history.length} ops, more than the limit of ${opsMax}`, 0);
  const pairing = pairOperations(history);
  if (!pairing.ok) return unknown(options.model, 'malformed-history', `op ${pairing.problem.opIndex}: ${pairing.problem.problem}`, 0);
  const initialValue = options.initialValue ?? null;
  const model = createModel(options.model, { initialValue, nilReadIsUnknown: options.nilReadIsUnknown ?? initialValue !== null });
  const preparation = prepareOperations(model, pairing.operations);
  if (!preparation.ok) return unknown(options.model, 'unsupported-op', preparation.problem, 0);
  return checkPartitions(model, preparation.partitions, options);
}

function checkPartitions(model: AnyLinearizabilityModel, partitions: readonly Partition<unknown>[], options: LinearizabilityOptions): LinearizabilityResult {
  const statesMax = options.statesMax ?? limits.linearizabilityStatesMax;
  let statesExplored = 0;
  let firstUnknown: { outcome: Extract<SearchOutcome<unknown>, { kind: 'unknown' }>; key: string } | undefined;
  let operationsChecked = 0;
  for (const partition of partitions) {
    const budgetLeft = Math.max(0, statesMax - statesExplored);
    const limitsHere = { statesMax: budgetLeft, ...(options.budget === undefined ? {} : { budget: options.budget }) };
    const outcome = searchLinearization(model, partition.operations, limitsHere);
    statesExplored += outcome.statesExplored;
    operationsChecked += partition.operations.length;
    if (outcome.kind === 'not-linearizable') {
      return describeNonLinearizable({ model, partition, outcome, options, operationsChecked, statesExplored });
    }
    if (outcome.kind === 'unknown' && firstUnknown === undefined) firstUnknown = { outcome, key: partition.key };
  }
  if (firstUnknown !== undefined) {
    const { outcome, key } = firstUnknown;
    const detail = outcome.reason === 'budget' ? 'the search budget ran out' : `more than ${statesMax} search states`;
    return unknown(model.name, outcome.reason, detail, statesExplored, key);
  }
  return { valid: true, model: model.name, operationsChecked, partitions: partitions.length, statesExplored };
}
