import { LuaFunction, type LuaValue } from './api.js';
import { callToCompletion } from './calls.js';
import { isLuaTable } from './lua-table.js';
import { formatNumber } from './number-text.js';
import type { InterpreterState } from './runtime.js';
import { describeValue, metamethod, metatableOf, runtimeError, toNumber, typeName } from './values.js';

/** Lua 5.1 follows at most this many __index/__newindex links (MAXTAGLOOP). */
const metaChainMax = 100;

export const readonlyMessage = 'Attempt to modify a readonly table';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%' | '^';

const arithmeticEvents: Readonly<Record<ArithmeticOperator, string>> = {
  '+': '__add', '-': '__sub', '*': '__mul', '/': '__div', '%': '__mod', '^': '__pow',
};

/** C's pow(): unlike Math.pow, pow(1, y) and pow(-1, ±inf) are 1 (Lua's ^ and math.pow use it). */
export function powerAsC(base: number, exponent: number): number {
  if (base === 1) return 1;
  if (base === -1 && !Number.isFinite(exponent) && !Number.isNaN(exponent)) return 1;
  return Math.pow(base, exponent);
}

export function arithmeticOnNumbers(operator: ArithmeticOperator, left: number, right: number): number {
  switch (operator) {
    case '+': return left + right;
    case '-': return left - right;
    case '*': return left * right;
    case '/': return left / right;
    case '%': return left - Math.floor(left / right) * right;
    case '^': return powerAsC(left, right);
  }
}

function callMetamethod(state: InterpreterState, handler: LuaValue, args: LuaValue[]): LuaValue {
  return callToCompletion(state, handler, args)[0];
}

function binaryHandler(state: InterpreterState, left: LuaValue, right: LuaValue, event: string): LuaValue {
  const handler = metamethod(state, left, event);
  return handler !== undefined ? handler : metamethod(state, right, event);
}

/** Arithmetic with string coercion and metamethods (the slow path: the compiled code handles two numbers itself). */
export function arithmetic(
  state: InterpreterState, operator: ArithmeticOperator, left: LuaValue, right: LuaValue,
  where: string, leftName: string | undefined, rightName: string | undefined,
): LuaValue {
  const leftNumber = toNumber(left);
  const rightNumber = toNumber(right);
  if (leftNumber !== undefined && rightNumber !== undefined) return arithmeticOnNumbers(operator, leftNumber, rightNumber);
  const handler = binaryHandler(state, left, right, arithmeticEvents[operator]);
  if (handler !== undefined) return callMetamethod(state, handler, [left, right]);
  const culprit = leftNumber === undefined ? describeValue(left, leftName) : describeValue(right, rightName);
  throw runtimeError(where, `attempt to perform arithmetic on ${culprit}`);
}

export function negate(state: InterpreterState, operand: LuaValue, where: string, name: string | undefined): LuaValue {
  const number = toNumber(operand);
  if (number !== undefined) return -number;
  const handler = metamethod(state, operand, '__unm');
  if (handler !== undefined) return callMetamethod(state, handler, [operand, operand]);
  throw runtimeError(where, `attempt to perform arithmetic on ${describeValue(operand, name)}`);
}

export function concatenate(
  state: InterpreterState, left: LuaValue, right: LuaValue,
  where: string, leftName: string | undefined, rightName: string | undefined,
): LuaValue {
  const leftIsText = typeof left === 'string' || typeof left === 'number';
  const rightIsText = typeof right === 'string' || typeof right === 'number';
  if (leftIsText && rightIsText) return textOf(left) + textOf(right);
  const handler = binaryHandler(state, left, right, '__concat');
  if (handler !== undefined) return callMetamethod(state, handler, [left, right]);
  const culprit = leftIsText ? describeValue(right, rightName) : describeValue(left, leftName);
  throw runtimeError(where, `attempt to concatenate ${culprit}`);
}

function textOf(value: string | number): string {
  return typeof value === 'string' ? value : formatNumber(value);
}

export function length(state: InterpreterState, operand: LuaValue, where: string, name: string | undefined): LuaValue {
  if (typeof operand === 'string') return operand.length;
  if (isLuaTable(operand)) return operand.length();
  const handler = metamethod(state, operand, '__len');
  if (handler !== undefined) return callMetamethod(state, handler, [operand]);
  throw runtimeError(where, `attempt to get length of ${describeValue(operand, name)}`);
}

/** Lua's == (raw equality, then __eq for two tables sharing the handler). */
export function equals(state: InterpreterState, left: LuaValue, right: LuaValue): boolean {
  if (left === right) return true;
  if (!isLuaTable(left) || !isLuaTable(right)) return false;
  const handler = comparisonHandler(state, left, right, '__eq');
  if (handler === undefined) return false;
  const result = callMetamethod(state, handler, [left, right]);
  return result !== undefined && result !== false;
}

