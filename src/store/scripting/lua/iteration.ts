import { LuaHostFunction, type LuaValue } from './api.js';
import { checkInteger, checkTable } from './library-arguments.js';

/** Lua's `next`; the generic `for` recognises it (and ipairs' iterator) to skip the call machinery. */
export const nextFunction = new LuaHostFunction('next', (args, context) => {
  const table = checkTable(context, args, 1, 'next');
  const entry = table.next(args[1]);
  return entry === undefined ? [undefined] : entry;
});

export const ipairsIterator = new LuaHostFunction('ipairs_iterator', (args, context) => {
  const table = checkTable(context, args, 1, 'ipairs');
  const position = checkInteger(context, args, 2, 'ipairs') + 1;
  const value: LuaValue = table.get(position);
  return value === undefined ? [] : [position, value];
});

export const pairsFunction = new LuaHostFunction('pairs', (args, context) => {
  const table = checkTable(context, args, 1, 'pairs');
  return [nextFunction, table, undefined];
});

export const ipairsFunction = new LuaHostFunction('ipairs', (args, context) => {
  const table = checkTable(context, args, 1, 'ipairs');
  return [ipairsIterator, table, 0];
});
