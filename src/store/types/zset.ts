import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';
import type { EncodingConfig } from '../keyspace/encoding-config.js';
import { binaryKey, type ZsetEncoding, type ZsetObject } from '../keyspace/object.js';
import type { StepCounter } from './set.js';
import { copyElement } from './element-copy.js';
import { BucketTable } from './set-hashtable.js';
import { ListpackZset, type ZsetEntry } from './zset-listpack.js';
import { lexGteMin, lexLteMax, scoreGteMin, scoreLteMax, type LexRange, type ScoreRange } from './zset-range-spec.js';
import { d2string, formatG17 } from './zset-score-format.js';
import { Skiplist, type SkiplistNode } from './zset-skiplist.js';

export type { ZsetEntry } from './zset-listpack.js';

/** ZADD's input flags (ZADD_IN_*). */
export interface ZaddFlags {
  readonly nx?: boolean;
  readonly xx?: boolean;
  readonly gt?: boolean;
  readonly lt?: boolean;
  readonly incr?: boolean;
}

/** What zsetAdd did: `nan` is the error case; `unchanged` re-added the same score. */
export type ZaddOutcome =
  | { readonly kind: 'nan' }
  | { readonly kind: 'nop' }
  | { readonly kind: 'added' | 'updated' | 'unchanged'; readonly score: number };

/** Where a walk starts: a 0-based rank from its end, or the first (last when reversed) entry of a range. */
export type ZsetStart =
  | { readonly by: 'rank'; readonly rank: number }
  | { readonly by: 'score'; readonly range: ScoreRange }
  | { readonly by: 'lex'; readonly range: LexRange };

/** A range to delete: inclusive 0-based ranks already clamped, or a score or lex range. */
export type ZsetDeletion =
  | { readonly by: 'rank'; readonly start: number; readonly end: number }
  | { readonly by: 'score'; readonly range: ScoreRange }
  | { readonly by: 'lex'; readonly range: LexRange };

const noSteps: StepCounter = () => {};

interface SkiplistEncoding {
  readonly list: Skiplist;
  readonly dict: BucketTable<SkiplistNode>;
}

/**
 * A Redis 7.0 sorted set: `listpack` (a flat ordered array) while small,
 * `skiplist` (skiplist + member dict) once an insert would exceed
 * zset-max-listpack-entries or a member is longer than zset-max-listpack-value.
 * It converts back only where Redis does (results of *STORE commands).
 */
export class ZsetValue implements ZsetObject {
  readonly type = 'zset';
  private listpack: ListpackZset | undefined;
  private sorted: SkiplistEncoding | undefined;

  /** `rng` draws skiplist levels (the node's random stream). */
  constructor(
    private readonly rng: Prng,
    encoding: ZsetEncoding = 'listpack',
  ) {
    if (encoding === 'listpack') this.listpack = new ListpackZset();
    else this.sorted = { list: new Skiplist(rng), dict: new BucketTable() };
  }

  encoding(): ZsetEncoding {
    return this.listpack !== undefined ? 'listpack' : 'skiplist';
  }

  size(): number {
    return this.listpack !== undefined ? this.listpack.length : (this.sorted as SkiplistEncoding).list.length;
  }

  /** (member, score) ascending. */
  *entries(): IterableIterator<readonly [Buffer, number]> {
    for (const entry of this.walk({ by: 'rank', rank: 0 }, false)) yield [entry.member, entry.score];
  }

  /** zsetScore */
  score(member: Buffer, step: StepCounter = noSteps): number | undefined {
    if (this.listpack !== undefined) {
      const index = this.listpack.indexOf(member, step);
      return index < 0 ? undefined : (this.listpack.at(index) as ZsetEntry).score;
    }
    step(1);
    return (this.sorted as SkiplistEncoding).dict.get(binaryKey(member))?.score;
  }

