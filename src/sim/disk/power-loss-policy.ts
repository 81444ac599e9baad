import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';
import { applyUnsyncedOp, type FileInode, type UnsyncedOp } from './inode.js';

/**
 * What a power loss does to each file with unsynced changes, drawn from the
 * disk's stream with these weights:
 * - `lose`: the file is its last fsynced content.
 * - `keepPrefix`: the first k unsynced ops reached the disk, and a prefix
 *   of op k+1's bytes (a write cut short).
 * - `tornSectors`: each 512-byte sector is old (durable) or new (latest),
 *   independently, and the size is cut at a sector boundary between the two
 *   sizes (a write reordered and torn by the device).
 * - `garble`: like torn below the durable size; past it (the unsynced tail)
 *   each sector is new, zeros or random noise (metadata that reached the
 *   disk before the data; ext4 data=writeback).
 *
 * The law: after lose, keepPrefix or tornSectors, every byte of a file is a
 * byte that position held in its durable content or in its content after
 * one of the unsynced ops, and the size lies between the smallest and the
 * largest of those contents. Never a byte that was never written. `garble`
 * is the documented exception: bytes below the durable size still obey the
 * law, the tail past it may hold zeros or noise.
 *
 * `directoryCommitProbability`: the chance that a directory's unsynced
 * entry changes (create, rename, unlink) reached the disk anyway (a journal
 * commit that happened before the power went). Applied per directory.
 */
export interface PowerLossPolicy {
  readonly lose: number;
  readonly keepPrefix: number;
  readonly tornSectors: number;
  readonly garble: number;
  readonly directoryCommitProbability: number;
}

export const defaultPowerLossPolicy: PowerLossPolicy = {
  lose: 1,
  keepPrefix: 1,
  tornSectors: 1,
  garble: 0,
  directoryCommitProbability: 0.5,
};

/** `clean`: the file had nothing unsynced, so a power loss changed nothing. */
export type PowerLossOutcome = 'clean' | 'lose' | 'keepPrefix' | 'tornSectors' | 'garble';

export const SECTOR_BYTES = 512;

const OUTCOMES = ['lose', 'keepPrefix', 'tornSectors', 'garble'] as const;

export function assertValidPowerLossPolicy(policy: PowerLossPolicy): void {
  const weights = [policy.lose, policy.keepPrefix, policy.tornSectors, policy.garble];
  assert(weights.every((weight) => Number.isFinite(weight) && weight >= 0), 'power-loss weights are finite and non-negative');
  assert(weights.some((weight) => weight > 0), 'a power-loss policy has a positive weight');
  const probability = policy.directoryCommitProbability;
  assert(probability >= 0 && probability <= 1, 'directoryCommitProbability is in [0, 1]');
}

/** Draws what the power loss does to `file` and returns the content it leaves. */
export function contentAfterPowerLoss(file: FileInode, policy: PowerLossPolicy, prng: Prng): { readonly outcome: PowerLossOutcome; readonly content: Uint8Array } {
  if (file.unsynced.length === 0) return { outcome: 'clean', content: file.durable.view().slice() };
  const outcome = OUTCOMES[prng.weightedIndex([policy.lose, policy.keepPrefix, policy.tornSectors, policy.garble])] as (typeof OUTCOMES)[number];
  switch (outcome) {
    case 'lose':
      return { outcome, content: file.durable.view().slice() };
    case 'keepPrefix':
      return { outcome, content: keptPrefixContent(file, prng) };
    case 'tornSectors':
      return { outcome, content: tornContent(file.durable.view(), file.pendingImage().view(), prng) };
    case 'garble':
      return { outcome, content: garbledContent(file.durable.view(), file.pendingImage().view(), prng) };
  }
}

function keptPrefixContent(file: FileInode, prng: Prng): Uint8Array {
  const ops = file.unsynced;
  const keptCount = prng.int(ops.length + 1);
  const image = file.durable.clone();
  for (let index = 0; index < keptCount; index++) applyUnsyncedOp(image, ops[index] as UnsyncedOp);
  const cutShort = ops[keptCount];
  if (cutShort !== undefined && cutShort.kind === 'write' && cutShort.data.length > 0) {
    const keptBytes = prng.int(cutShort.data.length + 1);
    if (keptBytes > 0) image.write(cutShort.position, cutShort.data.subarray(0, keptBytes));
  }
  return image.view().slice();
}

/** A size cut at a sector boundary between the two sizes (or at one of them). */
function tornSize(oldSize: number, newSize: number, prng: Prng): number {
  const low = Math.min(oldSize, newSize);
  const high = Math.max(oldSize, newSize);
  if (low === high) return low;
  const candidates = [low];
  for (let boundary = (Math.floor(low / SECTOR_BYTES) + 1) * SECTOR_BYTES; boundary < high; boundary += SECTOR_BYTES) candidates.push(boundary);
  candidates.push(high);
  return prng.pick(candidates);
}

function sectorsDiffer(oldContent: Uint8Array, newContent: Uint8Array, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    if (oldContent[index] !== newContent[index]) return true;
  }
  return false;
}

/** Fills [start, end) sector by sector with old or new bytes, drawing only where they differ. */
function fillTorn(result: Uint8Array, oldContent: Uint8Array, newContent: Uint8Array, start: number, end: number, prng: Prng): void {
  for (let sectorStart = start; sectorStart < end; sectorStart += SECTOR_BYTES) {
    const sectorEnd = Math.min(sectorStart + SECTOR_BYTES, end);
    const takeNew = sectorsDiffer(oldContent, newContent, sectorStart, sectorEnd) ? prng.chance(0.5) : true;
    for (let index = sectorStart; index < sectorEnd; index++) {
      const fromNew = takeNew ? index < newContent.length : index >= oldContent.length;
      result[index] = (fromNew ? newContent[index] : oldContent[index]) as number;
    }
  }
}

function tornContent(oldContent: Uint8Array, newContent: Uint8Array, prng: Prng): Uint8Array {
  const size = tornSize(oldContent.length, newContent.length, prng);
  const result = new Uint8Array(size);
  fillTorn(result, oldContent, newContent, 0, size, prng);
  return result;
}

function garbledContent(oldContent: Uint8Array, newContent: Uint8Array, prng: Prng): Uint8Array {
  const size = newContent.length;
  const result = new Uint8Array(size);
  const lawfulEnd = Math.min(oldContent.length, size);
  fillTorn(result, oldContent, newContent, 0, lawfulEnd, prng);
  for (let sectorStart = lawfulEnd; sectorStart < size; sectorStart = (Math.floor(sectorStart / SECTOR_BYTES) + 1) * SECTOR_BYTES) {
    const sectorEnd = Math.min((Math.floor(sectorStart / SECTOR_BYTES) + 1) * SECTOR_BYTES, size);
    const choice = prng.int(3);
    for (let index = sectorStart; index < sectorEnd; index++) {
      result[index] = choice === 0 ? (newContent[index] as number) : choice === 1 ? 0 : prng.uint32() & 0xff;
    }
  }
  return result;
}
