import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';
import type { StepCounter } from './set.js';
import { lexGteMin, lexLteMax, lexRangeIsEmpty, scoreGteMin, scoreLteMax, scoreRangeIsEmpty, type LexRange, type ScoreRange } from './zset-range-spec.js';

/** ZSKIPLIST_MAXLEVEL */
export const SKIPLIST_LEVEL_MAX = 32;
/** ZSKIPLIST_P = 0.25, as a threshold on 32 random bits. */
const LEVEL_UP_THRESHOLD = 0.25 * 2 ** 32;

export interface SkiplistNode {
  readonly member: Buffer;
  score: number;
  backward: SkiplistNode | undefined;
  /** forward[i]: the next node on level i. */
  readonly forward: (SkiplistNode | undefined)[];
  /** span[i]: how many level-0 steps forward[i] jumps (ranks between them). */
  readonly span: number[];
}

function createNode(levelCount: number, score: number, member: Buffer): SkiplistNode {
  return { member, score, backward: undefined, forward: new Array<SkiplistNode | undefined>(levelCount).fill(undefined), span: new Array<number>(levelCount).fill(0) };
}

/** (score, member) order: score first, then the member bytes as memcmp/sdscmp. */
export function precedes(node: SkiplistNode, score: number, member: Buffer): boolean {
  return node.score < score || (node.score === score && Buffer.compare(node.member, member) < 0);
}

const noSteps: StepCounter = () => {};

/**
 * Redis's zskiplist (t_zset.c): up to 32 levels, p = 0.25, a backward link
 * on level 0, and spans so ranks cost O(log n). Levels come from the node's
 * PRNG. Every method reports the forward links it examined to `step`.
 */
export class Skiplist {
  readonly header: SkiplistNode = createNode(SKIPLIST_LEVEL_MAX, 0, Buffer.alloc(0));
  tail: SkiplistNode | undefined;
  length = 0;
  level = 1;
  /** Per-operation search vectors, reused so an insert allocates only its node. */
  private readonly updateScratch = new Array<SkiplistNode>(SKIPLIST_LEVEL_MAX);
  private readonly rankScratch = new Array<number>(SKIPLIST_LEVEL_MAX).fill(0);

  constructor(private readonly rng: Prng) {}

  first(): SkiplistNode | undefined {
    return this.header.forward[0];
  }

  randomLevel(): number {
    let level = 1;
    while (level < SKIPLIST_LEVEL_MAX && this.rng.uint32() < LEVEL_UP_THRESHOLD) level++;
    return level;
  }

  /** zslInsert: the member must not be in the list already (the caller's dict says so). */
  insert(score: number, member: Buffer, step: StepCounter = noSteps): SkiplistNode {
    assert(!Number.isNaN(score), 'a skiplist score is not NaN');
    const update = this.updateScratch;
    const rank = this.rankScratch;
    let node = this.header;
    let visited = 0;
    for (let level = this.level - 1; level >= 0; level--) {
      rank[level] = level === this.level - 1 ? 0 : (rank[level + 1] as number);
      for (let next = node.forward[level]; next !== undefined && precedes(next, score, member); next = node.forward[level]) {
        visited++;
        rank[level] = (rank[level] as number) + (node.span[level] as number);
        node = next;
      }
      visited++;
      update[level] = node;
    }
    step(visited);
    return this.link(this.randomLevel(), score, member, update, rank);
  }

  private link(levelCount: number, score: number, member: Buffer, update: SkiplistNode[], rank: number[]): SkiplistNode {
    if (levelCount > this.level) {
      for (let level = this.level; level < levelCount; level++) {
        rank[level] = 0;
        update[level] = this.header;
        this.header.span[level] = this.length;
      }
      this.level = levelCount;
    }
    const created = createNode(levelCount, score, member);
    const rankAtZero = rank[0] as number;
    for (let level = 0; level < levelCount; level++) {
      const before = update[level] as SkiplistNode;
      const crossed = rankAtZero - (rank[level] as number);
      created.forward[level] = before.forward[level];
      before.forward[level] = created;
      created.span[level] = (before.span[level] as number) - crossed;
      before.span[level] = crossed + 1;
    }
    for (let level = levelCount; level < this.level; level++) {
      const before = update[level] as SkiplistNode;
      before.span[level] = (before.span[level] as number) + 1;
    }
    const previous = update[0] as SkiplistNode;
    created.backward = previous === this.header ? undefined : previous;
    const following = created.forward[0];
    if (following !== undefined) following.backward = created;
    else this.tail = created;
    this.length++;
    return created;
  }

