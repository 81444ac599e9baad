import { valueKey } from '../../history/op-value.js';
import type { OpValue } from '../../history/op.js';

/** Gives each distinct value (by canonical key) a small integer, so states compare as numbers. */
export class ValueInterner {
  private readonly ids = new Map<string, number>();
  private readonly values: OpValue[] = [];

  idOf(value: OpValue): number {
    const key = valueKey(value);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.values.length;
    this.ids.set(key, id);
    this.values.push(value);
    return id;
  }

  valueOf(id: number): OpValue {
    return this.values[id] ?? null;
  }
}