  /** zsetAdd with Redis 7.0's rules for NX/XX/GT/LT/INCR and listpack conversion. */
  add(member: Buffer, score: number, flags: ZaddFlags, config: EncodingConfig, step: StepCounter = noSteps): ZaddOutcome {
    if (Number.isNaN(score)) return { kind: 'nan' };
    const current = this.score(member, step);
    if (current === undefined) {
      if (flags.xx === true) return { kind: 'nop' };
      this.insertNew(member, score, config, step);
      return { kind: 'added', score };
    }
    if (flags.nx === true) return { kind: 'nop' };
    const target = flags.incr === true ? score + current : score;
    if (Number.isNaN(target)) return { kind: 'nan' };
    if ((flags.lt === true && target >= current) || (flags.gt === true && target <= current)) return { kind: 'nop' };
    if (target === current) return { kind: 'unchanged', score: target };
    this.changeScore(member, current, target, step);
    return { kind: 'updated', score: target };
  }

  /** Inserts a member known to be absent, converting to skiplist first when it would not fit. */
  insertNew(member: Buffer, score: number, config: EncodingConfig, step: StepCounter = noSteps): void {
    const copy = copyElement(member);
    if (this.listpack !== undefined) {
      const fits = this.listpack.length + 1 <= config.zsetMaxListpackEntries && member.length <= config.zsetMaxListpackValue;
      if (fits) {
        this.listpack.insert(copy, score, step);
        return;
      }
      this.convertToSkiplist(step);
    }
    const sorted = this.sorted as SkiplistEncoding;
    const node = sorted.list.insert(score, copy, step);
    sorted.dict.set(binaryKey(copy), node);
  }

  private changeScore(member: Buffer, current: number, target: number, step: StepCounter): void {
    if (this.listpack !== undefined) {
      const index = this.listpack.indexOf(member, step);
      const removed = this.listpack.removeAt(index);
      this.listpack.insert(removed.member, target, step);
      return;
    }
    const sorted = this.sorted as SkiplistEncoding;
    const node = sorted.list.updateScore(current, member, target, step);
    sorted.dict.set(binaryKey(member), node);
  }

  /** zsetDel */
  delete(member: Buffer, step: StepCounter = noSteps): boolean {
    if (this.listpack !== undefined) {
      const index = this.listpack.indexOf(member, step);
      if (index < 0) return false;
      this.listpack.removeAt(index);
      return true;
    }
    const sorted = this.sorted as SkiplistEncoding;
    const key = binaryKey(member);
    const node = sorted.dict.get(key);
    step(1);
    if (node === undefined) return false;
    sorted.dict.delete(key);
    assert(sorted.list.delete(node.score, node.member, step) !== undefined, 'a dict member is in the skiplist');
    return true;
  }

  /** zsetRank: 0-based, from the low end or (reverse) the high end; undefined when absent. */
  rank(member: Buffer, reverse: boolean, step: StepCounter = noSteps): number | undefined {
    const length = this.size();
    let rankFromOne: number;
    if (this.listpack !== undefined) {
      const index = this.listpack.indexOf(member, step);
      if (index < 0) return undefined;
      rankFromOne = index + 1;
    } else {
      const sorted = this.sorted as SkiplistEncoding;
      const node = sorted.dict.get(binaryKey(member));
      step(1);
      if (node === undefined) return undefined;
      rankFromOne = sorted.list.rankOf(node.score, node.member, step);
      assert(rankFromOne !== 0, 'an existing member has a rank');
    }
    return reverse ? length - rankFromOne : rankFromOne - 1;
  }

  /**
   * Entries from `start` in ascending order, or descending when `reverse`
   * (ranks then count from the high end). Each entry yielded is one step.
   */
  *walk(start: ZsetStart, reverse: boolean, step: StepCounter = noSteps): Generator<ZsetEntry, void, undefined> {
    if (this.listpack !== undefined) {
      const listpack = this.listpack;
      for (let index = this.listpackStart(start, reverse, step); index >= 0 && index < listpack.length; index += reverse ? -1 : 1) {
        step(1);
        yield listpack.at(index) as ZsetEntry;
      }
      return;
    }
    for (let node = this.skiplistStart(start, reverse, step); node !== undefined; node = reverse ? node.backward : node.forward[0]) {
      step(1);
      yield node;
    }
  }

