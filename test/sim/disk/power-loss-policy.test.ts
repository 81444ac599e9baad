import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EnvError } from '../../../src/core/errors.js';
import { durabilityLawBreach, type FileChange } from '../../../src/sim/disk/durability-law.js';
import type { PowerLossPolicy } from '../../../src/sim/disk/power-loss-policy.js';
import { World } from '../../../src/sim/world.js';
import { applyToBytes, openFile, testDisk } from './disk-helpers.js';

type Step = FileChange | { readonly kind: 'fsync' };

const steps: fc.Arbitrary<Step[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('write' as const), position: fc.integer({ min: 0, max: 2000 }), data: fc.uint8Array({ minLength: 1, maxLength: 900 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), size: fc.integer({ min: 0, max: 2500 }) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'fsync' as const }) },
  ),
  { maxLength: 16 },
);

const weights = fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)).filter(([lose, prefix, torn]) => lose + prefix + torn > 0);

/** Runs the steps on a fresh disk's file and returns the test's own model: last fsynced bytes and the changes since. */
function runSteps(seed: number, policy: Partial<PowerLossPolicy>, plan: readonly Step[]) {
  const { disk } = testDisk(seed, { powerLoss: policy });
  const file = openFile(disk, 'f');
  disk.fsyncDirectory('.');
  let fsynced: number[] = [];
  let current: number[] = [];
  let since: FileChange[] = [];
  for (const step of plan) {
    if (step.kind === 'fsync') {
      expect(disk.syncFile(file)).toBeUndefined();
      fsynced = current;
      since = [];
      continue;
    }
    if (step.kind === 'write') disk.writeAt(file, step.position, step.data);
    else disk.truncateFile(file, step.size);
    current = applyToBytes(current, step);
    since.push(step);
  }
  expect([...file.cache.view()]).toEqual(current);
  return { disk, fsynced: Uint8Array.from(fsynced), since, current: Uint8Array.from(current) };
}

describe('power loss: the durable-content law', () => {
  it('leaves each file its last fsynced content plus only a permitted remnant of later writes (lose, keepPrefix, tornSectors)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), weights, steps, (seed, [lose, keepPrefix, tornSectors], plan) => {
        const { disk, fsynced, since } = runSteps(seed, { lose, keepPrefix, tornSectors, garble: 0 }, plan);
        const report = disk.powerLoss();
        const content = disk.peekFile('f');
        expect(content).not.toBeNull();
        expect(durabilityLawBreach(fsynced, since, content as Uint8Array)).toBeNull();
        expect(report.files[0]?.durableBytes).toBe(fsynced.length);
        if (lose > 0 && keepPrefix === 0 && tornSectors === 0) expect(content).toEqual(fsynced);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps something of the later writes in some runs and loses it in others: the policy does draw', () => {
    const outcomes = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const { disk, fsynced, current } = runSteps(seed, { lose: 1, keepPrefix: 1, tornSectors: 1, garble: 0 }, [
        { kind: 'write', position: 0, data: new Uint8Array(1500).fill(1) },
        { kind: 'fsync' },
        { kind: 'write', position: 300, data: new Uint8Array(2000).fill(2) },
      ]);
      disk.powerLoss();
      const content = disk.peekFile('f') as Uint8Array;
      outcomes.add(content.length === fsynced.length && content.every((byte, index) => byte === fsynced[index]) ? 'old' : content.length === current.length && content.every((byte, index) => byte === current[index]) ? 'new' : 'mixed');
    }
    expect([...outcomes].sort()).toEqual(['mixed', 'new', 'old']);
  });

  it('garbles only the unsynced tail: bytes below the durable size still obey the law, and the size is the latest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), steps, (seed, plan) => {
        const { disk, fsynced, since, current } = runSteps(seed, { lose: 0, keepPrefix: 0, tornSectors: 0, garble: 1 }, plan);
        disk.powerLoss();
        const content = disk.peekFile('f') as Uint8Array;
        if (since.length === 0) {
          expect(content).toEqual(fsynced);
          return;
        }
        expect(content.length).toBe(current.length);
        const lawful = content.subarray(0, Math.min(fsynced.length, content.length));
        expect(durabilityLawBreach(fsynced, since, lawful, { ignoreSize: true })).toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('loses the writes a lying fsync acknowledged, whatever the policy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), weights, fc.uint8Array({ maxLength: 700 }), fc.uint8Array({ minLength: 1, maxLength: 700 }), (seed, [lose, keepPrefix, tornSectors], before, lied) => {
        const { disk } = testDisk(seed, { powerLoss: { lose, keepPrefix, tornSectors, garble: 1 } });
        const file = openFile(disk, 'f');
        disk.fsyncDirectory('.');
        disk.writeAt(file, 0, before);
        expect(disk.syncFile(file)).toBeUndefined();
        disk.writeAt(file, before.length, lied);
        disk.injectFault({ kind: 'fsyncLies', durationMs: 1 });
        expect(disk.syncFile(file)).toBeUndefined();
        expect(disk.readFile('f')).toEqual(Uint8Array.from([...before, ...lied]));
        disk.powerLoss();
        expect(disk.peekFile('f')).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});

describe('power loss: directory entries', () => {
  it('may undo a rename not followed by a directory fsync, and never one followed by it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.boolean(), fc.constantFrom(0, 0.5, 1), (seed, fsyncDirectory, commitProbability) => {
        const { disk } = testDisk(seed, { powerLoss: { directoryCommitProbability: commitProbability } });
        disk.mkdir('data');
        disk.fsyncDirectory('.');
        const old = openFile(disk, 'data/file');
        disk.writeAt(old, 0, Uint8Array.of(1));
        disk.syncFile(old);
        disk.fsyncDirectory('data');
        const fresh = openFile(disk, 'data/file.tmp');
        disk.writeAt(fresh, 0, Uint8Array.of(2));
        disk.syncFile(fresh);
        expect(disk.rename('data/file.tmp', 'data/file')).toBeUndefined();
        if (fsyncDirectory) disk.fsyncDirectory('data');
        disk.powerLoss();
        const content = disk.peekFile('data/file');
        if (fsyncDirectory || commitProbability === 1) expect(content).toEqual(Uint8Array.of(2));
        else if (commitProbability === 0) expect(content).toEqual(Uint8Array.of(1));
        else expect([1, 2]).toContain(content?.[0]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('kill: the page cache survives', () => {
  it('a killed process loses nothing it wrote: the next incarnation reads every byte', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), steps, (seed, plan) => {
        const world = new World({ seed });
        const host = world.addHost({ name: 'n1' });
        let expected: number[] = [];
        host.start((env) => {
          const file = env.fs.open('f', { create: true, truncate: false });
          if (file instanceof EnvError) throw file;
          for (const step of plan) {
            if (step.kind === 'fsync') file.fsync();
            else if (step.kind === 'write') file.pwrite(step.data, step.position);
            else file.truncate(step.size);
            if (step.kind !== 'fsync') expected = applyToBytes(expected, step);
          }
        });
        world.run();
        host.kill();
        let read: Uint8Array | EnvError = new EnvError('EIO', 'not read');
        host.start((env) => {
          read = env.fs.readFile('f');
        });
        world.run();
        expect(read).toEqual(Uint8Array.from(expected));
      }),
      { numRuns: 100 },
    );
  });
});
