import type { Operation } from '../../history/operation.js';
import type { OpValue } from '../../history/op.js';

export const modelNames = ['register', 'cas-register', 'kv', 'counter', 'set', 'multi-register'] as const;
export type ModelName = (typeof modelNames)[number];

export function isModelName(text: string): text is ModelName {
  return (modelNames as readonly string[]).includes(text);
}

export interface ModelOptions {
  /** The state before any operation; nil is a missing Redis key. */
  readonly initialValue: OpValue;
  /**
   * Whether a read that returned nil says nothing (Knossos' convention,
   * where nil means "not known") rather than "the key was missing".
   */
  readonly nilReadIsUnknown: boolean;
}

/** How an operation enters the search. */
export type PreparedCall<Input> =
  | { readonly kind: 'call'; readonly input: Input }
  /** It neither constrains nor changes the state (an unknown read): leave it out. */
  | { readonly kind: 'skip' }
  | { readonly kind: 'unsupported'; readonly problem: string };

/**
 * What an operation needs from others to make sense in a counterexample
 * window: values it produces and values it consumes (canonical texts), or
 * `keep` when it can never be left out (its effect is not a plain value).
 * Contract (the search relies on it, see impossible-call.ts): an operation
 * can take effect only in a state that holds every value it consumes, and a
 * state holds a value only initially or after an operation producing it.
 */
export type WindowDependencies = { readonly produces: readonly string[]; readonly consumes: readonly string[] } | 'keep';

/**
 * A sequential specification for the linearizability search. States must
 * have a canonical key (equal states, equal keys) for the search's cache.
 * A model instance is made per check: it may intern values as it prepares.
 */
export interface LinearizabilityModel<State, Input> {
  readonly name: ModelName;
  initialState(): State;
  /** The model's input for a completed (ok or info) operation; `fail`s never reach it. */
  prepare(operation: Operation): PreparedCall<Input>;
  /** The state after `input`, or undefined when `input` is impossible in `state`. */
  step(state: State, input: Input): State | undefined;
  stateKey(state: State): string | number;
  /** Operations on different partition keys never interact (P-compositionality). */
  partitionKey(operation: Operation): string;
  windowDependencies(input: Input): WindowDependencies;
  /** Whether the initial state already holds a produced value (then it needs no producer in a window). */
  initiallyProduced(produced: string): boolean;
  describeState(state: State): OpValue;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyLinearizabilityModel = LinearizabilityModel<any, any>;
