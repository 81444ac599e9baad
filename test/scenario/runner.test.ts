import { describe, expect, test } from 'vitest';
import { runScenario } from '../../src/scenario/runner.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import linearizable from '../../scenarios/single-node-linearizable.js';
import plantedStaleRead from '../../scenarios/planted-stale-read.js';

const short: Scenario = {
  ...linearizable,
  workload: { ...linearizable.workload, rateHz: 20 },
  nemesis: { timeline: [{ atMs: 500, durationMs: 300, fault: { kind: 'pause', target: 'n1' } }] },
  phases: { setupMs: 50, faultsMs: 2000, healMs: 500, quiesceMsMax: 1000, finalReads: true },
};

describe('runner phases', () => {
  test('phases follow each other and the faults happen inside the faults phase', () => {
    const output = runScenario(short, 3);
    const { phases } = output;
    expect(phases).toMatchObject({ setupEndUs: 50_000, faultsEndUs: 2_050_000, healEndUs: 2_550_000 });
    expect(phases.quiesceEndUs).toBeGreaterThanOrEqual(phases.healEndUs);
    expect(phases.finalReadsEndUs).toBeGreaterThan(phases.quiesceEndUs);
    expect(output.faults).toEqual([expect.objectContaining({ kind: 'pause', target: 'n1', startUs: 550_000, endUs: 850_000, effective: true })]);
    expect(output.result.verdict).toBe('valid');
  });

  test('the history holds client ops served by n1, fault markers, and final reads after quiesce', () => {
    const output = runScenario(short, 3);
    const clientOps = output.history.filter((op) => op.process !== 'nemesis');
    expect(clientOps.every((op) => op.node === 'n1')).toBe(true);
    expect(output.history.filter((op) => op.process === 'nemesis').map((op) => op.f)).toEqual(['start-pause', 'stop-pause']);
    const finalReads = clientOps.filter((op) => op.time >= output.phases.quiesceEndUs);
    expect(finalReads.filter((op) => op.type === 'ok').map((op) => op.key).sort()).toEqual(['k0', 'k1', 'k2', 'k3']);
    expect(output.result.stats.ops).toBe(clientOps.filter((op) => op.type !== 'invoke').length);
  });

  test('node spans show the node paused during the fault', () => {
    const output = runScenario(short, 3);
    expect(output.nodeSpans).toContainEqual({ host: 'n1', role: 'master', state: 'paused', fromUs: 550_000, toUs: 850_000 });
  });

  test('a timeline override replaces the swarm draw', () => {
    const override = [{ atMs: 100, durationMs: 100, fault: { kind: 'connection-reset', target: 'n1' } }] as const;
    const output = runScenario({ ...linearizable, phases: short.phases }, 1, { timelineOverride: override });
    expect(output.swarmDraw).toBeNull();
    expect(output.scheduledFaults).toEqual(override);
    expect(output.faults.map((fault) => fault.kind)).toEqual(['connection-reset']);
    expect(runScenario({ ...linearizable, phases: short.phases }, 1).swarmDraw).not.toBeNull();
  });

  test('ops still in flight when quiesce runs out make the verdict liveness', () => {
    const stuck: Scenario = {
      ...short,
      workload: { ...short.workload, opTimeoutMs: 10_000 },
      nemesis: { timeline: [{ atMs: 1900, durationMs: 1000, fault: { kind: 'slow-link', target: 'n1', extraLatencyMs: 5000 } }] },
      phases: { ...short.phases, healMs: 10, quiesceMsMax: 100 },
    };
    const output = runScenario(stuck, 1);
    expect(output.result.verdict).toBe('liveness');
    expect(output.liveness?.phase).toBe('quiesce');
  });

  test('an invariant broken during the run makes the verdict crash, with its message', () => {
    const broken = { ...short, nemesis: { timeline: [{ atMs: 100, durationMs: 100, fault: { kind: 'clock-drift', target: 'n1', driftPpm: 900_000 } }] } } as Scenario;
    const output = runScenario(broken, 1);
    expect(output.result.verdict).toBe('crash');
    expect(output.crash).toMatchObject({ name: 'InvariantError', atUs: 150_000 });
    expect(output.crash?.message).toContain('drift');
  });

  test('without the planted bug the stale-read scenario is linearizable (the control)', () => {
    const control: Scenario = { ...plantedStaleRead, config: { save: '', appendonly: 'no' } };
    expect(runScenario(control, 1).result.verdict).toBe('valid');
    expect(runScenario(plantedStaleRead, 1).result.verdict).toBe('invalid');
  });

  test('the result carries the contract fields', () => {
    const { result } = runScenario(short, 2, { reportDir: 'reports/x/seed-2', wallClockMs: () => 7 });
    expect(Object.keys(result).sort()).toEqual(['checks', 'expected', 'nodes', 'reportDir', 'scenario', 'seed', 'stats', 'traceHash', 'verdict']);
    expect(Object.keys(result.stats).sort()).toEqual(['events', 'fail', 'info', 'ok', 'ops', 'simulatedMs', 'wallMs']);
    expect(result.stats.wallMs).toBe(0);
    expect(result.reportDir).toBe('reports/x/seed-2');
    expect(result.nodes).toEqual([expect.objectContaining({ host: 'n1', role: 'master' })]);
    expect(result.nodes[0]?.digest).toMatch(/^[0-9a-f]{40}$/);
    expect(result.checks['linearizable']).toMatchObject({ valid: true, model: 'cas-register' });
  });
});
