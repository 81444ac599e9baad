import type { OpValue } from '../../../history/op.js';
import type { Operation } from '../../../history/operation.js';
import type { LinearizabilityModel, ModelOptions, PreparedCall, WindowDependencies } from '../model.js';
import { ValueInterner } from '../value-interner.js';
import { call, malformed, readNames, skipCall, unsupported, writeNames } from './operation-values.js';

/** One micro-op of a transaction; a read with `valueId` undefined observed nothing known. */
export interface MicroOp {
  readonly kind: 'read' | 'write';
  readonly register: number;
  readonly valueId: number | undefined;
}

export interface MultiRegisterInput {
  readonly microOps: readonly MicroOp[];
}

/** Value ids by register number; registers past the end hold the initial value. */
export type MultiRegisterState = readonly number[];

interface Interners {
  readonly registers: ValueInterner;
  readonly values: ValueInterner;
}

function parseMicroOp(raw: OpValue, observed: boolean, options: ModelOptions, interners: Interners): MicroOp | undefined {
  if (!Array.isArray(raw) || raw.length !== 3) return undefined;
  const [f, register, value] = raw as readonly OpValue[];
  if (typeof f !== 'string' || (typeof register !== 'string' && typeof register !== 'number')) return undefined;
  const registerId = interners.registers.idOf(register);
  if (writeNames.has(f)) return { kind: 'write', register: registerId, valueId: interners.values.idOf(value ?? null) };
  if (!readNames.has(f)) return undefined;
  const known = observed && !(value === null && options.nilReadIsUnknown);
  return { kind: 'read', register: registerId, valueId: known ? interners.values.idOf(value ?? null) : undefined };
}

function prepareTxn(operation: Operation, options: ModelOptions, interners: Interners): PreparedCall<MultiRegisterInput> {
  if (operation.f !== 'txn') return unsupported('multi-register', operation);
  const observed = operation.outcome === 'ok' && operation.completion !== null;
  const raw = observed && operation.completion !== null ? operation.completion.value : operation.invoke.value;
  if (!Array.isArray(raw)) return malformed(operation, 'a list of [:read k v] / [:write k v] micro-ops');
  const microOps: MicroOp[] = [];
  for (const item of raw as readonly OpValue[]) {
    const microOp = parseMicroOp(item, observed, options, interners);
    if (microOp === undefined) return malformed(operation, 'micro-ops of the form [:read k v] or [:write k v]');
    if (microOp.kind === 'write' || microOp.valueId !== undefined) microOps.push(microOp);
  }
  return microOps.length === 0 ? skipCall : call({ microOps });
}

function applyTxn(state: MultiRegisterState, input: MultiRegisterInput, initialId: number): MultiRegisterState | undefined {
  let current = state;
  for (const microOp of input.microOps) {
    const held = current[microOp.register] ?? initialId;
    if (microOp.kind === 'read') {
      if (microOp.valueId !== held) return undefined;
      continue;
    }
    if (held === microOp.valueId) continue;
    const next = current.slice();
    while (next.length < microOp.register) next.push(initialId);
    next[microOp.register] = microOp.valueId ?? initialId;
    current = next;
  }
  return current;
}

function dependenciesOf(input: MultiRegisterInput): WindowDependencies {
  const produces: string[] = [];
  const consumes: string[] = [];
  for (const microOp of input.microOps) {
    (microOp.kind === 'write' ? produces : consumes).push(`${microOp.register}=${microOp.valueId ?? -1}`);
  }
  return { produces, consumes };
}

/** Knossos' multi-register: registers (`:x`, `:y`, ...) all starting at the initial value; a `:txn` applies atomically. */
export function createMultiRegisterModel(options: ModelOptions): LinearizabilityModel<MultiRegisterState, MultiRegisterInput> {
  const interners: Interners = { registers: new ValueInterner(), values: new ValueInterner() };
  const initialId = interners.values.idOf(options.initialValue);
  return {
    name: 'multi-register',
    initialState: () => [],
    prepare: (operation) => prepareTxn(operation, options, interners),
    step: (state, input) => applyTxn(state, input, initialId),
    stateKey(state) {
      let end = state.length;
      while (end > 0 && state[end - 1] === initialId) end--;
      return state.slice(0, end).join(',');
    },
    partitionKey: () => '',
    windowDependencies: dependenciesOf,
    initiallyProduced: (produced) => produced.endsWith(`=${initialId}`),
    describeState(state) {
      const registers: Record<string, OpValue> = {};
      state.forEach((valueId, register) => {
        registers[String(interners.registers.valueOf(register))] = interners.values.valueOf(valueId);
      });
      return registers;
    },
  };
}
