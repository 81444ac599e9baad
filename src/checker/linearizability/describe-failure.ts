import { assert } from '../../core/assert.js';
import { limits } from '../../core/limits.js';
import { describeValue } from '../../history/op-value.js';
import type { Op } from '../../history/op.js';
import type { LinearizabilityOptions } from './check-linearizability.js';
import { minimizeWindow, prefixWindow, windowOps } from './counterexample-window.js';
import type { NotLinearizableResult } from './linearizability-result.js';
import type { AnyLinearizabilityModel } from './model.js';
import type { Partition, PreparedOperation } from './prepared-operation.js';
import { searchLinearization, type SearchOutcome } from './wgl-search.js';

const minimizeChecksMaxDefault = 400;
const minimizeStatesMaxDefault = 200_000;
/** All re-checks of one minimization together: without it, 400 re-checks of 200k states each could cost 80M states (minutes). */
const minimizeStatesTotalMaxDefault = 1_000_000;
/** Above this many operations the final search does not copy its stack to report the linearization it reached. */
const deepestOrderWindowMax = 2000;

export interface FailureContext {
  readonly model: AnyLinearizabilityModel;
  readonly partition: Partition<unknown>;
  readonly outcome: Extract<SearchOutcome<unknown>, { kind: 'not-linearizable' }>;
  readonly options: LinearizabilityOptions;
  readonly operationsChecked: number;
  readonly statesExplored: number;
}

function describeOperation(op: Op): string {
  const key = op.key === undefined ? '' : ` ${op.key}`;
  return `op ${op.index} (process ${String(op.process)} :${op.f}${key} ${describeValue(op.value)})`;
}

function explain(model: AnyLinearizabilityModel, failed: PreparedOperation<unknown>, linearizedCount: number, state: unknown): string {
  const completion = failed.operation.completion;
  const observed = completion === null ? '' : `, completed as ${describeValue(completion.value)},`;
  const where = linearizedCount === 0 ? 'from the initial state' : `after ${linearizedCount} earlier operation(s) took effect`;
  return `${describeOperation(failed.operation.invoke)}${observed} cannot take effect before it returned: ${where} the ${model.name} held ${describeValue(model.describeState(state))}`;
}

/**
 * The re-check minimization uses: each search gets at most
 * `minimizeStatesMax` states, and all of them together `minimizeStatesTotalMax`;
 * once that is spent nothing more can be dropped (an unconfirmed drop is not taken).
 */
export function stillInvalidWithinBudget(model: AnyLinearizabilityModel, options: LinearizabilityOptions): (operations: readonly PreparedOperation<unknown>[]) => boolean {
  const perCheckMax = options.minimizeStatesMax ?? minimizeStatesMaxDefault;
  const totalMax = options.minimizeStatesTotalMax ?? minimizeStatesTotalMaxDefault;
  assert(perCheckMax >= 0 && totalMax >= 0, 'minimization state limits are not negative');
  let statesSpent = 0;
  return (operations) => {
    const statesMax = Math.min(perCheckMax, totalMax - statesSpent);
    if (statesMax <= 0) return false;
    const outcome = searchLinearization(model, operations, { statesMax, ...(options.budget === undefined ? {} : { budget: options.budget }) });
    statesSpent += outcome.statesExplored;
    assert(statesSpent <= totalMax, 'minimization stays within its total state budget');
    return outcome.kind === 'not-linearizable';
  };
}

/**
 * Evidence for a failed partition: the prefix up to the return entry the
 * search could not pass, shrunk by bounded re-checks, then searched once
 * more to say which operation got stuck and in what state.
 */
export function describeNonLinearizable(context: FailureContext): NotLinearizableResult {
  const { model, partition, outcome, options } = context;
  const cutPosition = outcome.furthestReturnPosition;
  const prefix = prefixWindow(partition.operations, cutPosition);
  const budget = options.budget === undefined ? {} : { budget: options.budget };
  const window = minimizeWindow(model, prefix, {
    checksMax: options.minimizeChecksMax ?? minimizeChecksMaxDefault,
    isStillInvalid: stillInvalidWithinBudget(model, options),
  });
  const recordDeepestOrder = window.length <= deepestOrderWindowMax;
  const final = searchLinearization(model, window, { statesMax: options.statesMax ?? limits.linearizabilityStatesMax, recordDeepestOrder, ...budget });
  const confirmed = final.kind === 'not-linearizable' ? final : undefined;
  const failed = window[confirmed?.failedCall ?? -1] ?? prefix.find((operation) => operation.returnPosition === cutPosition);
  assert(failed !== undefined, 'the operation whose return stopped the search is in the window');
  const linearized = (confirmed?.deepestOrder ?? []).map((index) => window[index]?.operation.invoke).filter((op): op is Op => op !== undefined);
  const state = confirmed?.deepestState ?? outcome.deepestState;
  return {
    valid: false,
    anomaly: 'not-linearizable',
    model: model.name,
    key: partition.key === '' ? null : partition.key,
    failedOp: { invoke: failed.operation.invoke, completion: failed.operation.completion },
    window: windowOps(window, cutPosition),
    windowOperations: window.length,
    windowOperationsBeforeMinimizing: prefix.length,
    linearizedBeforeFailure: linearized,
    stateBeforeFailure: model.describeState(state),
    explanation: explain(model, failed, linearized.length, state),
    operationsChecked: context.operationsChecked,
    statesExplored: context.statesExplored,
  };
}