  private listpackStart(start: ZsetStart, reverse: boolean, step: StepCounter): number {
    const listpack = this.listpack as ListpackZset;
    switch (start.by) {
      case 'rank':
        return reverse ? listpack.length - 1 - start.rank : start.rank;
      case 'score':
        return reverse ? listpack.lastInRange(start.range, step) : listpack.firstInRange(start.range, step);
      case 'lex':
        return reverse ? listpack.lastInLexRange(start.range, step) : listpack.firstInLexRange(start.range, step);
    }
  }

  private skiplistStart(start: ZsetStart, reverse: boolean, step: StepCounter): SkiplistNode | undefined {
    const list = (this.sorted as SkiplistEncoding).list;
    switch (start.by) {
      case 'rank':
        if (start.rank === 0) return reverse ? list.tail : list.first();
        return list.nodeAtRank(reverse ? list.length - start.rank : start.rank + 1, step);
      case 'score':
        return reverse ? list.lastInRange(start.range, step) : list.firstInRange(start.range, step);
      case 'lex':
        return reverse ? list.lastInLexRange(start.range, step) : list.firstInLexRange(start.range, step);
    }
  }

  /**
   * ZCOUNT / ZLEXCOUNT: a listpack counts by walking from the first entry in
   * range; a skiplist subtracts the ranks of the first and last entries.
   */
  countInRange(start: ZsetStart & { readonly by: 'score' | 'lex' }, step: StepCounter = noSteps): number {
    if (this.listpack !== undefined) {
      let count = 0;
      for (const entry of this.walk(start, false, step)) {
        if (!(start.by === 'score' ? scoreLteMax(entry.score, start.range) : lexLteMax(entry.member, start.range))) break;
        count++;
      }
      return count;
    }
    const list = (this.sorted as SkiplistEncoding).list;
    const first = start.by === 'score' ? list.firstInRange(start.range, step) : list.firstInLexRange(start.range, step);
    if (first === undefined) return 0;
    let count = list.length - (list.rankOf(first.score, first.member, step) - 1);
    const last = start.by === 'score' ? list.lastInRange(start.range, step) : list.lastInLexRange(start.range, step);
    if (last !== undefined) count -= list.length - list.rankOf(last.score, last.member, step);
    return count;
  }

  /** The lowest (or, with `fromMax`, highest) entry; the zset must not be empty. */
  edge(fromMax: boolean): ZsetEntry {
    const found = this.walk({ by: 'rank', rank: 0 }, fromMax).next();
    assert(found.done !== true, 'edge needs a non-empty zset');
    return found.value;
  }

  /** ZREMRANGEBY*: removes the range and returns how many entries went. */
  deleteRange(deletion: ZsetDeletion, step: StepCounter = noSteps): number {
    if (this.listpack !== undefined) return deleteListpackRange(this.listpack, deletion, step);
    const sorted = this.sorted as SkiplistEncoding;
    const forget = (node: SkiplistNode): void => {
      sorted.dict.delete(binaryKey(node.member));
    };
    switch (deletion.by) {
      case 'rank':
        return sorted.list.deleteRankRange(deletion.start + 1, deletion.end + 1, forget, step);
      case 'score': {
        const range = deletion.range;
        return sorted.list.deleteWhile((node) => !scoreGteMin(node.score, range), (node) => scoreLteMax(node.score, range), forget, step);
      }
      case 'lex': {
        const range = deletion.range;
        return sorted.list.deleteWhile((node) => !lexGteMin(node.member, range), (node) => lexLteMax(node.member, range), forget, step);
      }
    }
  }

  /** zsetTypeRandomElement: a random slot of the listpack, or a random dict entry. */
  randomEntry(rng: Prng, step: StepCounter = noSteps): ZsetEntry {
    assert(this.size() > 0, 'randomEntry needs a non-empty zset');
    if (this.listpack !== undefined) {
      step(1);
      return this.listpack.at(rng.int(this.listpack.length)) as ZsetEntry;
    }
    const dict = (this.sorted as SkiplistEncoding).dict;
    return dict.get(dict.randomKey(rng, step)) as SkiplistNode;
  }

