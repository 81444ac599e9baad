import { describe, expect, test } from 'vitest';
import { problemOf, withChange } from '../../support/scenario-validation.js';
import tornTail from '../../../scenarios/aof-torn-tail.js';
import plantedHalfMulti from '../../../scenarios/aof-torn-tail-planted-half-multi.js';

describe('scenario validation: disk, recovery, expect.startRefusals', () => {
  test('the scenarios that use them are valid', () => {
    expect(problemOf(tornTail)).toBe('valid');
    expect(problemOf(plantedHalfMulti)).toBe('valid');
    expect(problemOf(withChange(tornTail, (s) => delete s.disk))).toBe('valid');
    expect(problemOf(withChange(tornTail, (s) => (s.disk = { powerLoss: { garble: 3 } })))).toBe('valid');
  });

  test('a power-loss policy field that does not exist is named with its known fields', () => {
    expect(problemOf(withChange(tornTail, (s) => (s.disk.powerLoss.tornTail = 1)))).toBe('scenarios/foo.ts: disk.powerLoss.tornTail: unknown field (known: lose, keepPrefix, tornSectors, garble, directoryCommitProbability)');
    expect(problemOf(withChange(tornTail, (s) => (s.disk.latency = {})))).toBe('scenarios/foo.ts: disk.latency: unknown field (known: powerLoss)');
  });

  test('a bad weight or probability is named with its value', () => {
    expect(problemOf(withChange(tornTail, (s) => (s.disk.powerLoss.garble = -1)))).toBe('scenarios/foo.ts: disk.powerLoss.garble: must not be negative, got -1');
    expect(problemOf(withChange(tornTail, (s) => (s.disk.powerLoss.lose = 'often')))).toBe('scenarios/foo.ts: disk.powerLoss.lose: must be a finite number, got "often"');
    expect(problemOf(withChange(tornTail, (s) => (s.disk.powerLoss = { directoryCommitProbability: 2 })))).toBe('scenarios/foo.ts: disk.powerLoss.directoryCommitProbability: must be between 0 and 1, got 2');
    expect(problemOf(withChange(tornTail, (s) => (s.disk.powerLoss = { lose: 0, keepPrefix: 0, tornSectors: 0 })))).toBe('scenarios/foo.ts: disk.powerLoss: needs a positive weight among lose, keepPrefix, tornSectors, garble');
  });

  test('recovery names an action the operator knows, on an AOF', () => {
    expect(problemOf(withChange(tornTail, (s) => (s.recovery.onAofLoadError = 'reboot')))).toBe('scenarios/foo.ts: recovery.onAofLoadError: must be one of none, check-aof-fix, planted-keep-half-multi, got "reboot"');
    expect(problemOf(withChange(tornTail, (s) => (s.recovery.repairDelayMs = -3)))).toBe('scenarios/foo.ts: recovery.repairDelayMs: must not be negative, got -3');
    expect(problemOf(withChange(tornTail, (s) => (s.recovery.when = 'now')))).toBe('scenarios/foo.ts: recovery.when: unknown field (known: onAofLoadError, repairDelayMs)');
    expect(problemOf(withChange(tornTail, (s) => (s.config.appendonly = 'no')))).toBe('scenarios/foo.ts: recovery.onAofLoadError: check-aof-fix repairs an AOF: it needs config.appendonly: "yes"');
  });

  test('expect.startRefusals is none, allowed or required', () => {
    expect(problemOf(withChange(tornTail, (s) => (s.expect.startRefusals = 'sometimes')))).toBe('scenarios/foo.ts: expect.startRefusals: must be one of none, allowed, required, got "sometimes"');
    expect(problemOf(withChange(tornTail, (s) => (s.expect.startRefusals = 'none')))).toBe('valid');
    expect(problemOf(withChange(plantedHalfMulti, (s) => (s.expect.startRefusals = 'required')))).toBe('valid');
  });
});
