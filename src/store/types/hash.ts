import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';
import type { EncodingConfig } from '../keyspace/encoding-config.js';
import { binaryKey, type HashEncoding, type HashObject } from '../keyspace/object.js';
import { copyElement } from './element-copy.js';
import { BucketTable } from './set-hashtable.js';

/** Counts abstract work (fields touched, buckets probed) for complexity reports. */
export type StepCounter = (count: number) => void;

const noSteps: StepCounter = () => {};

/** One field of a hash with its value. */
export interface HashEntry {
  readonly field: Buffer;
  readonly value: Buffer;
}

/**
 * A Redis 7.0 hash. `listpack` keeps fields in insertion order (an update
 * keeps the field's place, as lpReplace does; a delete closes the gap), and
 * is scanned linearly as a listpack is. It converts to `hashtable` for good
 * once it holds more than hash-max-listpack-entries fields or a field or
 * value longer than hash-max-listpack-value bytes (t_hash.c). The
 * hashtable's order is its bucket order (deterministic, unlike Redis's
 * seeded one; clients must treat it as unordered, as with Redis).
 */
export class HashValue implements HashObject {
  readonly type = 'hash';
  private listpack: Map<string, HashEntry> | undefined = new Map();
  private table: BucketTable<HashEntry> | undefined;

  encoding(): HashEncoding {
    return this.listpack !== undefined ? 'listpack' : 'hashtable';
  }

  size(): number {
    return this.listpack !== undefined ? this.listpack.size : (this.table as BucketTable<HashEntry>).size;
  }

  /** Field/value pairs in HGETALL order. */
  *entries(): IterableIterator<readonly [Buffer, Buffer]> {
    for (const entry of this.entryList()) yield [entry.field, entry.value];
  }

  /** The entries in HGETALL order. */
  entryList(): HashEntry[] {
    if (this.listpack !== undefined) return Array.from(this.listpack.values());
    return Array.from((this.table as BucketTable<HashEntry>).entries(), ([, entry]) => entry);
  }

  /** hashTypeGetValue; a listpack lookup counts as a walk over its fields (lpFind). */
  get(field: Buffer, step: StepCounter = noSteps): Buffer | undefined {
    const key = binaryKey(field);
    if (this.listpack !== undefined) {
      const entry = this.listpack.get(key);
      step(this.listpack.size);
      return entry?.value;
    }
    step(1);
    return (this.table as BucketTable<HashEntry>).get(key)?.value;
  }

  has(field: Buffer, step: StepCounter = noSteps): boolean {
    return this.get(field, step) !== undefined;
  }

  /**
   * hashTypeTryConversion: a listpack becomes a hashtable before a write
   * whose arguments hold a string longer than hash-max-listpack-value.
   */
  convertIfAnyTooLong(items: readonly Buffer[], config: EncodingConfig, step: StepCounter = noSteps, start = 0): void {
    if (this.listpack === undefined) return;
    const lengthMax = config.hashMaxListpackValue;
    for (let index = start; index < items.length; index++) {
      if ((items[index] as Buffer).length <= lengthMax) continue;
      this.convertToHashtable(step);
      return;
    }
  }

  /** hashTypeSet: adds or overwrites; true if the field is new. Takes ownership of both buffers. */
  set(field: Buffer, value: Buffer, config: EncodingConfig, step: StepCounter = noSteps): boolean {
    return this.setKeyed(binaryKey(field), field, value, config, step);
  }

  /**
   * hashTypeSet with arguments the hash does not own: the value is copied,
   * the field only when it is new (an update keeps the stored field).
   */
  setCopying(field: Buffer, value: Buffer, config: EncodingConfig, step: StepCounter = noSteps): boolean {
    const key = binaryKey(field);
    const stored = this.listpack !== undefined ? this.listpack.get(key) : (this.table as BucketTable<HashEntry>).get(key);
    return this.setKeyed(key, stored === undefined ? copyElement(field) : stored.field, copyElement(value), config, step);
  }