  /**
   * One ZSCAN step: a listpack returns every (member, score text) with cursor
   * 0; a skiplist visits one bucket of its dict. Score text as Redis makes it
   * (d2string for listpack, %.17g for skiplist).
   */
  scanStep(cursor: number, visit: (member: Buffer, scoreText: string) => void): number {
    if (this.listpack !== undefined) {
      for (const entry of this.listpack) visit(entry.member, d2string(entry.score));
      return 0;
    }
    return (this.sorted as SkiplistEncoding).dict.scanStep(cursor, (_key, node) => visit(node.member, formatG17(node.score)));
  }

  /** zsetConvert to skiplist. */
  convertToSkiplist(step: StepCounter = noSteps): void {
    const listpack = this.listpack;
    if (listpack === undefined) return;
    const sorted: SkiplistEncoding = { list: new Skiplist(this.rng), dict: new BucketTable() };
    for (const entry of listpack) sorted.dict.set(binaryKey(entry.member), sorted.list.insert(entry.score, entry.member, step));
    this.sorted = sorted;
    this.listpack = undefined;
  }

  /** zsetConvertToListpackIfNeeded: used on *STORE results and RDB loads, never on live keys. */
  convertToListpackIfFits(config: EncodingConfig, step: StepCounter = noSteps): void {
    const sorted = this.sorted;
    if (sorted === undefined) return;
    if (sorted.list.length > config.zsetMaxListpackEntries) return;
    for (let node = sorted.list.first(); node !== undefined; node = node.forward[0]) {
      if (node.member.length > config.zsetMaxListpackValue) return;
    }
    const listpack = new ListpackZset();
    for (let node = sorted.list.first(); node !== undefined; node = node.forward[0]) listpack.append(node.member, node.score);
    step(sorted.list.length);
    this.listpack = listpack;
    this.sorted = undefined;
  }

  /** zsetDup: same encoding; a skiplist is rebuilt from the tail as Redis does (new levels). */
  clone(): ZsetValue {
    const copy = new ZsetValue(this.rng, this.encoding());
    if (this.listpack !== undefined) {
      copy.listpack = this.listpack.clone();
      return copy;
    }
    const target = copy.sorted as SkiplistEncoding;
    for (let node = (this.sorted as SkiplistEncoding).list.tail; node !== undefined; node = node.backward) {
      target.dict.set(binaryKey(node.member), target.list.insert(node.score, node.member));
    }
    return copy;
  }
}

/** zzlDeleteRangeBy*: from the first entry in range while entries stay within the maximum. */
function deleteListpackRange(listpack: ListpackZset, deletion: ZsetDeletion, step: StepCounter): number {
  if (deletion.by === 'rank') return listpack.removeRange(deletion.start, deletion.end - deletion.start + 1, step);
  const first = deletion.by === 'score' ? listpack.firstInRange(deletion.range, step) : listpack.firstInLexRange(deletion.range, step);
  if (first < 0) return 0;
  let end = first;
  for (let entry = listpack.at(end); entry !== undefined; entry = listpack.at(end)) {
    const within = deletion.by === 'score' ? scoreLteMax(entry.score, deletion.range) : lexLteMax(entry.member, deletion.range);
    if (!within) break;
    end++;
  }
  return listpack.removeRange(first, end - first, step);
}

/**
 * A zset as an RDB load or RESTORE builds it: ascending entries, listpack when
 * it fits the thresholds (count and member length), skiplist otherwise.
 */
export function createZsetFromEntries(entries: Iterable<readonly [Buffer, number]>, config: EncodingConfig, rng: Prng): ZsetValue {
  const zset = new ZsetValue(rng, 'skiplist');
  for (const [member, score] of entries) {
    assert(zset.score(member) === undefined, 'createZsetFromEntries needs distinct members');
    zset.insertNew(member, score, config);
  }
  zset.convertToListpackIfFits(config);
  return zset;
}

/** Every zset in the keyspace is a ZsetValue (persistence and COPY build them with this module). */
export function asZsetValue(zset: ZsetObject): ZsetValue {
  assert(zset instanceof ZsetValue, 'a zset object is a ZsetValue');
  return zset;
}