  /** zslDeleteNode: unlinks `node`, given the last node before it on every level. */
  private unlink(node: SkiplistNode, update: readonly SkiplistNode[]): void {
    for (let level = 0; level < this.level; level++) {
      const before = update[level] as SkiplistNode;
      if (before.forward[level] === node) {
        before.span[level] = (before.span[level] as number) + (node.span[level] as number) - 1;
        before.forward[level] = node.forward[level];
      } else {
        before.span[level] = (before.span[level] as number) - 1;
      }
    }
    const following = node.forward[0];
    if (following !== undefined) following.backward = node.backward;
    else this.tail = node.backward;
    while (this.level > 1 && this.header.forward[this.level - 1] === undefined) this.level--;
    this.length--;
  }

  /** The last node before (score, member) on every level, as zslDelete/zslUpdateScore search. */
  private predecessors(score: number, member: Buffer, step: StepCounter): SkiplistNode[] {
    const update = this.updateScratch;
    let node = this.header;
    let visited = 0;
    for (let level = this.level - 1; level >= 0; level--) {
      for (let next = node.forward[level]; next !== undefined && precedes(next, score, member); next = node.forward[level]) {
        visited++;
        node = next;
      }
      visited++;
      update[level] = node;
    }
    step(visited);
    return update;
  }

  /** zslDelete: removes the node with exactly (score, member); undefined if there is none. */
  delete(score: number, member: Buffer, step: StepCounter = noSteps): SkiplistNode | undefined {
    const update = this.predecessors(score, member, step);
    const candidate = (update[0] as SkiplistNode).forward[0];
    if (candidate === undefined || candidate.score !== score || !candidate.member.equals(member)) return undefined;
    this.unlink(candidate, update);
    return candidate;
  }

  /** zslUpdateScore: keeps the node in place when the order allows it, else moves it. */
  updateScore(currentScore: number, member: Buffer, newScore: number, step: StepCounter = noSteps): SkiplistNode {
    const update = this.predecessors(currentScore, member, step);
    const node = (update[0] as SkiplistNode).forward[0];
    assert(node !== undefined && node.score === currentScore && node.member.equals(member), 'updateScore finds the member at its score');
    const following = node.forward[0];
    if ((node.backward === undefined || node.backward.score < newScore) && (following === undefined || following.score > newScore)) {
      node.score = newScore;
      return node;
    }
    this.unlink(node, update);
    return this.insert(newScore, node.member, step);
  }

  /** zslGetRank: the 1-based rank of (score, member), or 0 when absent. */
  rankOf(score: number, member: Buffer, step: StepCounter = noSteps): number {
    let node = this.header;
    let rank = 0;
    let visited = 0;
    for (let level = this.level - 1; level >= 0; level--) {
      for (let next = node.forward[level]; next !== undefined && (precedes(next, score, member) || (next.score === score && next.member.equals(member))); next = node.forward[level]) {
        visited++;
        rank += node.span[level] as number;
        node = next;
      }
      visited++;
      if (node !== this.header && node.score === score && node.member.equals(member)) {
        step(visited);
        return rank;
      }
    }
    step(visited);
    return 0;
  }

  /** zslGetElementByRank: the node at 1-based `rank`. */
  nodeAtRank(rank: number, step: StepCounter = noSteps): SkiplistNode | undefined {
    let node = this.header;
    let traversed = 0;
    let visited = 0;
    for (let level = this.level - 1; level >= 0; level--) {
      for (let next = node.forward[level]; next !== undefined && traversed + (node.span[level] as number) <= rank; next = node.forward[level]) {
        visited++;
        traversed += node.span[level] as number;
        node = next;
      }
      visited++;
      if (traversed === rank) {
        step(visited);
        return node === this.header ? undefined : node;
      }
    }
    step(visited);
    return undefined;
  }

