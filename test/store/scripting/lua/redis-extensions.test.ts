import { describe, expect, it } from 'vitest';
import { LuaError, LuaHostFunction, type LuaVm } from '../../../../src/store/scripting/lua/api.js';
import { isLuaTable } from '../../../../src/store/scripting/lua/lua-table.js';
import { createLuaVm } from '../../../../src/store/scripting/lua/vm.js';
import { luaErrorOf, runLua } from './interpreter-support.js';

/** A VM whose global `locked` is a readonly table (as Redis locks _G and the libraries). */
function vmWithLockedTable(): LuaVm {
  const vm = createLuaVm();
  const locked = vm.newTable();
  locked.set('a', 1);
  locked.isReadonly = true;
  vm.globals.set('locked', locked);
  return vm;
}

function errorOf(vm: LuaVm, source: string): LuaError {
  try {
    runLua(source, vm);
  } catch (error) {
    if (error instanceof LuaError) return error;
    throw error;
  }
  throw new Error('no error raised');
}

describe('readonly tables (Redis lua_enablereadonlytable; messages from redis-server 7.0.15 on _G)', () => {
  it('refuses assignments from Lua code with the position prefix', () => {
    expect(luaErrorOf('locked.x = 1', vmWithLockedTable())).toBe('user_script:1: Attempt to modify a readonly table');
    expect(luaErrorOf('locked.a = 2', vmWithLockedTable())).toBe('user_script:1: Attempt to modify a readonly table');
  });

  it('refuses rawset, setmetatable and table library writes without a prefix', () => {
    for (const source of ['rawset(locked, "x", 1)', 'setmetatable(locked, {})', 'table.insert(locked, 1)', 'table.sort(unsorted)']) {
      const vm = vmWithLockedTable();
      const unsorted = vm.newTable();
      unsorted.set(1, 2);
      unsorted.set(2, 1);
      unsorted.isReadonly = true;
      vm.globals.set('unsorted', unsorted);
      const error = errorOf(vm, source);
      expect(error.value).toBe('Attempt to modify a readonly table');
      expect(error.position).toBe('user_script:1: ');
    }
  });

  it('still allows reads and host writes', () => {
    const vm = vmWithLockedTable();
    expect(runLua('return locked.a, rawget(locked, "a"), #locked', vm)).toEqual([1, 1, 0]);
    const locked = vm.globals.get('locked');
    if (isLuaTable(locked)) locked.set('b', 2);
    expect(runLua('return locked.b', vm)).toEqual([2]);
  });

  it('refuses writes through __newindex into a readonly table', () => {
    expect(luaErrorOf('local t = setmetatable({}, {__newindex = locked}) t.z = 1', vmWithLockedTable()))
      .toBe('user_script:1: Attempt to modify a readonly table');
  });
});

describe('LuaError.position: the innermost Lua function when the error was raised', () => {
  it('is the operation line for runtime errors', () => {
    const error = errorOf(createLuaVm(), 'local x = 1\nlocal y = x + nil');
    expect(error.value).toBe('user_script:2: attempt to perform arithmetic on a nil value');
    expect(error.position).toBe('user_script:2: ');
  });

  it('is the caller of error() whatever the level or value', () => {
    expect(errorOf(createLuaVm(), 'local a = 1\nerror("plain", 0)').position).toBe('user_script:2: ');
    expect(errorOf(createLuaVm(), 'local function f()\n error({err = "t"})\n end\n f()').position).toBe('user_script:2: ');
  });

  it('is the calling Lua line for errors host functions raise without one', () => {
    const vm = createLuaVm();
    vm.globals.set('fail', new LuaHostFunction('fail', () => {
      throw new LuaError('raw host failure');
    }));
    const error = errorOf(vm, 'local a = 1\n\nfail()');
    expect(error.value).toBe('raw host failure');
    expect(error.position).toBe('user_script:3: ');
  });
});

describe('LuaExecution.currentPosition', () => {
  it('names the loop a paused script is spinning in', () => {
    const vm = createLuaVm();
    const execution = vm.start(vm.load('local n = 0\n\nwhile true do\n  n = n + 1\nend', 'user_script'), []);
    expect(execution.run(100).done).toBe(false);
    expect(execution.currentPosition?.()).toBe('user_script:3: ');
  });

  it('names the call a paused script is inside', () => {
    const vm = createLuaVm();
    const source = 'local function spin()\n  for i = 1, 1e9 do end\nend\nspin()';
    const execution = vm.start(vm.load(source, 'user_script'), []);
    expect(execution.run(100).done).toBe(false);
    expect(execution.currentPosition?.()).toBe('user_script:2: ');
  });
});
