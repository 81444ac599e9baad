import type { OpValue } from '../../../history/op.js';
import type { Operation } from '../../../history/operation.js';
import type { ModelOptions, PreparedCall } from '../model.js';

/**
 * What a read returned: the ok completion's value. Undefined when it is not
 * known: the read did not complete ok, or it returned nil under Knossos'
 * convention.
 */
export function observedValue(operation: Operation, options: ModelOptions): OpValue | undefined {
  if (operation.outcome !== 'ok' || operation.completion === null) return undefined;
  const value = operation.completion.value;
  if (value === null && options.nilReadIsUnknown) return undefined;
  return value;
}

/** What a write sent: the invocation's value (a completion may carry a reply instead). */
export function argumentValue(operation: Operation): OpValue {
  return operation.invoke.value !== null || operation.completion === null ? operation.invoke.value : operation.completion.value;
}

export function unsupported<Input>(model: string, operation: Operation): PreparedCall<Input> {
  return { kind: 'unsupported', problem: `op ${operation.invoke.index}: :${operation.f} is not an operation of the ${model} model` };
}

export function malformed<Input>(operation: Operation, expected: string): PreparedCall<Input> {
  return { kind: 'unsupported', problem: `op ${operation.invoke.index}: :${operation.f} needs ${expected}` };
}

export const skipCall = { kind: 'skip' } as const;

export function call<Input>(input: Input): PreparedCall<Input> {
  return { kind: 'call', input };
}

export const readNames: ReadonlySet<string> = new Set(['read', 'get', 'r']);
export const writeNames: ReadonlySet<string> = new Set(['write', 'put', 'set', 'w']);
