import type { LuaTable, LuaVm } from './lua/api.js';

/**
 * luaPushErrorBuff (script_lua.c): an error as the Lua table Redis raises,
 * `{err = "CODE message"}`. A text starting with `-` carries its code (the
 * first word); any other text gets `ERR`. Trailing CR/LF are trimmed.
 * `ignoreStats` marks errors already counted (the failing command's own
 * reply), so the script's final error reply does not count them again.
 */
export function errorTable(vm: LuaVm, text: string, ignoreStats = false): LuaTable {
  const table = vm.newTable();
  table.set('err', errorText(text));
  if (ignoreStats) table.set('ignore_error_stats_update', true);
  return table;
}

export function errorText(text: string): string {
  let code = 'ERR';
  let message = text;
  if (text.startsWith('-')) {
    const space = text.indexOf(' ');
    if (space === -1) message = text.slice(1);
    else {
      code = text.slice(1, space);
      message = text.slice(space + 1);
    }
  }
  return `${code} ${trimLineEnds(message)}`;
}

/** sdstrim(msg, "\r\n"): both ends. */
function trimLineEnds(text: string): string {
  return text.replace(/^[\r\n]+|[\r\n]+$/g, '');
}
