import { LuaError, type LuaTable, type LuaValue } from './api.js';

/**
 * Lua 5.1's table: an array part for keys 1..n and an insertion-ordered hash
 * part. Removing a hash key leaves a tombstone so that `next` from a key
 * removed during a traversal still works (Lua allows clearing fields while
 * iterating); tombstones are compacted only when a new key is added (adding
 * keys during a traversal is undefined behaviour in Lua too).
 */
export class LuaTableImpl implements LuaTable {
  readonly kind = 'table' as const;
  metatable: LuaTable | undefined = undefined;
  /** Redis's lua_enablereadonlytable: Lua code may not write to it (host code may). */
  isReadonly = false;
  /** Values of keys 1..array.length; the last one is never nil. */
  private array: LuaValue[] = [];
  private hashIndex = new Map<LuaValue, number>();
  private hashKeys: LuaValue[] = [];
  private hashValues: LuaValue[] = [];
  private tombstones = 0;

  get(key: LuaValue): LuaValue {
    if (typeof key === 'number') {
      const slot = key - 1;
      if (slot >= 0 && slot < this.array.length && Number.isInteger(slot)) return this.array[slot];
    }
    if (this.hashKeys.length === 0) return undefined;
    const index = this.hashIndex.get(key);
    return index === undefined ? undefined : this.hashValues[index];
  }

  set(key: LuaValue, value: LuaValue): void {
    if (typeof key === 'number') {
      if (Number.isNaN(key)) throw new LuaError('table index is NaN');
      if (Number.isInteger(key) && key >= 1 && key <= this.array.length + 1) {
        this.setArraySlot(key - 1, value);
        return;
      }
    } else if (key === undefined) {
      throw new LuaError('table index is nil');
    }
    this.setHash(key, value);
  }

  /** Stores positional constructor items as Lua 5.1 sizes them: holes kept, trailing nils dropped. */
  setConstructorItems(values: readonly LuaValue[]): void {
    let end = values.length;
    while (end > 0 && values[end - 1] === undefined) end -= 1;
    for (let slot = end; slot < values.length; slot += 1) this.set(slot + 1, undefined);
    const array = this.array;
    for (let slot = 0; slot < end; slot += 1) {
      if (slot < array.length) array[slot] = values[slot];
      else array.push(values[slot]);
    }
    this.removeHashKeysOfArray();
  }

  length(): number {
    const size = this.array.length;
    if (size > 0) return size;
    if (this.hashKeys.length === 0 || this.get(1) === undefined) return 0;
    let border = 1;
    while (this.get(border + 1) !== undefined) border += 1;
    return border;
  }

  next(key: LuaValue): [LuaValue, LuaValue] | undefined {
    let start = 0;
    if (key !== undefined) {
      const slot = typeof key === 'number' ? key - 1 : -1;
      if (slot >= 0 && slot < this.array.length && Number.isInteger(slot)) start = slot + 1;
      else return this.nextInHash(this.hashPositionOf(key) + 1);
    }
    for (let slot = start; slot < this.array.length; slot += 1) {
      const value = this.array[slot];
      if (value !== undefined) return [slot + 1, value];
    }
    return this.nextInHash(0);
  }

  /** Number of array-part slots (for `maxn` style scans and tests). */
  arraySize(): number {
    return this.array.length;
  }

  private hashPositionOf(key: LuaValue): number {
    const index = this.hashIndex.get(key);
    if (index === undefined) throw new LuaError("invalid key to 'next'");
    return index;
  }

  private nextInHash(from: number): [LuaValue, LuaValue] | undefined {
    for (let index = from; index < this.hashKeys.length; index += 1) {
      const value = this.hashValues[index];
      if (value !== undefined) return [this.hashKeys[index], value];
    }
    return undefined;
  }

  private setArraySlot(slot: number, value: LuaValue): void {
    const array = this.array;
    if (slot < array.length) {
      array[slot] = value;
      if (value === undefined && slot === array.length - 1) {
        while (array.length > 0 && array[array.length - 1] === undefined) array.pop();
      }
      return;
    }
    if (value === undefined) {
      this.setHash(slot + 1, undefined);
      return;
    }
    array.push(value);
    if (this.hashKeys.length > 0) this.migrateFromHash();
  }

  /** After the array part grew, moves keys n+1, n+2, ... out of the hash part. */
  private migrateFromHash(): void {
    const hashSlot = this.hashIndex.get(this.array.length);
    if (hashSlot !== undefined) this.deleteHashSlot(this.array.length, hashSlot);
    for (;;) {
      const key = this.array.length + 1;
      const index = this.hashIndex.get(key);
      if (index === undefined) return;
      const value = this.hashValues[index];
      this.deleteHashSlot(key, index);
      if (value === undefined) return;
      this.array.push(value);
    }
  }

  private removeHashKeysOfArray(): void {
    if (this.hashKeys.length === 0) return;
    for (let key = 1; key <= this.array.length; key += 1) {
      const index = this.hashIndex.get(key);
      if (index !== undefined) this.deleteHashSlot(key, index);
    }
    this.migrateFromHash();
  }

  private deleteHashSlot(key: LuaValue, index: number): void {
    if (this.hashValues[index] !== undefined) this.tombstones += 1;
    this.hashValues[index] = undefined;
    // The key stays (as a tombstone) so that next() from it keeps working.
    void key;
  }

  private setHash(key: LuaValue, value: LuaValue): void {
    const index = this.hashIndex.get(key);
    if (index !== undefined) {
      const wasLive = this.hashValues[index] !== undefined;
      this.hashValues[index] = value;
      if (wasLive && value === undefined) this.tombstones += 1;
      if (!wasLive && value !== undefined) this.tombstones -= 1;
      return;
    }
    if (value === undefined) return;
    if (this.tombstones > 8 && this.tombstones * 2 > this.hashKeys.length) this.compactHash();
    this.hashIndex.set(key, this.hashKeys.length);
    this.hashKeys.push(key);
    this.hashValues.push(value);
  }

  private compactHash(): void {
    const keys: LuaValue[] = [];
    const values: LuaValue[] = [];
    this.hashIndex.clear();
    for (let index = 0; index < this.hashKeys.length; index += 1) {
      const value = this.hashValues[index];
      if (value === undefined) continue;
      this.hashIndex.set(this.hashKeys[index], keys.length);
      keys.push(this.hashKeys[index]);
      values.push(value);
    }
    this.hashKeys = keys;
    this.hashValues = values;
    this.tombstones = 0;
  }
}

export function createLuaTable(): LuaTableImpl {
  return new LuaTableImpl();
}

export function isLuaTable(value: unknown): value is LuaTableImpl {
  return value instanceof LuaTableImpl;
}
