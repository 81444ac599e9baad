import { UsageError } from '../../core/errors.js';

/** A bound on the seeds one sweep runs (a typo like `1..1e12` is a usage error, not a week-long run). */
export const SWEEP_SEEDS_MAX = 1_000_000;

function parseSeed(text: string, whole: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--seeds ${JSON.stringify(whole)}: '${text}' is not a non-negative integer`);
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seeds ${JSON.stringify(whole)}: ${text} is too large`);
  return seed;
}

function parsePart(part: string, whole: string): readonly [number, number] {
  const bounds = part.split('..');
  if (bounds.length === 1) {
    const seed = parseSeed(part, whole);
    return [seed, seed];
  }
  if (bounds.length !== 2) throw new UsageError(`--seeds ${JSON.stringify(whole)}: '${part}' is not A..B`);
  const first = parseSeed(bounds[0] ?? '', whole);
  const last = parseSeed(bounds[1] ?? '', whole);
  if (last < first) throw new UsageError(`--seeds ${JSON.stringify(whole)}: ${first}..${last} is empty (A must not exceed B)`);
  return [first, last];
}

/**
 * The seeds `--seeds` names: `A..B` (both included), a single `N`, or a
 * comma-separated list of those (`1..10,42`). Returned sorted, without
 * repeats, so the same text always means the same sweep.
 */
export function parseSeedRange(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) throw new UsageError(`--seeds ${JSON.stringify(text)}: an empty part`);
  const seeds = new Set<number>();
  for (const part of parts) {
    const [first, last] = parsePart(part, text);
    if (last - first + 1 + seeds.size > SWEEP_SEEDS_MAX) throw new UsageError(`--seeds ${JSON.stringify(text)}: more than ${SWEEP_SEEDS_MAX} seeds`);
    for (let seed = first; seed <= last; seed++) seeds.add(seed);
  }
  return [...seeds].sort((left, right) => left - right);
}