function comparisonHandler(state: InterpreterState, left: LuaValue, right: LuaValue, event: string): LuaValue {
  const leftHandler = metamethod(state, left, event);
  if (leftHandler === undefined) return undefined;
  if (metatableOf(state, left) === metatableOf(state, right)) return leftHandler;
  return leftHandler === metamethod(state, right, event) ? leftHandler : undefined;
}

function orderError(where: string, left: LuaValue, right: LuaValue): Error {
  const leftType = typeName(left);
  const rightType = typeName(right);
  if (leftType === rightType) return runtimeError(where, `attempt to compare two ${leftType} values`);
  return runtimeError(where, `attempt to compare ${leftType} with ${rightType}`);
}

export function lessThan(state: InterpreterState, left: LuaValue, right: LuaValue, where: string): boolean {
  if (typeof left === 'number' && typeof right === 'number') return left < right;
  if (typeof left === 'string' && typeof right === 'string') return left < right;
  if (typeName(left) === typeName(right)) {
    const handler = comparisonHandler(state, left, right, '__lt');
    if (handler !== undefined) {
      const result = callMetamethod(state, handler, [left, right]);
      return result !== undefined && result !== false;
    }
  }
  throw orderError(where, left, right);
}

export function lessEqual(state: InterpreterState, left: LuaValue, right: LuaValue, where: string): boolean {
  if (typeof left === 'number' && typeof right === 'number') return left <= right;
  if (typeof left === 'string' && typeof right === 'string') return left <= right;
  if (typeName(left) === typeName(right)) {
    const handler = comparisonHandler(state, left, right, '__le');
    if (handler !== undefined) {
      const result = callMetamethod(state, handler, [left, right]);
      return result !== undefined && result !== false;
    }
    const inverse = comparisonHandler(state, right, left, '__lt');
    if (inverse !== undefined) {
      const result = callMetamethod(state, inverse, [right, left]);
      return result === undefined || result === false;
    }
  }
  throw orderError(where, left, right);
}

/** t[k] with __index (the slow path: the compiled code reads plain table hits itself). */
export function index(state: InterpreterState, object: LuaValue, key: LuaValue, where: string, name: string | undefined): LuaValue {
  let current = object;
  for (let loop = 0; loop < metaChainMax; loop += 1) {
    let handler: LuaValue;
    if (isLuaTable(current)) {
      const value = current.get(key);
      if (value !== undefined || current.metatable === undefined) return value;
      handler = current.metatable.get('__index');
      if (handler === undefined) return undefined;
    } else {
      handler = metamethod(state, current, '__index');
      if (handler === undefined) throw runtimeError(where, `attempt to index ${describeValue(current, current === object ? name : undefined)}`);
    }
    if (handler instanceof LuaFunction) return callMetamethod(state, handler, [current, key]);
    current = handler;
  }
  throw runtimeError(where, 'loop in gettable');
}

/** t[k] = v with __newindex. */
export function setIndex(
  state: InterpreterState, object: LuaValue, key: LuaValue, value: LuaValue, where: string, name: string | undefined,
): void {
  let current = object;
  for (let loop = 0; loop < metaChainMax; loop += 1) {
    let handler: LuaValue;
    if (isLuaTable(current)) {
      if (current.isReadonly) throw runtimeError(where, readonlyMessage);
      const metatable = current.metatable;
      handler = metatable === undefined ? undefined : metatable.get('__newindex');
      if (handler === undefined || current.get(key) !== undefined) {
        rawSetChecked(current, key, value, where);
        return;
      }
    } else {
      handler = metamethod(state, current, '__newindex');
      if (handler === undefined) throw runtimeError(where, `attempt to index ${describeValue(current, current === object ? name : undefined)}`);
    }
    if (handler instanceof LuaFunction) {
      callToCompletion(state, handler, [current, key, value]);
      return;
    }
    current = handler;
  }
  throw runtimeError(where, 'loop in settable');
}

function rawSetChecked(table: { set(key: LuaValue, value: LuaValue): void }, key: LuaValue, value: LuaValue, where: string): void {
  if (key === undefined) throw runtimeError(where, 'table index is nil');
  if (typeof key === 'number' && Number.isNaN(key)) throw runtimeError(where, 'table index is NaN');
  table.set(key, value);
}

/** tostring() honouring __tostring. */
export function toStringMeta(state: InterpreterState, value: LuaValue, raw: (value: LuaValue) => string): string {
  const handler = metamethod(state, value, '__tostring');
  if (handler === undefined) return raw(value);
  const result = callMetamethod(state, handler, [value]);
  return typeof result === 'string' ? result : raw(result);
}