  private setKeyed(key: string, field: Buffer, value: Buffer, config: EncodingConfig, step: StepCounter): boolean {
    if (this.listpack !== undefined && (field.length > config.hashMaxListpackValue || value.length > config.hashMaxListpackValue)) {
      this.convertToHashtable(step);
    }
    if (this.listpack === undefined) {
      step(1);
      return (this.table as BucketTable<HashEntry>).set(key, { field, value });
    }
    const existing = this.listpack.get(key);
    step(this.listpack.size);
    this.listpack.set(key, existing === undefined ? { field, value } : { field: existing.field, value });
    if (this.listpack.size > config.hashMaxListpackEntries) this.convertToHashtable(step);
    return existing === undefined;
  }

  /** hashTypeDelete: true if the field was there. */
  delete(field: Buffer, step: StepCounter = noSteps): boolean {
    const key = binaryKey(field);
    if (this.listpack !== undefined) {
      step(this.listpack.size);
      return this.listpack.delete(key);
    }
    step(1);
    return (this.table as BucketTable<HashEntry>).delete(key);
  }

  /** hashTypeRandomElement: a uniform listpack pick, or a random bucket entry. */
  randomEntry(rng: Prng, step: StepCounter = noSteps): HashEntry {
    assert(this.size() > 0, 'randomEntry needs a non-empty hash');
    if (this.listpack !== undefined) {
      const entries = this.entryList();
      step(entries.length);
      return entries[rng.int(entries.length)] as HashEntry;
    }
    const table = this.table as BucketTable<HashEntry>;
    return table.get(table.randomKey(rng, step)) as HashEntry;
  }

  /**
   * One HSCAN step from `cursor`: a listpack returns everything with cursor
   * 0 (Redis does the same for compact encodings); a hashtable visits one
   * bucket with Redis's reverse-binary cursor.
   */
  scanStep(cursor: number, visit: (entry: HashEntry) => void): number {
    if (this.listpack !== undefined) {
      for (const entry of this.listpack.values()) visit(entry);
      return 0;
    }
    return (this.table as BucketTable<HashEntry>).scanStep(cursor, (_key, entry) => visit(entry));
  }

  /** hashTypeDup: same encoding and order, values copied. */
  clone(): HashValue {
    const copy = new HashValue();
    const copyEntry = (entry: HashEntry): HashEntry => ({ field: Buffer.from(entry.field), value: Buffer.from(entry.value) });
    if (this.listpack !== undefined) {
      copy.listpack = new Map(Array.from(this.listpack, ([key, entry]) => [key, copyEntry(entry)]));
    } else {
      copy.listpack = undefined;
      copy.table = (this.table as BucketTable<HashEntry>).clone(copyEntry);
    }
    return copy;
  }

  /** hashTypeConvert(OBJ_ENCODING_HT): listpack order becomes bucket order; never undone. */
  convertToHashtable(step: StepCounter = noSteps): void {
    const listpack = this.listpack;
    if (listpack === undefined) return;
    const table = new BucketTable<HashEntry>();
    for (const [key, entry] of listpack) table.set(key, entry);
    step(listpack.size);
    this.table = table;
    this.listpack = undefined;
  }
}

/**
 * A hash built field by field as HSET builds it (RDB loading, RESTORE,
 * tests): listpack unless the thresholds say otherwise.
 */
export function createHashFromEntries(entries: Iterable<readonly [Buffer, Buffer]>, config: EncodingConfig): HashValue {
  const hash = new HashValue();
  for (const [field, value] of entries) hash.set(Buffer.from(field), Buffer.from(value), config);
  return hash;
}

/** Every hash in the keyspace is a HashValue. */
export function asHashValue(hash: HashObject): HashValue {
  assert(hash instanceof HashValue, 'every hash object is a HashValue');
  return hash;
}
