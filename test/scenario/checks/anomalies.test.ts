import { describe, expect, test } from 'vitest';
import { anomaliesOf, anomaliesOfChecks } from '../../../src/scenario/checks/anomalies.js';
import { compactOutcome } from '../../../src/scenario/checks/check-outcome.js';
import type { CheckResult } from '../../../src/scenario/checks/run-checks.js';

const lostSet = { valid: false, acknowledged: 10, lostCount: 3, recoveredCount: 0, phantomCount: 1, failedButPresentCount: 0, lostFraction: 0.3, keys: [{ lost: [1, 2, 3] }] } as unknown as CheckResult;

describe('anomalies a failed check stands for', () => {
  test('a valid or unknown check stands for none', () => {
    expect(anomaliesOf('set', { valid: true })).toEqual([]);
    expect(anomaliesOf('linearizable', { valid: 'unknown' })).toEqual([]);
  });

  test('each checker names its anomalies', () => {
    expect(anomaliesOf('linearizable', { valid: false })).toEqual(['not-linearizable']);
    expect(anomaliesOf('set', lostSet)).toEqual(['lost-writes', 'phantom']);
    expect(anomaliesOf('list-append', { valid: false, anomalyCounts: { 'stale-read': 2, 'lost-append': 1 } } as unknown as CheckResult)).toEqual(['lost-append', 'stale-read']);
    expect(anomaliesOf('durability', { valid: false })).toEqual(['lost-writes']);
    expect(anomaliesOf('convergence', { valid: false })).toEqual(['divergence']);
  });

  test('the anomalies of a run are sorted and unique', () => {
    expect(anomaliesOfChecks({ set: lostSet, durability: { valid: false }, linearizable: { valid: true } })).toEqual(['lost-writes', 'phantom']);
  });

  test('a compact outcome keeps the verdict, the counts and a sample of the evidence', () => {
    expect(compactOutcome('set', lostSet)).toEqual({ valid: false, acknowledged: 10, lostCount: 3, recoveredCount: 0, phantomCount: 1, failedButPresentCount: 0, lostFraction: 0.3, lostSample: [1, 2, 3], anomalies: ['lost-writes', 'phantom'] });
  });
});
