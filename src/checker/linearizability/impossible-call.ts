import type { LinearizabilityModel } from './model.js';
import { isRequiredCall, type SearchCall } from './search-call.js';

/**
 * The earliest-returning required call that consumes a value no call
 * produces (and the initial state does not hold): it can take effect in no
 * linearization at all, so the history is not linearizable, whatever the
 * other calls do. Found in O(calls) before the search, because the search
 * would have to exhaust every interleaving of the unknown-outcome calls to
 * learn the same thing (exponential in their number: a read of a value never
 * written among a few dozen timed-out writes ran for minutes).
 */
export function findImpossibleCall<State, Input>(model: LinearizabilityModel<State, Input>, calls: readonly SearchCall<Input>[]): number | undefined {
  const produced = producedValues(model, calls);
  let impossible: number | undefined;
  calls.forEach((call, index) => {
    if (!isRequiredCall(call)) return;
    const earlier = impossible === undefined ? undefined : calls[impossible];
    if (earlier !== undefined && earlier.returnPosition <= call.returnPosition) return;
    const dependencies = model.windowDependencies(call.input);
    if (dependencies === 'keep') return;
    if (dependencies.consumes.some((value) => !produced.has(value) && !model.initiallyProduced(value))) impossible = index;
  });
  return impossible;
}

function producedValues<State, Input>(model: LinearizabilityModel<State, Input>, calls: readonly SearchCall<Input>[]): Set<string> {
  const produced = new Set<string>();
  for (const call of calls) {
    const dependencies = model.windowDependencies(call.input);
    if (dependencies === 'keep') continue;
    for (const value of dependencies.produces) produced.add(value);
  }
  return produced;
}
