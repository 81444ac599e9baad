import type { OpValue } from '../../../history/op.js';
import type { Operation } from '../../../history/operation.js';
import type { LinearizabilityModel, ModelOptions, PreparedCall, WindowDependencies } from '../model.js';
import { ValueInterner } from '../value-interner.js';
import { argumentValue, call, malformed, observedValue, readNames, skipCall, unsupported } from './operation-values.js';

export type SetInput =
  | { readonly kind: 'add'; readonly elementId: number }
  /** `elementIds` sorted, without duplicates. */
  | { readonly kind: 'read'; readonly elementIds: readonly number[]; readonly key: string };

/** Sorted interned element ids. */
export type SetState = readonly number[];

function sortedUniqueIds(values: readonly OpValue[], interner: ValueInterner): number[] {
  const ids = [...new Set(values.map((value) => interner.idOf(value)))];
  return ids.sort((left, right) => left - right);
}

function prepareSet(operation: Operation, options: ModelOptions, interner: ValueInterner): PreparedCall<SetInput> {
  if (operation.f === 'add') return call({ kind: 'add', elementId: interner.idOf(argumentValue(operation)) });
  if (!readNames.has(operation.f)) return unsupported('set', operation);
  const observed = observedValue(operation, options);
  if (observed === undefined) return skipCall;
  if (observed !== null && !Array.isArray(observed)) return malformed(operation, 'a read of the whole set (a list of elements)');
  const elementIds = sortedUniqueIds(observed === null ? [] : (observed as readonly OpValue[]), interner);
  return call({ kind: 'read', elementIds, key: elementIds.join(',') });
}

function withElement(state: SetState, elementId: number): SetState {
  let position = 0;
  while (position < state.length && (state[position] ?? 0) < elementId) position++;
  if (state[position] === elementId) return state;
  return [...state.slice(0, position), elementId, ...state.slice(position)];
}

/** A set per key: add one element, read the whole set (nil reads as empty, like SMEMBERS of a missing key). */
export function createSetModel(options: ModelOptions): LinearizabilityModel<SetState, SetInput> {
  const interner = new ValueInterner();
  const initialValues = Array.isArray(options.initialValue) ? (options.initialValue as readonly OpValue[]) : [];
  const initial = sortedUniqueIds(initialValues, interner);
  return {
    name: 'set',
    initialState: () => initial,
    prepare: (operation) => prepareSet(operation, options, interner),
    step(state, input) {
      if (input.kind === 'add') return withElement(state, input.elementId);
      return input.key === state.join(',') ? state : undefined;
    },
    stateKey: (state) => state.join(','),
    partitionKey: (operation) => operation.key ?? '',
    windowDependencies(input): WindowDependencies {
      if (input.kind === 'add') return { produces: [String(input.elementId)], consumes: [] };
      return { produces: [], consumes: input.elementIds.map(String) };
    },
    initiallyProduced: (produced) => initial.includes(Number(produced)),
    describeState: (state) => state.map((id) => interner.valueOf(id)),
  };
}
