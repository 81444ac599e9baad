import { assert } from '../../core/assert.js';
import { EntryList } from './entry-list.js';
import { findImpossibleCall } from './impossible-call.js';
import { emptyLinearizedSet, linearizedSetKey, withCall, type LinearizedSet } from './linearized-set.js';
import type { LinearizabilityModel } from './model.js';
import { isRequiredCall, type SearchCall } from './search-call.js';

export interface SearchLimits {
  /** Distinct (linearized set, state) configurations before giving up. */
  readonly statesMax: number;
  /** Consulted every `budgetCheckEverySteps` steps; false stops the search with 'unknown'. */
  readonly budget?: () => boolean;
  readonly budgetCheckEverySteps?: number;
  /** Keep the linearization reached at the furthest return entry (costs a stack copy each time it advances). */
  readonly recordDeepestOrder?: boolean;
}

export type SearchOutcome<State> =
  | { readonly kind: 'linearizable'; readonly order: readonly number[]; readonly statesExplored: number }
  | {
      readonly kind: 'not-linearizable';
      /** The call whose return entry was the furthest one reached: it could not be linearized in time. */
      readonly failedCall: number;
      readonly furthestReturnPosition: number;
      /** The calls linearized (in order; empty unless recorded) when that return entry was reached, and the state they left. */
      readonly deepestOrder: readonly number[];
      readonly deepestState: State;
      readonly statesExplored: number;
    }
  | { readonly kind: 'unknown'; readonly reason: 'states-limit' | 'budget'; readonly statesExplored: number };

interface Frame<State> {
  readonly id: number;
  readonly state: State;
  readonly linearized: LinearizedSet;
}

interface Furthest<State> {
  position: number;
  failedId: number;
  order: number[];
  state: State;
}

/** Required calls first by invocation, then unknown-outcome calls: the id order the linearized-set key relies on. */
function numberCalls<Input>(calls: readonly SearchCall<Input>[]): { ordered: SearchCall<Input>[]; original: number[]; requiredCount: number } {
  const indexes = calls.map((_, index) => index);
  const rank = (index: number): number => (isRequiredCall(calls[index] as SearchCall<Input>) ? 0 : 1);
  indexes.sort((left, right) => rank(left) - rank(right) || (calls[left]?.invokePosition ?? 0) - (calls[right]?.invokePosition ?? 0) || left - right);
  const ordered = indexes.map((index) => calls[index] as SearchCall<Input>);
  for (const call of ordered) assert(call.invokePosition < call.returnPosition, 'a call returns after it is invoked');
  return { ordered, original: indexes, requiredCount: ordered.filter(isRequiredCall).length };
}

/**
 * Wing & Gong's search with Lowe's memoization (as in Porcupine): walk the
 * entry list, linearize a call when the model allows it and the resulting
 * (linearized set, state) is new, backtrack on reaching a return entry. The
 * stack is explicit; `statesMax` and the budget turn a long search into
 * 'unknown'. Unknown-outcome calls (return at infinity) may stay unlinearized.
 * A required call that consumes a value nothing produces fails at once.
 */
export function searchLinearization<State, Input>(
  model: LinearizabilityModel<State, Input>,
  calls: readonly SearchCall<Input>[],
  limits: SearchLimits,
): SearchOutcome<State> {
  const { ordered, original, requiredCount } = numberCalls(calls);
  const impossible = findImpossibleCall(model, ordered);
  const outcome = impossible === undefined ? new WglRun(model, ordered, requiredCount, limits).search() : impossibleOutcome(model, ordered, impossible);
  const toOriginal = (id: number): number => original[id] ?? -1;
  switch (outcome.kind) {
    case 'linearizable':
      return { ...outcome, order: outcome.order.map(toOriginal) };
    case 'not-linearizable':
      return { ...outcome, failedCall: toOriginal(outcome.failedCall), deepestOrder: outcome.deepestOrder.map(toOriginal) };
    case 'unknown':
      return outcome;
  }
}

/** No linearization can include `id` (it consumes a value nothing produces): fail at its return without searching. */
function impossibleOutcome<State, Input>(model: LinearizabilityModel<State, Input>, calls: readonly SearchCall<Input>[], id: number): SearchOutcome<State> {
  const call = calls[id];
  assert(call !== undefined && isRequiredCall(call), 'an impossible call is a required call of the search');
  return { kind: 'not-linearizable', failedCall: id, furthestReturnPosition: call.returnPosition, deepestOrder: [], deepestState: model.initialState(), statesExplored: 0 };
}

class WglRun<State, Input> {
  private readonly list: EntryList;
  private readonly stack: Frame<State>[] = [];
  private readonly seen = new Set<string>();
  private readonly budgetEvery: number;
  private furthest: Furthest<State> | undefined;

  constructor(
    private readonly model: LinearizabilityModel<State, Input>,
    private readonly calls: readonly SearchCall<Input>[],
    private readonly requiredCount: number,
    private readonly limits: SearchLimits,
  ) {
    this.list = new EntryList(calls, calls.length);
    this.budgetEvery = limits.budgetCheckEverySteps ?? 4096;
    assert(this.budgetEvery > 0, 'the budget is consulted at a positive interval');
  }

  search(): SearchOutcome<State> {
    let state = this.model.initialState();
    let linearized = emptyLinearizedSet;
    let node = this.list.first();
    let steps = 0;
    while (linearized.low < this.requiredCount) {
      if (++steps % this.budgetEvery === 0 && this.limits.budget !== undefined && !this.limits.budget()) {
        return { kind: 'unknown', reason: 'budget', statesExplored: this.seen.size };
      }
      if (this.list.isCall(node)) {
        const call = this.calls[node] as SearchCall<Input>;
        const nextState = this.model.step(state, call.input);
        if (nextState !== undefined) {
          const nextLinearized = withCall(linearized, node, this.requiredCount);
          const key = `${linearizedSetKey(nextLinearized)}|${this.model.stateKey(nextState)}`;
          if (!this.seen.has(key)) {
            if (this.seen.size >= this.limits.statesMax) return { kind: 'unknown', reason: 'states-limit', statesExplored: this.seen.size };
            this.seen.add(key);
            this.stack.push({ id: node, state, linearized });
            this.list.lift(node);
            state = nextState;
            linearized = nextLinearized;
            node = this.list.first();
            continue;
          }
        }
        node = this.list.after(node);
        continue;
      }
      assert(node !== this.list.tail, 'the search meets a return entry before the end of the list');
      this.noteReturnReached(node - this.calls.length, state);
      const frame = this.stack.pop();
      if (frame === undefined) return this.failure();
      this.list.unlift(frame.id);
      state = frame.state;
      linearized = frame.linearized;
      node = this.list.after(frame.id);
    }
    return { kind: 'linearizable', order: this.stack.map((frame) => frame.id), statesExplored: this.seen.size };
  }

  private noteReturnReached(id: number, state: State): void {
    const position = (this.calls[id] as SearchCall<Input>).returnPosition;
    if (this.furthest !== undefined && position <= this.furthest.position) return;
    const order = this.limits.recordDeepestOrder === true ? this.stack.map((frame) => frame.id) : [];
    this.furthest = { position, failedId: id, order, state };
  }

  private failure(): SearchOutcome<State> {
    const furthest = this.furthest;
    assert(furthest !== undefined, 'a failed search reached at least one return entry');
    return {
      kind: 'not-linearizable',
      failedCall: furthest.failedId,
      furthestReturnPosition: furthest.position,
      deepestOrder: furthest.order,
      deepestState: furthest.state,
      statesExplored: this.seen.size,
    };
  }
}
