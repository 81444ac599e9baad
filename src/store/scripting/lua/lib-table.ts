import { LuaFunction, LuaHostFunction, type LuaCallContext, type LuaValue } from './api.js';
import { checkInteger, checkTable, libraryError, optionalInteger, rawWrite, typeError } from './library-arguments.js';
import type { LuaTableImpl } from './lua-table.js';
import { formatNumber } from './number-text.js';
import { lessThan } from './operations.js';
import { typeName } from './values.js';
import type { InterpreterState } from './runtime.js';

/** Lua 5.1's table library (ltablib.c), including its quicksort so inconsistent comparators behave alike. */
export function openTableLibrary(state: InterpreterState, table: LuaTableImpl): void {
  const define = (name: string, fn: (args: readonly LuaValue[], context: LuaCallContext) => LuaValue[]): void => {
    table.set(name, new LuaHostFunction(name, fn));
  };
  define('insert', insert);
  define('remove', remove);
  define('concat', concat);
  define('sort', (args, context) => sort(state, args, context));
  define('getn', (args, context) => [checkTable(context, args, 1, 'getn').length()]);
  define('setn', (_args, context) => {
    throw libraryError(context, "'setn' is obsolete");
  });
  define('maxn', maxn);
  define('foreach', foreach);
  define('foreachi', foreachi);
}

function insert(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const table = checkTable(context, args, 1, 'insert');
  let end = table.length() + 1;
  let position: number;
  if (args.length === 2) {
    position = end;
  } else if (args.length === 3) {
    position = checkInteger(context, args, 2, 'insert');
    if (position > end) end = position;
    for (let index = end; index > position; index -= 1) rawWrite(context, table, index, table.get(index - 1));
  } else {
    throw libraryError(context, "wrong number of arguments to 'insert'");
  }
  rawWrite(context, table, position, args[args.length - 1]);
  return [];
}

function remove(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const table = checkTable(context, args, 1, 'remove');
  const end = table.length();
  let position = optionalInteger(context, args, 2, 'remove', end);
  if (!(position >= 1 && position <= end)) return [];
  const removed = table.get(position);
  for (; position < end; position += 1) rawWrite(context, table, position, table.get(position + 1));
  rawWrite(context, table, end, undefined);
  return [removed];
}

function concat(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const table = checkTable(context, args, 1, 'concat');
  const separatorValue = args[1];
  let separator = '';
  if (separatorValue !== undefined) {
    if (typeof separatorValue === 'string') separator = separatorValue;
    else if (typeof separatorValue === 'number') separator = formatNumber(separatorValue);
    else throw typeError(context, args, 2, 'concat', 'string');
  }
  const first = optionalInteger(context, args, 3, 'concat', 1);
  const last = args[3] === undefined ? table.length() : checkInteger(context, args, 4, 'concat');
  const parts: string[] = [];
  for (let index = first; index <= last; index += 1) {
    const value = table.get(index);
    if (typeof value === 'string') parts.push(value);
    else if (typeof value === 'number') parts.push(formatNumber(value));
    else throw libraryError(context, `invalid value (${typeName(value)}) at index ${index} in table for 'concat'`);
  }
  return [parts.join(separator)];
}

function maxn(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const table = checkTable(context, args, 1, 'maxn');
  let largest = 0;
  for (let entry = table.next(undefined); entry !== undefined; entry = table.next(entry[0])) {
    if (typeof entry[0] === 'number' && entry[0] > largest) largest = entry[0];
  }
  return [largest];
}

function checkFunction(context: LuaCallContext, args: readonly LuaValue[], position: number, name: string): LuaValue {
  if (!(args[position - 1] instanceof LuaFunction)) throw typeError(context, args, position, name, 'function');
  return args[position - 1];
}

function foreach(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const table = checkTable(context, args, 1, 'foreach');
  const fn = checkFunction(context, args, 2, 'foreach');
  for (let entry = table.next(undefined); entry !== undefined; entry = table.next(entry[0])) {
    const result = context.call(fn, [entry[0], entry[1]])[0];
    if (result !== undefined) return [result];
  }
  return [];
}

function foreachi(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const table = checkTable(context, args, 1, 'foreachi');
  const fn = checkFunction(context, args, 2, 'foreachi');
  const size = table.length();
  for (let index = 1; index <= size; index += 1) {
    const result = context.call(fn, [index, table.get(index)])[0];
    if (result !== undefined) return [result];
  }
  return [];
}

function sort(state: InterpreterState, args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const table = checkTable(context, args, 1, 'sort');
  const size = table.length();
  const comparator = args[1];
  if (comparator !== undefined) checkFunction(context, args, 2, 'sort');
  const less = comparator === undefined
    ? (a: LuaValue, b: LuaValue): boolean => lessThan(state, a, b, '')
    : (a: LuaValue, b: LuaValue): boolean => {
        const result = context.call(comparator, [a, b])[0];
        return result !== undefined && result !== false;
      };
  const write = (key: number, value: LuaValue): void => rawWrite(context, table, key, value);
  quicksort({ get: (key) => table.get(key), set: write }, 1, size, less, () => libraryError(context, 'invalid order function for sorting'));
  return [];
}

type Less = (a: LuaValue, b: LuaValue) => boolean;

/** The table being sorted: reads raw, writes checked (lua_rawseti refuses readonly tables). */
interface SortTarget {
  get(key: number): LuaValue;
  set(key: number, value: LuaValue): void;
}

/** Orders a[l], a[middle], a[u] (ltablib.c's first steps); returns false when the range is done (2 or 3 elements). */
function orderThree(table: SortTarget, low: number, high: number, less: Less): boolean {
  const swap = (i: number, j: number): void => {
    const value = table.get(i);
    table.set(i, table.get(j));
    table.set(j, value);
  };
  if (less(table.get(high), table.get(low))) swap(low, high);
  if (high - low === 1) return false;
  const middle = Math.floor((low + high) / 2);
  if (less(table.get(middle), table.get(low))) swap(middle, low);
  else if (less(table.get(high), table.get(middle))) swap(middle, high);
  return high - low !== 2;
}

/** ltablib.c's auxsort: median of three, partition, recurse on the smaller half, loop on the larger. */
function quicksort(table: SortTarget, lowStart: number, highStart: number, less: Less, invalidOrder: () => Error): void {
  let low = lowStart;
  let high = highStart;
  while (low < high) {
    if (!orderThree(table, low, high, less)) return;
    const middle = Math.floor((low + high) / 2);
    const pivot = table.get(middle);
    table.set(middle, table.get(high - 1));
    table.set(high - 1, pivot);
    let i = low;
    let j = high - 1;
    for (;;) {
      while (less(table.get(++i), pivot)) if (i > high) throw invalidOrder();
      while (less(pivot, table.get(--j))) if (j < low) throw invalidOrder();
      if (j < i) break;
      const value = table.get(i);
      table.set(i, table.get(j));
      table.set(j, value);
    }
    const atI = table.get(i);
    table.set(i, table.get(high - 1));
    table.set(high - 1, atI);
    if (i - low < high - i) {
      quicksort(table, low, i - 1, less, invalidOrder);
      low = i + 1;
    } else {
      quicksort(table, i + 1, high, less, invalidOrder);
      high = i - 1;
    }
  }
}
