import type { OpValue } from '../../../history/op.js';
import type { Operation } from '../../../history/operation.js';
import type { LinearizabilityModel, ModelOptions, PreparedCall, WindowDependencies } from '../model.js';
import { ValueInterner } from '../value-interner.js';
import { argumentValue, call, malformed, observedValue, readNames, skipCall, unsupported, writeNames } from './operation-values.js';

export type RegisterInput =
  | { readonly kind: 'read'; readonly valueId: number }
  | { readonly kind: 'write'; readonly valueId: number }
  | { readonly kind: 'cas'; readonly expectedId: number; readonly newId: number };

/** Register state: the interned id of the value it holds. */
export type RegisterState = number;

function prepareCas(operation: Operation, interner: ValueInterner): PreparedCall<RegisterInput> {
  const argument = argumentValue(operation);
  if (!Array.isArray(argument) || argument.length !== 2) return malformed(operation, 'a value [expected new]');
  const pair = argument as readonly OpValue[];
  return call({ kind: 'cas', expectedId: interner.idOf(pair[0] ?? null), newId: interner.idOf(pair[1] ?? null) });
}

/**
 * A single value with read and write; the cas-register adds compare-and-set
 * (value `[expected new]`; a cas that found another value must be `fail`).
 */
export function createRegisterModel(name: 'register' | 'cas-register', options: ModelOptions): LinearizabilityModel<RegisterState, RegisterInput> {
  const interner = new ValueInterner();
  const initialId = interner.idOf(options.initialValue);
  return {
    name,
    initialState: () => initialId,
    prepare(operation) {
      if (readNames.has(operation.f)) {
        const observed = observedValue(operation, options);
        return observed === undefined ? skipCall : call({ kind: 'read', valueId: interner.idOf(observed) });
      }
      if (writeNames.has(operation.f)) return call({ kind: 'write', valueId: interner.idOf(argumentValue(operation)) });
      if (operation.f === 'cas' && name === 'cas-register') return prepareCas(operation, interner);
      return unsupported(name, operation);
    },
    step(state, input) {
      switch (input.kind) {
        case 'read':
          return input.valueId === state ? state : undefined;
        case 'write':
          return input.valueId;
        case 'cas':
          return input.expectedId === state ? input.newId : undefined;
      }
    },
    stateKey: (state) => state,
    partitionKey: (operation) => operation.key ?? '',
    windowDependencies(input): WindowDependencies {
      switch (input.kind) {
        case 'read':
          return { produces: [], consumes: [String(input.valueId)] };
        case 'write':
          return { produces: [String(input.valueId)], consumes: [] };
        case 'cas':
          return { produces: [String(input.newId)], consumes: [String(input.expectedId)] };
      }
    },
    initiallyProduced: (produced) => produced === String(initialId),
    describeState: (state) => interner.valueOf(state),
  };
}
