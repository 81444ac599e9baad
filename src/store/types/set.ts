import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';
import type { EncodingConfig } from '../keyspace/encoding-config.js';
import { binaryKey, type SetEncoding, type SetObject } from '../keyspace/object.js';
import { copyElement } from './element-copy.js';
import { Intset } from './intset.js';
import { BucketTable } from './set-hashtable.js';
import { ll2string, string2ll } from './number-parsing.js';

/** Counts abstract work (elements touched, probes) for complexity reports. */
export type StepCounter = (count: number) => void;

const noSteps: StepCounter = () => {};

/** Redis caps the intset at 1G entries whatever set-max-intset-entries says. */
const INTSET_ENTRIES_CAP = 1 << 30;

/**
 * A Redis 7.0 set: `intset` while every member is a canonical int64 and the
 * count stays within set-max-intset-entries, `hashtable` otherwise (and never
 * back, as in Redis). A new set starts as an intset (createIntsetObject) and
 * converts on the first member that does not fit.
 */
export class SetValue implements SetObject {
  readonly type = 'set';
  private intset: Intset | undefined = new Intset();
  private table: BucketTable<Buffer> | undefined;

  encoding(): SetEncoding {
    return this.intset !== undefined ? 'intset' : 'hashtable';
  }

  size(): number {
    return this.intset !== undefined ? this.intset.length : (this.table as BucketTable<Buffer>).size;
  }

  /** Members in SMEMBERS order: ascending for an intset, bucket order for a hashtable. */
  *members(): IterableIterator<Buffer> {
    if (this.intset !== undefined) {
      for (const value of this.intset) yield ll2string(value);
      return;
    }
    for (const [, member] of (this.table as BucketTable<Buffer>).entries()) yield member;
  }

  /** setTypeAdd: true if the member is new. */
  add(member: Buffer, config: EncodingConfig, step: StepCounter = noSteps): boolean {
    if (this.intset !== undefined) {
      const value = string2ll(member);
      if (value === undefined) {
        this.convertToHashtable(step);
        return this.addToTable(member, step);
      }
      if (!this.intset.add(value, step)) return false;
      if (this.intset.length > Math.min(config.setMaxIntsetEntries, INTSET_ENTRIES_CAP)) this.convertToHashtable(step);
      return true;
    }
    return this.addToTable(member, step);
  }

  /** setTypeRemove: true if the member was there. */
  remove(member: Buffer, step: StepCounter = noSteps): boolean {
    if (this.intset !== undefined) {
      const value = string2ll(member);
      step(1);
      return value !== undefined && this.intset.remove(value, step);
    }
    step(1);
    return (this.table as BucketTable<Buffer>).delete(binaryKey(member));
  }

  /** setTypeIsMember */
  has(member: Buffer, step: StepCounter = noSteps): boolean {
    if (this.intset !== undefined) {
      const value = string2ll(member);
      step(1);
      return value !== undefined && this.intset.has(value, step);
    }
    step(1);
    return (this.table as BucketTable<Buffer>).has(binaryKey(member));
  }

  /** setTypeRandomElement: a uniformly chosen intset slot, or a random bucket entry. */
  randomMember(rng: Prng, step: StepCounter = noSteps): Buffer {
    assert(this.size() > 0, 'randomMember needs a non-empty set');
    if (this.intset !== undefined) {
      step(1);
      return ll2string(this.intset.at(rng.int(this.intset.length)));
    }
    const table = this.table as BucketTable<Buffer>;
    return table.get(table.randomKey(rng, step)) as Buffer;
  }

  /**
   * One SSCAN step from `cursor`: an intset returns everything with cursor 0
   * (as Redis does for compact encodings); a hashtable visits one bucket.
   */
  scanStep(cursor: number, visit: (member: Buffer) => void): number {
    if (this.intset !== undefined) {
      for (const value of this.intset) visit(ll2string(value));
      return 0;
    }
    return (this.table as BucketTable<Buffer>).scanStep(cursor, (_key, member) => visit(member));
  }

  /** The intset's integer width (for the RDB writer); undefined for a hashtable. */
  intsetWidthBytes(): 2 | 4 | 8 | undefined {
    return this.intset?.widthBytes();
  }

  /** setTypeDup: same encoding and order. */
  clone(): SetValue {
    const copy = new SetValue();
    copy.intset = this.intset?.clone();
    copy.table = this.table?.clone((member) => member);
    return copy;
  }

  private addToTable(member: Buffer, step: StepCounter): boolean {
    step(1);
    const table = this.table as BucketTable<Buffer>;
    const key = binaryKey(member);
    // dictAdd leaves an existing member alone: no copy for it.
    if (table.has(key)) return false;
    return table.set(key, copyElement(member));
  }

  private convertToHashtable(step: StepCounter): void {
    const intset = this.intset as Intset;
    const table = new BucketTable<Buffer>();
    for (const value of intset) {
      const member = ll2string(value);
      table.set(binaryKey(member), member);
    }
    step(intset.length);
    this.table = table;
    this.intset = undefined;
  }
}

/** A set built as SUNIONSTORE builds its result: an empty intset plus setTypeAdd per member. */
export function createSetFromMembers(members: Iterable<Buffer>, config: EncodingConfig): SetValue {
  const set = new SetValue();
  for (const member of members) set.add(member, config);
  return set;
}

/** Every set in the keyspace is a SetValue (persistence and COPY build them with this module). */
export function asSetValue(set: SetObject): SetValue {
  assert(set instanceof SetValue, 'a set object is a SetValue');
  return set;
}
