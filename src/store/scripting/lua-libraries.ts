import type { LuaVm } from './lua/api.js';
import { installBit } from './lua/lib-bit.js';
import { installCjson } from './lua/lib-cjson.js';
import { installCmsgpack } from './lua/lib-cmsgpack.js';
import { installStringLibrary } from './lua/lib-string.js';
import { installStruct } from './lua/lib-struct.js';

/**
 * The libraries Redis loads besides the interpreter's own base, table and
 * math (luaLoadLibraries, in its order): string, cjson, struct, cmsgpack,
 * bit. Each is installed by its engineer's installer from src/store/scripting/lua/.
 */
export const libraryInstallers: readonly ((vm: LuaVm) => void)[] = [installStringLibrary, installCjson, installStruct, installCmsgpack, installBit];
