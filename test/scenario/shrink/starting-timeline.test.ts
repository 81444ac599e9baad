import { describe, expect, it } from 'vitest';
import type { TimedFault } from '../../../src/scenario/scenario.js';
import { appliedTimeline, armedFaults, concreteFault } from '../../../src/scenario/shrink/starting-timeline.js';
import { applied, baseScenario, fakeOutput } from './support.js';

const scheduled: TimedFault[] = [
  { atMs: 1000, durationMs: 500, fault: { kind: 'kill', target: 'master' } },
  { atMs: 2000, durationMs: 800, fault: { kind: 'partition', mode: 'drop', shape: 'halves' } },
  { atMs: 3000, durationMs: 900, fault: { kind: 'pause', target: 'random-node' } },
  { atMs: 12_000, durationMs: 100, fault: { kind: 'kill', target: 'n1' } },
];

describe('appliedTimeline', () => {
  const scenario = baseScenario({ phases: { faultsMs: 10_000, healMs: 2_000, quiesceMsMax: 5_000, finalReads: true } });
  const output = fakeOutput(scenario, 7, {
    verdict: 'invalid',
    scheduledFaults: scheduled,
    faults: [applied(1, 'kill', 'n1', 1_100_000, 1_600_000), applied(2, 'partition', 'n2,n3', 2_100_000, 2_400_000), applied(3, 'pause', 'n3', 3_100_000, null)],
  });

  it('leaves out faults scheduled after the faults phase (the nemesis never armed them)', () => {
    expect(armedFaults(output).map((timed) => timed.atMs)).toEqual([1000, 2000, 3000]);
  });

  it('aims each fault at the host it hit and keeps its real window', () => {
    expect(appliedTimeline(output)).toEqual([
      { atMs: 1000, durationMs: 500, fault: { kind: 'kill', target: 'n1' } },
      { atMs: 2000, durationMs: 300, fault: { kind: 'partition', mode: 'drop', shape: 'minority-with', members: ['n2', 'n3'] } },
      { atMs: 3000, durationMs: 900, fault: { kind: 'pause', target: 'n3' } },
    ]);
  });
});

describe('concreteFault', () => {
  it('keeps a fault that hit nothing, and shapes whose sides it cannot name', () => {
    expect(concreteFault({ kind: 'kill', target: 'replica' }, applied(1, 'kill', 'replica', 0, 0, false))).toEqual({ kind: 'kill', target: 'replica' });
    expect(concreteFault({ kind: 'partition', mode: 'clog', shape: 'ring' }, applied(1, 'partition', 'n1,n2,n3', 0, 5))).toEqual({ kind: 'partition', mode: 'clog', shape: 'ring' });
    expect(concreteFault({ kind: 'partition', mode: 'clog', shape: 'isolate', target: 'master' }, applied(1, 'partition', 'n2', 0, 5))).toEqual({ kind: 'partition', mode: 'clog', shape: 'isolate', target: 'n2' });
  });
});
