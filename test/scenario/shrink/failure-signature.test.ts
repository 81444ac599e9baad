import { describe, expect, it } from 'vitest';
import { describeSignature, failsTheSameWay, failureSignatureOf } from '../../../src/scenario/shrink/failure-signature.js';
import { baseScenario, fakeOutput } from './support.js';

describe('failure signatures', () => {
  const scenario = baseScenario();

  it('has none for a valid run', () => {
    expect(failureSignatureOf(fakeOutput(scenario, 1, { verdict: 'valid' }), scenario.expect)).toBeNull();
  });

  it('prefers the expected anomaly, else the first found', () => {
    const expected = failureSignatureOf(fakeOutput(scenario, 1, { verdict: 'invalid', anomalies: ['failed-but-present', 'lost-writes'] }), scenario.expect);
    expect(expected?.anomaly).toBe('lost-writes');
    const other = failureSignatureOf(fakeOutput(scenario, 1, { verdict: 'invalid', anomalies: ['phantom'] }), scenario.expect);
    expect(other?.anomaly).toBe('phantom');
    expect(describeSignature(other ?? expect.fail('a signature'))).toBe('invalid (phantom)');
  });

  it('matches only the same verdict with the same anomaly, crash contract or liveness phase', () => {
    const lost = failureSignatureOf(fakeOutput(scenario, 1, { verdict: 'invalid', anomalies: ['lost-writes'] }), scenario.expect);
    if (lost === null) throw new Error('expected a signature');
    expect(failsTheSameWay(lost, fakeOutput(scenario, 1, { verdict: 'invalid', anomalies: ['lost-writes', 'phantom'] }))).toBe(true);
    expect(failsTheSameWay(lost, fakeOutput(scenario, 1, { verdict: 'invalid', anomalies: ['phantom'] }))).toBe(false);
    expect(failsTheSameWay(lost, fakeOutput(scenario, 1, { verdict: 'liveness', livenessPhase: 'quiesce' }))).toBe(false);
    const crash = failureSignatureOf(fakeOutput(scenario, 1, { verdict: 'crash', crashContract: 'a reply per request' }), scenario.expect);
    if (crash === null) throw new Error('expected a signature');
    expect(failsTheSameWay(crash, fakeOutput(scenario, 1, { verdict: 'crash', crashContract: 'a reply per request' }))).toBe(true);
    expect(failsTheSameWay(crash, fakeOutput(scenario, 1, { verdict: 'crash', crashContract: 'another contract' }))).toBe(false);
    const liveness = failureSignatureOf(fakeOutput(scenario, 1, { verdict: 'liveness', livenessPhase: 'final-reads' }), scenario.expect);
    if (liveness === null) throw new Error('expected a signature');
    expect(failsTheSameWay(liveness, fakeOutput(scenario, 1, { verdict: 'liveness', livenessPhase: 'quiesce' }))).toBe(false);
  });
});
