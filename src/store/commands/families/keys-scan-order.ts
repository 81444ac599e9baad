/**
 * The order SCAN walks a database in. Redis walks hash buckets in
 * reverse-binary order so a cursor survives rehashing; we get the same
 * guarantee (every key present for the whole scan is returned, cursor 0 ends
 * it) by walking keys in the order of a fixed 32-bit hash of their bytes, the
 * cursor being the next hash position to visit. Keys sharing a position are
 * returned together, as Redis returns a whole bucket.
 *
 * Sorting a database per call would make each SCAN O(N log N); instead a
 * sorted snapshot is taken when a scan starts (cursor 0, or no snapshot yet)
 * and later calls look up their cursor in it. Since positions depend on the
 * key only, any snapshot taken after a scan started holds every key present
 * for all of it; keys are re-checked for presence before being returned.
 */
import { assert } from '../../../core/assert.js';
import type { Db } from '../../keyspace/db.js';

export interface ScanEntry {
  readonly position: number;
  readonly key: Buffer;
}

export const scanPositionsCount = 2 ** 32;

const snapshots = new WeakMap<Db, readonly ScanEntry[]>();

/** FNV-1a, 32 bits, over the key's bytes. */
export function scanPosition(key: Buffer): number {
  let hash = 0x811c9dc5;
  for (const byte of key) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The snapshot of `db` for a scan at `cursor` (rebuilt when a scan starts). */
export function scanSnapshot(db: Db, cursor: bigint, onRebuild: (keys: number) => void): readonly ScanEntry[] {
  const existing = snapshots.get(db);
  if (existing !== undefined && cursor !== 0n) return existing;
  const entries = db.keys().map((key) => ({ position: scanPosition(key), key }));
  entries.sort((left, right) => left.position - right.position || Buffer.compare(left.key, right.key));
  snapshots.set(db, entries);
  onRebuild(entries.length);
  return entries;
}

/** Index of the first entry at or after `cursor` (binary search). */
export function firstIndexAtOrAfter(entries: readonly ScanEntry[], cursor: bigint): number {
  if (cursor >= BigInt(scanPositionsCount)) return entries.length;
  const target = Number(cursor);
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const entry = entries[middle];
    assert(entry !== undefined, 'binary search stays inside the snapshot');
    if (entry.position < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Takes about `count` entries from `start`, extended to the end of the last
 * position group; returns them and the next cursor (0 when the walk is done).
 */
export function takeScanBatch(entries: readonly ScanEntry[], start: number, count: number): { batch: readonly ScanEntry[]; nextCursor: bigint } {
  let end = Math.min(entries.length, start + count);
  const last = entries[end - 1];
  if (end > start && last !== undefined) {
    while (end < entries.length && entries[end]?.position === last.position) end++;
  }
  const batch = entries.slice(start, end);
  if (end >= entries.length) return { batch, nextCursor: 0n };
  const next = entries[end];
  assert(next !== undefined, 'a next entry exists when the walk is not done');
  // Position 0 sorts first and a group is never split, so it is never a next cursor.
  assert(next.position > 0, 'a continuing cursor is not 0');
  return { batch, nextCursor: BigInt(next.position) };
}

const ULONG_MAX = 2n ** 64n - 1n;

/**
 * parseScanCursorOrReply: strtoul semantics (optional sign, a negative
 * value wraps, an empty string is 0, the text ends at a NUL byte), but no
 * leading space and no trailing garbage.
 */
export function parseScanCursor(data: Buffer): bigint | undefined {
  const end = data.indexOf(0);
  const text = data.toString('latin1', 0, end === -1 ? data.length : end);
  if (/^[ \t\n\v\f\r]/.test(text)) return undefined;
  if (text.length === 0) return 0n;
  const match = /^([+-]?)(\d+)$/.exec(text);
  if (match === null) return undefined;
  const magnitude = BigInt(match[2] as string);
  if (magnitude > ULONG_MAX) return undefined;
  return match[1] === '-' ? (ULONG_MAX + 1n - magnitude) % (ULONG_MAX + 1n) : magnitude;
}
