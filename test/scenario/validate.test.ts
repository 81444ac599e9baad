import { describe, expect, test } from 'vitest';
import { problemOf, withChange } from '../support/scenario-validation.js';
import linearizable from '../../scenarios/single-node-linearizable.js';
import killNoPersistence from '../../scenarios/single-node-kill-no-persistence.js';
import plantedStaleRead from '../../scenarios/planted-stale-read.js';

describe('scenario validation', () => {
  test('the shipped scenarios are valid', () => {
    for (const scenario of [linearizable, killNoPersistence, plantedStaleRead]) expect(problemOf(scenario)).toBe('valid');
  });

  test('a bad field is named with the file, the field and the value', () => {
    expect(problemOf(withChange(linearizable, (s) => (s.workload.clients = -1)))).toBe('scenarios/foo.ts: workload.clients: must be a positive integer, got -1');
    expect(problemOf(withChange(linearizable, (s) => (s.phases.faultsMs = -5)))).toBe('scenarios/foo.ts: phases.faultsMs: must not be negative, got -5');
    expect(problemOf(withChange(linearizable, (s) => (s.workload.rateHz = 'fast')))).toBe('scenarios/foo.ts: workload.rateHz: must be a finite number, got "fast"');
  });

  test('a missing field is named', () => {
    expect(problemOf(withChange(linearizable, (s) => delete s.description))).toBe('scenarios/foo.ts: description: must be a string, got nothing');
    expect(problemOf(withChange(linearizable, (s) => delete s.phases))).toBe('scenarios/foo.ts: phases: must be an object, got nothing');
  });

  test('an unknown fault kind is named with where it is in the timeline', () => {
    const problem = problemOf(withChange(linearizable, (s) => (s.nemesis = { timeline: [{ atMs: 1, durationMs: 1, fault: { kind: 'explode', target: 'n1' } }] })));
    expect(problem).toMatch(/^scenarios\/foo\.ts: nemesis\.timeline\[0\]\.fault\.kind: unknown fault kind "explode" \(known: partition, kill/);
  });

  test('a negative fault duration, an unknown target and an unknown swarm kind are refused', () => {
    expect(problemOf(withChange(linearizable, (s) => (s.nemesis = { timeline: [{ atMs: 1, durationMs: -2, fault: { kind: 'kill', target: 'n1' } }] })))).toBe(
      'scenarios/foo.ts: nemesis.timeline[0].durationMs: must not be negative, got -2',
    );
    expect(problemOf(withChange(linearizable, (s) => (s.nemesis = { timeline: [{ atMs: 1, durationMs: 2, fault: { kind: 'kill', target: 'n9' } }] })))).toMatch(/nemesis\.timeline\[0\]\.fault\.target: unknown target "n9"/);
    expect(problemOf(withChange(linearizable, (s) => (s.nemesis.swarm.weights = { meteor: 1 })))).toMatch(/nemesis\.swarm\.weights\.meteor: unknown fault kind/);
  });

  test('an expected anomaly needs detectionRateMin', () => {
    expect(problemOf(withChange(killNoPersistence, (s) => (s.expect = { valid: false, anomaly: 'lost-writes' })))).toMatch(/^scenarios\/foo\.ts: expect\.detectionRateMin: an expected anomaly needs/);
    expect(problemOf(withChange(killNoPersistence, (s) => (s.expect = { valid: false, anomaly: 'gremlins', detectionRateMin: 1 })))).toMatch(/expect\.anomaly: unknown anomaly "gremlins"/);
  });

  test('checkers must fit the workload and a typo in a field name is refused', () => {
    expect(problemOf(withChange(linearizable, (s) => (s.checkers = ['set'])))).toBe('scenarios/foo.ts: checkers[0]: the set checker needs the set workload, not cas-register');
    expect(problemOf(withChange(linearizable, (s) => ((s.workload.kind = 'queue'), (s.checkers = ['linearizable']))))).toMatch(/checkers\[0\]: no linearizability model fits the queue workload/);
    expect(problemOf(withChange(linearizable, (s) => (s.wrkload = {})))).toMatch(/^scenarios\/foo\.ts: wrkload: unknown field/);
  });

  test('config entries must be parameters the node knows with values it accepts', () => {
    expect(problemOf(withChange(linearizable, (s) => (s.config = { 'no-such-thing': 'yes' })))).toBe('scenarios/foo.ts: config.no-such-thing: unknown redis.conf parameter');
    expect(problemOf(withChange(linearizable, (s) => (s.config = { appendonly: 'maybe' })))).toMatch(/^scenarios\/foo\.ts: config\.appendonly: /);
    expect(problemOf(withChange(linearizable, (s) => (s.config = { 'debug-stale-reads-ms': 'soon' })))).toMatch(/config\.debug-stale-reads-ms: must be a non-negative integer/);
  });

  test('topologies not built yet are refused as not yet supported', () => {
    expect(problemOf(withChange(linearizable, (s) => (s.topology = { kind: 'cluster', shards: 3, replicasPerShard: 1 })))).toBe(
      "scenarios/foo.ts: topology.kind: 'cluster' is not yet supported (supported: standalone, replicated, sentinel)",
    );
  });

  test('a module whose default export is not an object is refused', () => {
    expect(problemOf(42)).toBe('scenarios/foo.ts: (default export): must be an object, got 42');
  });
});
