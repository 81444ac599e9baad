import type { StepCounter } from './set.js';
import { lexGteMin, lexLteMax, lexRangeIsEmpty, scoreGteMin, scoreLteMax, scoreRangeIsEmpty, type LexRange, type ScoreRange } from './zset-range-spec.js';

/**
 * zzlInsertAt stores an integral score (double2ll) as a listpack integer, so
 * -0 comes back as 0; every other double survives the d2string round trip.
 */
function storedScore(score: number): number {
  return score === 0 ? 0 : score;
}

/** One member and its score. Skiplist nodes satisfy this too. */
export interface ZsetEntry {
  readonly member: Buffer;
  readonly score: number;
}

const noSteps: StepCounter = () => {};

function entryPrecedes(entry: ZsetEntry, score: number, member: Buffer): boolean {
  return entry.score < score || (entry.score === score && Buffer.compare(entry.member, member) < 0);
}

/**
 * The `listpack` encoding of a small zset: (member, score) pairs in ascending
 * (score, member) order in one flat array. Like the zzl* functions of
 * t_zset.c, lookups and range starts are linear scans and inserts move the
 * tail, and `step` is told how many entries each scan touched.
 */
export class ListpackZset {
  private items: ZsetEntry[] = [];

  get length(): number {
    return this.items.length;
  }

  at(index: number): ZsetEntry | undefined {
    return this.items[index];
  }

  /** zzlFind: the index of `member`, or -1. */
  indexOf(member: Buffer, step: StepCounter = noSteps): number {
    for (let index = 0; index < this.items.length; index++) {
      if ((this.items[index] as ZsetEntry).member.equals(member)) {
        step(index + 1);
        return index;
      }
    }
    step(this.items.length);
    return -1;
  }

  /** zzlInsert: before the first entry that sorts after (score, member). */
  insert(member: Buffer, score: number, step: StepCounter = noSteps): void {
    let index = 0;
    while (index < this.items.length && entryPrecedes(this.items[index] as ZsetEntry, score, member)) index++;
    step(index + 1);
    this.items.splice(index, 0, { member, score: storedScore(score) });
  }

  /** Appends an entry known to sort after every other (building from an ordered source). */
  append(member: Buffer, score: number): void {
    this.items.push({ member, score: storedScore(score) });
  }

  removeAt(index: number): ZsetEntry {
    const [removed] = this.items.splice(index, 1);
    return removed as ZsetEntry;
  }

  /** Removes `count` entries from `start` (lpDeleteRange). */
  removeRange(start: number, count: number, step: StepCounter = noSteps): number {
    const removed = this.items.splice(start, count).length;
    step(removed);
    return removed;
  }

  /** zzlFirstInRange: index of the first entry in the score range, or -1. */
  firstInRange(range: ScoreRange, step: StepCounter = noSteps): number {
    if (!this.hasScoresIn(range)) return -1;
    return this.scanForward((entry) => scoreGteMin(entry.score, range), (entry) => scoreLteMax(entry.score, range), step);
  }

  /** zzlLastInRange */
  lastInRange(range: ScoreRange, step: StepCounter = noSteps): number {
    if (!this.hasScoresIn(range)) return -1;
    return this.scanBackward((entry) => scoreLteMax(entry.score, range), (entry) => scoreGteMin(entry.score, range), step);
  }

  /** zzlFirstInLexRange */
  firstInLexRange(range: LexRange, step: StepCounter = noSteps): number {
    if (!this.hasMembersIn(range)) return -1;
    return this.scanForward((entry) => lexGteMin(entry.member, range), (entry) => lexLteMax(entry.member, range), step);
  }

  /** zzlLastInLexRange */
  lastInLexRange(range: LexRange, step: StepCounter = noSteps): number {
    if (!this.hasMembersIn(range)) return -1;
    return this.scanBackward((entry) => lexLteMax(entry.member, range), (entry) => lexGteMin(entry.member, range), step);
  }

  /** Entries in order, for iteration from outside. */
  [Symbol.iterator](): IterableIterator<ZsetEntry> {
    return this.items[Symbol.iterator]();
  }

  clone(): ListpackZset {
    const copy = new ListpackZset();
    copy.items = this.items.slice();
    return copy;
  }

  private hasScoresIn(range: ScoreRange): boolean {
    if (scoreRangeIsEmpty(range)) return false;
    const first = this.items[0];
    const last = this.items[this.items.length - 1];
    return last !== undefined && scoreGteMin(last.score, range) && first !== undefined && scoreLteMax(first.score, range);
  }

  private hasMembersIn(range: LexRange): boolean {
    if (lexRangeIsEmpty(range)) return false;
    const first = this.items[0];
    const last = this.items[this.items.length - 1];
    return last !== undefined && lexGteMin(last.member, range) && first !== undefined && lexLteMax(first.member, range);
  }

  /** The first entry passing `reached`, if it also passes `within`; else -1. */
  private scanForward(reached: (entry: ZsetEntry) => boolean, within: (entry: ZsetEntry) => boolean, step: StepCounter): number {
    for (let index = 0; index < this.items.length; index++) {
      const entry = this.items[index] as ZsetEntry;
      if (!reached(entry)) continue;
      step(index + 1);
      return within(entry) ? index : -1;
    }
    step(this.items.length);
    return -1;
  }

  private scanBackward(reached: (entry: ZsetEntry) => boolean, within: (entry: ZsetEntry) => boolean, step: StepCounter): number {
    for (let index = this.items.length - 1; index >= 0; index--) {
      const entry = this.items[index] as ZsetEntry;
      if (!reached(entry)) continue;
      step(this.items.length - index);
      return within(entry) ? index : -1;
    }
    step(this.items.length);
    return -1;
  }
}
