import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LuaError, LuaHostFunction, type LuaValue } from '../../../../src/store/scripting/lua/api.js';
import { createLuaTable } from '../../../../src/store/scripting/lua/lua-table.js';

function entries(table: ReturnType<typeof createLuaTable>): [LuaValue, LuaValue][] {
  const found: [LuaValue, LuaValue][] = [];
  for (let entry = table.next(undefined); entry !== undefined; entry = table.next(entry[0])) found.push(entry);
  return found;
}

describe('LuaTable', () => {
  it('treats numbers by value: 1 and 1.0 are one key, 1 and "1" are two', () => {
    const table = createLuaTable();
    table.set(1, 'a');
    table.set(1.0, 'b');
    table.set('1', 'c');
    table.set(2.5, 'd');
    expect(table.get(1)).toBe('b');
    expect(table.get('1')).toBe('c');
    expect(table.get(2.5)).toBe('d');
    expect(entries(table)).toEqual([[1, 'b'], ['1', 'c'], [2.5, 'd']]);
  });

  it('rejects nil and NaN keys with Lua errors', () => {
    const table = createLuaTable();
    expect(() => table.set(undefined, 1)).toThrow(LuaError);
    expect(() => table.set(Number.NaN, 1)).toThrow(LuaError);
    expect(table.get(undefined)).toBeUndefined();
  });

  it('removes keys assigned nil, and keys by identity for tables and functions', () => {
    const table = createLuaTable();
    const key = createLuaTable();
    const fn = new LuaHostFunction('f', () => []);
    table.set(key, 1);
    table.set(fn, 2);
    table.set(createLuaTable(), 3);
    table.set(key, undefined);
    expect(table.get(key)).toBeUndefined();
    expect(table.get(fn)).toBe(2);
    expect(entries(table).length).toBe(2);
  });

  it('iterates the array part in order, then the hash part in insertion order', () => {
    const table = createLuaTable();
    table.set('z', 1);
    table.set(2, 'two');
    table.set(1, 'one');
    table.set('a', 2);
    table.set(3, 'three');
    expect(entries(table)).toEqual([[1, 'one'], [2, 'two'], [3, 'three'], ['z', 1], ['a', 2]]);
  });

  it('keeps next working from keys cleared during a traversal', () => {
    const table = createLuaTable();
    for (let index = 0; index < 50; index += 1) table.set(`k${index}`, index);
    const seen: LuaValue[] = [];
    for (let entry = table.next(undefined); entry !== undefined; entry = table.next(entry[0])) {
      seen.push(entry[0]);
      table.set(entry[0], undefined);
    }
    expect(seen.length).toBe(50);
    expect(table.next(undefined)).toBeUndefined();
    expect(() => table.next('never-there')).toThrow("invalid key to 'next'");
  });

  it('has a border as its length', () => {
    const table = createLuaTable();
    expect(table.length()).toBe(0);
    for (let index = 1; index <= 10; index += 1) table.set(index, index);
    expect(table.length()).toBe(10);
    table.set(10, undefined);
    expect(table.length()).toBe(9);
    table.set(20, 1);
    expect(table.length()).toBe(9);
    table.set(10, 1);
    expect(table.length()).toBe(10);
    const sparse = createLuaTable();
    sparse.set(2, 'x');
    expect(sparse.length()).toBe(0);
    sparse.set(1, 'y');
    expect(sparse.length()).toBe(2);
  });

  it('agrees with a model map for any sequence of writes (property)', () => {
    const keyArbitrary = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constantFrom('a', 'b', 'c', '1'), fc.constantFrom(0.5, 1e100));
    const valueArbitrary = fc.option(fc.integer(), { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArbitrary, valueArbitrary), { maxLength: 200 }), (writes) => {
        const table = createLuaTable();
        const model = new Map<LuaValue, LuaValue>();
        for (const [key, value] of writes) {
          table.set(key, value);
          if (value === undefined) model.delete(key);
          else model.set(key, value);
        }
        for (const [key, value] of model) expect(table.get(key)).toBe(value);
        const listed = entries(table);
        expect(listed.length).toBe(model.size);
        expect(new Map(listed)).toEqual(model);
        const border = table.length();
        if (border > 0) expect(table.get(border)).not.toBeUndefined();
        expect(table.get(border + 1)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
