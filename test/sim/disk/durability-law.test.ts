import { describe, expect, it } from 'vitest';
import { durabilityLawBreach, type FileChange } from '../../../src/sim/disk/durability-law.js';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('durabilityLawBreach', () => {
  const base = bytes(1, 2, 3);
  const changes: FileChange[] = [
    { kind: 'write', position: 3, data: bytes(4, 5) },
    { kind: 'write', position: 1, data: bytes(9) },
  ];

  it('accepts the base, the final content, and any per-position mix within the size range', () => {
    expect(durabilityLawBreach(base, changes, bytes(1, 2, 3))).toBeNull();
    expect(durabilityLawBreach(base, changes, bytes(1, 9, 3, 4, 5))).toBeNull();
    expect(durabilityLawBreach(base, changes, bytes(1, 2, 3, 4))).toBeNull();
    expect(durabilityLawBreach(base, changes, bytes(1, 9, 3))).toBeNull();
  });

  it('flags a byte never written at its position, and a size outside the range', () => {
    expect(durabilityLawBreach(base, changes, bytes(1, 2, 3, 5))).toMatch(/byte 3/);
    expect(durabilityLawBreach(base, changes, bytes(1, 2))).toMatch(/size 2/);
    expect(durabilityLawBreach(base, changes, bytes(1, 2, 3, 4, 5, 0))).toMatch(/size 6/);
  });

  it('permits the zeros of a hole a change opened, and other zeros only when told to', () => {
    const holeChanges: FileChange[] = [{ kind: 'write', position: 5, data: bytes(7) }];
    expect(durabilityLawBreach(base, holeChanges, bytes(1, 2, 3, 0, 0, 7))).toBeNull();
    const truncated: FileChange[] = [{ kind: 'truncate', size: 1 }, { kind: 'write', position: 2, data: bytes(8) }];
    expect(durabilityLawBreach(base, truncated, bytes(1, 0, 8))).toBeNull();
    expect(durabilityLawBreach(base, changes, bytes(1, 0, 3))).toMatch(/byte 1/);
    expect(durabilityLawBreach(base, changes, bytes(1, 0, 3), { allowZeros: true })).toBeNull();
    expect(durabilityLawBreach(base, changes, bytes(1, 2), { ignoreSize: true })).toBeNull();
  });
});
