import { describe, expect, it } from 'vitest';
import type { ShrinkCase } from '../../../src/scenario/shrink/shrink-case.js';
import { shrinkSearch } from '../../../src/scenario/shrink/shrink-search.js';

const start: ShrinkCase = {
  timeline: Array.from({ length: 12 }, (_, index) => ({ atMs: 500 + index * 700, durationMs: 600, fault: { kind: index === 7 ? 'kill' : 'pause', target: 'n1' } as const })),
  faultsMs: 10_000,
  healMs: 2_000,
  clients: 5,
  keys: 4,
  rateHz: 20,
};

/** The bug: a kill that lasts at least 100 ms while two clients run. */
function stillFails(candidate: ShrinkCase): boolean {
  const kill = candidate.timeline.find((timed) => timed.fault.kind === 'kill');
  return kill !== undefined && kill.durationMs >= 100 && candidate.clients >= 2 && candidate.faultsMs > kill.atMs;
}

describe('shrinkSearch', () => {
  it('reaches the minimal failing case: the one kill, shortened, with two clients, one key, the least of everything', () => {
    const result = shrinkSearch(start, { attemptsMax: 500, stillFails });
    expect(result.budgetExhausted).toBe(false);
    expect(result.minimal.timeline).toHaveLength(1);
    expect(result.minimal.timeline[0]?.fault.kind).toBe('kill');
    expect(result.minimal.timeline[0]?.durationMs).toBeLessThan(200);
    expect(result.minimal.timeline[0]?.atMs).toBeLessThan(100);
    expect(result.minimal.clients).toBe(2);
    expect(result.minimal.keys).toBe(1);
    expect(result.minimal.rateHz).toBe(1);
    expect(result.minimal.healMs).toBe(0);
    expect(stillFails(result.minimal)).toBe(true);
  });

  it('is deterministic: the same start and predicate give the same attempts and result', () => {
    const trail = (): string[] => {
      const seen: string[] = [];
      shrinkSearch(start, { attemptsMax: 500, stillFails, onAttempt: (attempt) => seen.push(`${attempt.description}:${attempt.kept}`) });
      return seen;
    };
    const first = trail();
    expect(first.length).toBeGreaterThan(10);
    expect(trail()).toEqual(first);
  });

  it('stops at the attempt budget and says so', () => {
    const result = shrinkSearch(start, { attemptsMax: 3, stillFails });
    expect(result.attempts).toBe(3);
    expect(result.budgetExhausted).toBe(true);
    expect(stillFails(result.minimal)).toBe(true);
  });

  it('skips candidates that cannot run without spending attempts', () => {
    let runs = 0;
    const result = shrinkSearch(start, {
      attemptsMax: 500,
      stillFails: (candidate) => {
        if (candidate.clients < 3) return null;
        runs++;
        return stillFails(candidate);
      },
    });
    expect(result.attempts).toBe(runs);
    expect(result.minimal.clients).toBe(3);
  });
});
