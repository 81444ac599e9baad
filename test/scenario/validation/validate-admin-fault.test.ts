import { describe, expect, test } from 'vitest';
import failoverCommand from '../../../scenarios/failover-command.js';
import linearizable from '../../../scenarios/single-node-linearizable.js';
import { problemOf, withChange } from '../../support/scenario-validation.js';

describe('admin faults in scenario files', () => {
  test('a timeline admin command with a target and a non-empty argv of strings is accepted', () => {
    expect(problemOf(failoverCommand)).toBe('valid');
    expect(problemOf(withChange(failoverCommand, (s) => (s.nemesis.timeline[0].fault.argv = ['CONFIG', 'SET', 'appendonly', 'yes'])))).toBe('valid');
  });

  test('an empty argv, a non-string argument or a missing argv is refused, naming the field', () => {
    expect(problemOf(withChange(failoverCommand, (s) => (s.nemesis.timeline[0].fault.argv = [])))).toBe('scenarios/foo.ts: nemesis.timeline[0].fault.argv: must name a command');
    expect(problemOf(withChange(failoverCommand, (s) => (s.nemesis.timeline[1].fault.argv = ['FAILOVER', 2000])))).toMatch(/^scenarios\/foo\.ts: nemesis\.timeline\[1\]\.fault\.argv\[1\]: /);
    expect(problemOf(withChange(failoverCommand, (s) => delete s.nemesis.timeline[0].fault.argv))).toMatch(/^scenarios\/foo\.ts: nemesis\.timeline\[0\]\.fault\.argv: /);
  });

  test('an unknown target is refused like any fault target', () => {
    expect(problemOf(withChange(failoverCommand, (s) => (s.nemesis.timeline[0].fault.target = 'n9')))).toMatch(/nemesis\.timeline\[0\]\.fault\.target: unknown target "n9"/);
  });

  test('a swarm cannot draw admin commands', () => {
    expect(problemOf(withChange(linearizable, (s) => (s.nemesis.swarm.weights.admin = 1)))).toBe('scenarios/foo.ts: nemesis.swarm.weights.admin: admin commands go in a timeline, a swarm cannot draw them');
  });
});