  /** Descends while `goOn(next)` holds; returns the last node passed (maybe the header) and the update vector. */
  private descend(goOn: (next: SkiplistNode) => boolean, step: StepCounter): { node: SkiplistNode; update: SkiplistNode[] } {
    const update = this.updateScratch;
    let node = this.header;
    let visited = 0;
    for (let level = this.level - 1; level >= 0; level--) {
      for (let next = node.forward[level]; next !== undefined && goOn(next); next = node.forward[level]) {
        visited++;
        node = next;
      }
      visited++;
      update[level] = node;
    }
    step(visited);
    return { node, update };
  }

  /** zslIsInRange */
  private hasScoresIn(range: ScoreRange): boolean {
    if (scoreRangeIsEmpty(range)) return false;
    const head = this.first();
    return this.tail !== undefined && scoreGteMin(this.tail.score, range) && head !== undefined && scoreLteMax(head.score, range);
  }

  /** zslFirstInRange */
  firstInRange(range: ScoreRange, step: StepCounter = noSteps): SkiplistNode | undefined {
    if (!this.hasScoresIn(range)) return undefined;
    const { node } = this.descend((next) => !scoreGteMin(next.score, range), step);
    const found = node.forward[0];
    assert(found !== undefined, 'an inner score range has a first node');
    return scoreLteMax(found.score, range) ? found : undefined;
  }

  /** zslLastInRange */
  lastInRange(range: ScoreRange, step: StepCounter = noSteps): SkiplistNode | undefined {
    if (!this.hasScoresIn(range)) return undefined;
    const { node } = this.descend((next) => scoreLteMax(next.score, range), step);
    return node !== this.header && scoreGteMin(node.score, range) ? node : undefined;
  }

  /** zslIsInLexRange */
  private hasMembersIn(range: LexRange): boolean {
    if (lexRangeIsEmpty(range)) return false;
    const head = this.first();
    return this.tail !== undefined && lexGteMin(this.tail.member, range) && head !== undefined && lexLteMax(head.member, range);
  }

  /** zslFirstInLexRange */
  firstInLexRange(range: LexRange, step: StepCounter = noSteps): SkiplistNode | undefined {
    if (!this.hasMembersIn(range)) return undefined;
    const { node } = this.descend((next) => !lexGteMin(next.member, range), step);
    const found = node.forward[0];
    assert(found !== undefined, 'an inner lex range has a first node');
    return lexLteMax(found.member, range) ? found : undefined;
  }

  /** zslLastInLexRange */
  lastInLexRange(range: LexRange, step: StepCounter = noSteps): SkiplistNode | undefined {
    if (!this.hasMembersIn(range)) return undefined;
    const { node } = this.descend((next) => lexLteMax(next.member, range), step);
    return node !== this.header && lexGteMin(node.member, range) ? node : undefined;
  }

  /** zslDeleteRangeByScore / ByLex: skips nodes below the minimum, then deletes while within the maximum. */
  deleteWhile(isBelowMin: (node: SkiplistNode) => boolean, isWithinMax: (node: SkiplistNode) => boolean, removed: (node: SkiplistNode) => void, step: StepCounter = noSteps): number {
    const { node, update } = this.descend(isBelowMin, step);
    let current = node.forward[0];
    let count = 0;
    while (current !== undefined && isWithinMax(current)) {
      const next = current.forward[0];
      this.unlink(current, update);
      removed(current);
      count++;
      current = next;
    }
    step(count);
    return count;
  }

  /** zslDeleteRangeByRank: 1-based inclusive ranks. */
  deleteRankRange(start: number, end: number, removed: (node: SkiplistNode) => void, step: StepCounter = noSteps): number {
    const update = this.updateScratch;
    let node = this.header;
    let traversed = 0;
    let visited = 0;
    for (let level = this.level - 1; level >= 0; level--) {
      for (let next = node.forward[level]; next !== undefined && traversed + (node.span[level] as number) < start; next = node.forward[level]) {
        visited++;
        traversed += node.span[level] as number;
        node = next;
      }
      visited++;
      update[level] = node;
    }
    traversed++;
    let current = node.forward[0];
    let count = 0;
    while (current !== undefined && traversed <= end) {
      const next = current.forward[0];
      this.unlink(current, update);
      removed(current);
      count++;
      traversed++;
      current = next;
    }
    step(visited + count);
    return count;
  }
}
