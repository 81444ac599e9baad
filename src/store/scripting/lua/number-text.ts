/**
 * Number <-> text for the interpreter: "%.14g" as Lua 5.1's tostring and
 * lua_str2number, both from the library's number-format.ts.
 */
export { formatLuaNumber as formatNumber, parseLuaNumber as parseNumberText } from './number-format.js';
