import { assert } from '../core/assert.js';
import { Fnv64 } from '../core/hash.js';
import { limits } from '../core/limits.js';
import type { EventKind } from './event-kind.js';
import { WORLD_HOST_INDEX } from './sim-event.js';

/** One executed event, as plain data (for printing and diffing traces). */
export interface TraceEntry {
  /** 0-based position of the event among all executed events of the run. */
  readonly index: number;
  readonly timeUs: number;
  readonly kind: string;
  /** Host name, or `world` for harness and nemesis events. */
  readonly host: string;
  readonly detail: string;
}

const TWO_POW_32 = 0x1_0000_0000;

/** One mixing round (MurmurHash3's body step) of `value` into `hash`. */
function mix32(hash: number, value: number): number {
  let mixed = Math.imul(value, 0xcc9e2d51);
  mixed = (mixed << 15) | (mixed >>> 17);
  hash ^= Math.imul(mixed, 0x1b873593);
  hash = (hash << 13) | (hash >>> 19);
  return (Math.imul(hash, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finalizer: every input bit reaches every output bit. */
function finish32(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

function stringHash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash;
}

function detailHash32(detail: string | number): number {
  if (typeof detail === 'string') return mix32(0x02, stringHash32(detail));
  if ((detail | 0) === detail) return mix32(0x01, detail);
  return mix32(0x03, stringHash32(String(detail)));
}

/**
 * A 32-bit digest of one event (kind, host, time, detail), cheap to compute
 * with integer multiplies; the trace folds its four bytes into the run's
 * 64-bit FNV-1a hash, so the hot path costs four FNV steps per event.
 */
export function eventDigest32(timeUs: number, kind: EventKind, hostIndex: number, detail: string | number): number {
  let hash = mix32(kind.nameHash32, hostIndex + 1);
  hash = mix32(hash, timeUs % TWO_POW_32);
  hash = mix32(hash, Math.floor(timeUs / TWO_POW_32));
  hash = mix32(hash, detailHash32(detail));
  return finish32(hash);
}

/**
 * The run's trace: every executed event (kind, host, time, detail) is
 * digested and folded into a 64-bit FNV-1a hash, and the last `keptMax` events are kept in a
 * ring for printing. The hash covers all events and depends only on what
 * ran, so it is equal across runs, processes and machines for one seed.
 */
export class Trace {
  private readonly hashState = new Fnv64();
  private executedCount = 0;
  private readonly keptTimesUs: number[] = [];
  private readonly keptKinds: EventKind[] = [];
  private readonly keptHostIndexes: number[] = [];
  private readonly keptDetails: (string | number)[] = [];

  constructor(
    private readonly hostNames: readonly string[],
    private readonly keptMax: number = limits.traceEntriesKeptMax,
  ) {
    assert(Number.isInteger(keptMax) && keptMax >= 0, 'traceEntriesKeptMax is a non-negative integer');
  }

  /** Events recorded so far (all of them, not only the kept ones). */
  get count(): number {
    return this.executedCount;
  }

  /** The hash of all events so far, 16 hex digits. */
  hash(): string {
    return this.hashState.hex();
  }

  record(timeUs: number, kind: EventKind, hostIndex: number, detail: string | number): void {
    const digest = eventDigest32(timeUs, kind, hostIndex, detail);
    const hash = this.hashState;
    hash.updateByte(digest & 0xff);
    hash.updateByte((digest >>> 8) & 0xff);
    hash.updateByte((digest >>> 16) & 0xff);
    hash.updateByte(digest >>> 24);
    this.keep(timeUs, kind, hostIndex, detail);
    this.executedCount++;
  }

  private keep(timeUs: number, kind: EventKind, hostIndex: number, detail: string | number): void {
    if (this.keptMax === 0) return;
    const slot = this.executedCount % this.keptMax;
    this.keptTimesUs[slot] = timeUs;
    this.keptKinds[slot] = kind;
    this.keptHostIndexes[slot] = hostIndex;
    this.keptDetails[slot] = detail;
  }

  /** The kept entries, oldest first, as plain data. */
  entries(): TraceEntry[] {
    const keptCount = Math.min(this.executedCount, this.keptMax);
    const firstIndex = this.executedCount - keptCount;
    const entries: TraceEntry[] = [];
    for (let index = firstIndex; index < this.executedCount; index++) {
      entries.push(this.entryAt(index));
    }
    return entries;
  }

  private entryAt(index: number): TraceEntry {
    const slot = index % this.keptMax;
    const hostIndex = this.keptHostIndexes[slot] as number;
    return {
      index,
      timeUs: this.keptTimesUs[slot] as number,
      kind: (this.keptKinds[slot] as EventKind).name,
      host: hostIndex === WORLD_HOST_INDEX ? 'world' : (this.hostNames[hostIndex] ?? `host#${hostIndex}`),
      detail: String(this.keptDetails[slot]),
    };
  }
}

/** Renders one entry on one line, e.g. `#12 t=1500us n2 net.deliver 7`. */
export function formatTraceEntry(entry: TraceEntry): string {
  return `#${entry.index} t=${entry.timeUs}us ${entry.host} ${entry.kind} ${entry.detail}`;
}

/**
 * The first position where two traces differ (compared on all fields), or
 * null if one is a prefix of the other and both have the same length.
 * Entries are matched by `index`, so traces kept from different windows
 * compare only where they overlap.
 */
export function firstTraceDifference(left: readonly TraceEntry[], right: readonly TraceEntry[]): { readonly left: TraceEntry | null; readonly right: TraceEntry | null } | null {
  const start = Math.max(left[0]?.index ?? 0, right[0]?.index ?? 0);
  const leftOffset = start - (left[0]?.index ?? 0);
  const rightOffset = start - (right[0]?.index ?? 0);
  const span = Math.max(left.length - leftOffset, right.length - rightOffset);
  for (let step = 0; step < span; step++) {
    const leftEntry = left[leftOffset + step] ?? null;
    const rightEntry = right[rightOffset + step] ?? null;
    if (leftEntry === null || rightEntry === null || !sameEntry(leftEntry, rightEntry)) return { left: leftEntry, right: rightEntry };
  }
  return null;
}

function sameEntry(left: TraceEntry, right: TraceEntry): boolean {
  return left.index === right.index && left.timeUs === right.timeUs && left.kind === right.kind && left.host === right.host && left.detail === right.detail;
}
