import { describe, expect, test } from 'vitest';
import casRegisterEval from '../../../scenarios/cas-register-eval.js';
import linearizable from '../../../scenarios/single-node-linearizable.js';
import plantedStaleRead from '../../../scenarios/planted-stale-read.js';
import { problemOf, withChange } from '../../support/scenario-validation.js';

describe('workload.casVia validation', () => {
  test('cas-register accepts watch and eval, and the field may be left out', () => {
    expect(problemOf(casRegisterEval)).toBe('valid');
    expect(problemOf(withChange(linearizable, (s) => (s.workload.casVia = 'eval')))).toBe('valid');
    expect(problemOf(withChange(linearizable, (s) => (s.workload.casVia = 'watch')))).toBe('valid');
    expect(problemOf(linearizable)).toBe('valid');
  });

  test('an unknown way is refused with the file, the field and the value', () => {
    expect(problemOf(withChange(linearizable, (s) => (s.workload.casVia = 'lua')))).toBe('scenarios/foo.ts: workload.casVia: must be one of watch, eval, got "lua"');
    expect(problemOf(withChange(linearizable, (s) => (s.workload.casVia = 1)), 'scenarios/bar.ts')).toBe('scenarios/bar.ts: workload.casVia: must be one of watch, eval, got 1');
  });

  test('casVia on a workload other than cas-register is refused', () => {
    expect(problemOf(withChange(plantedStaleRead, (s) => (s.workload.casVia = 'eval')))).toBe('scenarios/foo.ts: workload.casVia: applies only to the cas-register workload, not register');
  });
});
