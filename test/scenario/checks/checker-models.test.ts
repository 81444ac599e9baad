import { describe, expect, test } from 'vitest';
import { checkerMismatch, linearizabilityModelOf } from '../../../src/scenario/checks/checker-models.js';
import { workloadKinds } from '../../../src/workload/workload-kind.js';

describe('which checker fits which workload', () => {
  test('workloads with a linearizability model use it; list-append and queue have none', () => {
    expect(workloadKinds.map((kind) => linearizabilityModelOf(kind))).toEqual(['register', 'cas-register', 'kv', 'counter', 'set', null, null]);
  });

  test('set and list-append checkers need their own workload; convergence and availability fit all', () => {
    expect(checkerMismatch('set', 'set')).toBeUndefined();
    expect(checkerMismatch('set', 'register')).toBeDefined();
    expect(checkerMismatch('list-append', 'list-append')).toBeUndefined();
    expect(checkerMismatch('list-append', 'kv')).toBeDefined();
    expect(checkerMismatch('durability', 'kv')).toBeDefined();
    expect(checkerMismatch('durability', 'set')).toBeUndefined();
    for (const kind of workloadKinds) {
      expect(checkerMismatch('convergence', kind)).toBeUndefined();
      expect(checkerMismatch('availability', kind)).toBeUndefined();
    }
  });
});
