import { describe, expect, test } from 'vitest';
import { Prng } from '../../src/core/prng.js';
import { type FaultKind, faultKinds, type SwarmSpec, swarmFaultKinds } from '../../src/nemesis/fault-spec.js';
import { drawFault, drawSwarm } from '../../src/nemesis/swarm.js';

const spec: SwarmSpec = { weights: { kill: 1, pause: 2, partition: 1, 'clock-skew': 0 }, faultsPerSecond: 2, durationMsMin: 100, durationMsMax: 2000 };
const storeHosts = ['n1', 'n2', 'n3'];

describe('swarm draw', () => {
  test('one seed draws the same swarm every time', () => {
    const draw = (): unknown => drawSwarm(spec, Prng.root(42).fork('nemesis').fork('swarm'), { faultsMs: 30_000, storeHosts });
    expect(draw()).toEqual(draw());
  });

  test('each seed keeps a non-empty subset of the weighted kinds; weight 0 never appears', () => {
    const keptSets = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const swarm = drawSwarm(spec, Prng.root(seed), { faultsMs: 30_000, storeHosts });
      expect(swarm.kinds.length).toBeGreaterThan(0);
      for (const kind of swarm.kinds) expect(['kill', 'pause', 'partition']).toContain(kind);
      for (const timed of swarm.timeline) expect(swarm.kinds).toContain(timed.fault.kind);
      keptSets.add(swarm.kinds.join(','));
    }
    expect(keptSets.size).toBeGreaterThan(2);
  });

  test('faults fall inside the faults phase with durations inside the drawn bounds', () => {
    for (let seed = 0; seed < 20; seed++) {
      const swarm = drawSwarm(spec, Prng.root(seed), { faultsMs: 10_000, storeHosts });
      expect(swarm.faultsPerSecond).toBeGreaterThanOrEqual(1);
      expect(swarm.faultsPerSecond).toBeLessThan(3);
      for (const timed of swarm.timeline) {
        expect(timed.atMs).toBeGreaterThanOrEqual(0);
        expect(timed.atMs).toBeLessThan(10_000);
        expect(timed.durationMs).toBeGreaterThanOrEqual(100);
        expect(timed.durationMs).toBeLessThanOrEqual(swarm.durationMsMaxByKind[timed.fault.kind] ?? -1);
      }
      for (let index = 1; index < swarm.timeline.length; index++) expect(swarm.timeline[index]?.atMs).toBeGreaterThanOrEqual(swarm.timeline[index - 1]?.atMs ?? 0);
    }
  });

  test('drawn faults target concrete store hosts', () => {
    const prng = Prng.root(9);
    for (const kind of swarmFaultKinds as readonly FaultKind[]) {
      const fault = drawFault(kind, storeHosts, prng);
      expect(fault.kind).toBe(kind);
      if ('target' in fault) expect(storeHosts).toContain(fault.target);
    }
    expect(drawFault('partition', ['n1'], prng)).toMatchObject({ shape: 'isolate', target: 'n1' });
    expect(faultKinds.filter((kind) => !swarmFaultKinds.includes(kind))).toEqual(['admin']);
    expect(() => drawFault('admin', storeHosts, prng)).toThrow('admin commands are written in timelines, never drawn');
  });
});
