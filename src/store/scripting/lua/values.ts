import { LuaError, LuaFunction, type LuaTable, type LuaValue } from './api.js';
import { isLuaTable } from './lua-table.js';
import { formatNumber, parseNumberText } from './number-text.js';
import { LuaCoroutine, type InterpreterState } from './runtime.js';

/** Lua's type() name of a value. */
export function typeName(value: LuaValue): string {
  switch (typeof value) {
    case 'undefined': return 'nil';
    case 'boolean': return 'boolean';
    case 'number': return 'number';
    case 'string': return 'string';
    default: break;
  }
  if (value instanceof LuaCoroutine) return 'thread';
  if (value instanceof LuaFunction) return 'function';
  return 'table';
}

export function isTruthy(value: LuaValue): boolean {
  return value !== undefined && value !== false;
}

/** A number, or a string that converts to one (Lua's arithmetic coercion); undefined otherwise. */
export function toNumber(value: LuaValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseNumberText(value);
  return undefined;
}

/** The metatable of any value: tables have their own, strings share one. */
export function metatableOf(state: InterpreterState, value: LuaValue): LuaTable | undefined {
  if (isLuaTable(value)) return value.metatable;
  if (typeof value === 'string') return state.stringMetatable;
  return undefined;
}

export function metamethod(state: InterpreterState, value: LuaValue, event: string): LuaValue {
  const metatable = metatableOf(state, value);
  return metatable === undefined ? undefined : metatable.get(event);
}

/** Per-VM identities for "table: 0x..." texts, so two runs print the same. */
export class Identities {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;

  of(value: object): string {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.nextId;
      this.nextId += 1;
      this.ids.set(value, id);
    }
    return `0x${(0x1000000 + id * 0x40).toString(16).padStart(8, '0')}`;
  }
}

/** tostring() without metamethods. */
export function rawToString(value: LuaValue, identities: Identities): string {
  switch (typeof value) {
    case 'undefined': return 'nil';
    case 'boolean': return value ? 'true' : 'false';
    case 'number': return formatNumber(value);
    case 'string': return value;
    default: break;
  }
  return `${typeName(value)}: ${identities.of(value)}`;
}

/** "(a nil value)" style suffix with the variable's kind and name when known: "global 'x' (a nil value)". */
export function describeValue(value: LuaValue, variable: string | undefined): string {
  const kind = `(a ${typeName(value)} value)`;
  return variable === undefined ? `a ${typeName(value)} value` : `${variable} ${kind}`;
}

/** A Lua runtime error at `where` ("chunk:line: "), which is also its position (see LuaError.position). */
export function runtimeError(where: string, message: string): LuaError {
  const error = new LuaError(where + message);
  if (where !== '') error.position = where;
  return error;
}

/** A LuaError raised by a library function: `position` is the calling Lua function's (what Redis's error handler reports). */
export function positionedError(value: LuaValue, position: string): LuaError {
  const error = new LuaError(value);
  if (position !== '') error.position = position;
  return error;
}
