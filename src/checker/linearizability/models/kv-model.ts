import { valueAsText } from '../../../history/op-value.js';
import type { Operation } from '../../../history/operation.js';
import type { LinearizabilityModel, ModelOptions, PreparedCall, WindowDependencies } from '../model.js';
import { argumentValue, call, malformed, observedValue, readNames, skipCall, unsupported, writeNames } from './operation-values.js';

export type KvInput =
  | { readonly kind: 'get'; readonly text: string | null }
  | { readonly kind: 'put'; readonly text: string }
  /** `lengthAfter`: the length APPEND replied, when the completion recorded it. */
  | { readonly kind: 'append'; readonly text: string; readonly lengthAfter: number | undefined };

/** A string value, or null for a missing key. */
export type KvState = string | null;

function prepareAppend(operation: Operation): PreparedCall<KvInput> {
  const text = valueAsText(argumentValue(operation));
  if (text === undefined) return malformed(operation, 'a string to append');
  const reply = operation.outcome === 'ok' ? operation.completion?.value : undefined;
  const lengthAfter = typeof reply === 'number' && typeof operation.invoke.value !== 'number' ? reply : undefined;
  return call({ kind: 'append', text, lengthAfter });
}

function prepareKv(operation: Operation, options: ModelOptions): PreparedCall<KvInput> {
  if (readNames.has(operation.f)) {
    const observed = observedValue(operation, options);
    if (observed === undefined) return skipCall;
    if (observed === null) return call({ kind: 'get', text: null });
    const text = valueAsText(observed);
    return text === undefined ? malformed(operation, 'a string or nil read') : call({ kind: 'get', text });
  }
  if (writeNames.has(operation.f)) {
    const text = valueAsText(argumentValue(operation));
    return text === undefined ? malformed(operation, 'a string to put') : call({ kind: 'put', text });
  }
  if (operation.f === 'append') return prepareAppend(operation);
  return unsupported('kv', operation);
}

/** Strings per key (the partition): get, put, and append, which concatenates onto a missing key as onto "". */
export function createKvModel(options: ModelOptions): LinearizabilityModel<KvState, KvInput> {
  const initial = options.initialValue === null ? null : (valueAsText(options.initialValue) ?? null);
  return {
    name: 'kv',
    initialState: () => initial,
    prepare: (operation) => prepareKv(operation, options),
    step(state, input) {
      switch (input.kind) {
        case 'get':
          return input.text === state ? state : undefined;
        case 'put':
          return input.text;
        case 'append': {
          const next = (state ?? '') + input.text;
          return input.lengthAfter === undefined || input.lengthAfter === next.length ? next : undefined;
        }
      }
    },
    stateKey: (state) => (state === null ? '-' : `+${state}`),
    partitionKey: (operation) => operation.key ?? '',
    windowDependencies(input): WindowDependencies {
      return input.kind === 'get' ? { produces: [], consumes: [] } : 'keep';
    },
    initiallyProduced: () => false,
    describeState: (state) => state,
  };
}
