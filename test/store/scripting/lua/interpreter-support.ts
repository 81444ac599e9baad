import { LuaError, type LuaValue, type LuaVm } from '../../../../src/store/scripting/lua/api.js';
import { isLuaTable } from '../../../../src/store/scripting/lua/lua-table.js';
import { createLuaVm } from '../../../../src/store/scripting/lua/vm.js';

/** A plain-JS view of Lua results: tables become arrays of their 1..#t part (or objects when they have other keys). */
export type Plain = undefined | boolean | number | string | Plain[] | { [key: string]: Plain } | 'function';

export function toPlain(value: LuaValue): Plain {
  if (!isLuaTable(value)) return typeof value === 'object' ? 'function' : value;
  const size = value.length();
  let hasOtherKeys = false;
  for (let entry = value.next(undefined); entry !== undefined; entry = value.next(entry[0])) {
    const key = entry[0];
    if (!(typeof key === 'number' && Number.isInteger(key) && key >= 1 && key <= size)) hasOtherKeys = true;
  }
  if (!hasOtherKeys) {
    const items: Plain[] = [];
    for (let index = 1; index <= size; index += 1) items.push(toPlain(value.get(index)));
    return items;
  }
  const object: { [key: string]: Plain } = {};
  for (let entry = value.next(undefined); entry !== undefined; entry = value.next(entry[0])) object[String(entry[0])] = toPlain(entry[1]);
  return object;
}

/** Runs a chunk to completion on a fresh VM (or the one given) and returns its results as plain values. */
export function runLua(source: string, vm: LuaVm = createLuaVm(), budget = 1_000_000): Plain[] {
  const execution = vm.start(vm.load(source, 'user_script'), []);
  for (let rounds = 0; rounds < 10_000; rounds += 1) {
    const outcome = execution.run(budget);
    if (outcome.done) return outcome.results.map(toPlain);
  }
  throw new Error('script did not finish');
}

/** The error a chunk raises (its value, as a plain value), or a marker when it raises none. */
export function luaErrorOf(source: string, vm: LuaVm = createLuaVm()): Plain {
  try {
    runLua(source, vm);
  } catch (error) {
    if (error instanceof LuaError) return toPlain(error.value);
    if (error instanceof Error && error.name === 'LuaSyntaxError') return error.message;
    throw error;
  }
  return '<no error>';
}
