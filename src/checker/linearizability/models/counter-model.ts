import { valueAsText } from '../../../history/op-value.js';
import type { OpValue } from '../../../history/op.js';
import type { Operation } from '../../../history/operation.js';
import type { LinearizabilityModel, ModelOptions, PreparedCall, WindowDependencies } from '../model.js';
import { argumentValue, call, malformed, observedValue, readNames, skipCall, unsupported } from './operation-values.js';

export type CounterInput =
  | { readonly kind: 'read'; readonly count: number | null }
  /** `countAfter`: the value INCRBY replied, when known. */
  | { readonly kind: 'add'; readonly delta: number; readonly countAfter: number | undefined };

/** The count, or null for a missing key (which adds treat as 0, as INCRBY does). */
export type CounterState = number | null;

const addNames: ReadonlySet<string> = new Set(['add', 'incrby', 'incr', 'decrby', 'decr']);

/** An integer from a number or integer text (Redis replies with text). */
function integerOf(value: OpValue): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  const text = valueAsText(value);
  if (text === undefined || !/^-?\d+$/.test(text)) return undefined;
  const parsed = Number(text);
  return Number.isSafeInteger(parsed) ? parsed : undefined;
}

function deltaOf(operation: Operation): number | undefined {
  switch (operation.f) {
    case 'incr':
      return 1;
    case 'decr':
      return -1;
    case 'decrby': {
      const magnitude = integerOf(argumentValue(operation));
      return magnitude === undefined ? undefined : -magnitude;
    }
    default:
      return integerOf(argumentValue(operation));
  }
}

/**
 * The count a Redis-style increment replied. A completion value identical to
 * the invocation's is the recorder's default, not a reply, so it says nothing.
 */
function countAfterOf(operation: Operation): number | undefined {
  if (operation.f === 'add' || operation.outcome !== 'ok' || operation.completion === null) return undefined;
  const replied = operation.completion.value;
  return replied === operation.invoke.value ? undefined : integerOf(replied);
}

function prepareAdd(operation: Operation): PreparedCall<CounterInput> {
  const delta = deltaOf(operation);
  if (delta === undefined) return malformed(operation, 'an integer to add');
  return call({ kind: 'add', delta, countAfter: countAfterOf(operation) });
}

function prepareCounter(operation: Operation, options: ModelOptions): PreparedCall<CounterInput> {
  if (readNames.has(operation.f)) {
    const observed = observedValue(operation, options);
    if (observed === undefined) return skipCall;
    if (observed === null) return call({ kind: 'read', count: null });
    const count = integerOf(observed);
    return count === undefined ? malformed(operation, 'an integer read') : call({ kind: 'read', count });
  }
  if (addNames.has(operation.f)) return prepareAdd(operation);
  return unsupported('counter', operation);
}

/** A counter per key: add (Jepsen), incr/incrby/decr/decrby (Redis, whose reply is the new count), read. */
export function createCounterModel(options: ModelOptions): LinearizabilityModel<CounterState, CounterInput> {
  const initial = options.initialValue === null ? null : (integerOf(options.initialValue) ?? null);
  return {
    name: 'counter',
    initialState: () => initial,
    prepare: (operation) => prepareCounter(operation, options),
    step(state, input) {
      if (input.kind === 'read') return input.count === state ? state : undefined;
      const next = (state ?? 0) + input.delta;
      return input.countAfter === undefined || input.countAfter === next ? next : undefined;
    },
    stateKey: (state) => (state === null ? '-' : state),
    partitionKey: (operation) => operation.key ?? '',
    windowDependencies(input): WindowDependencies {
      return input.kind === 'read' ? { produces: [], consumes: [] } : 'keep';
    },
    initiallyProduced: () => false,
    describeState: (state) => state,
  };
}
