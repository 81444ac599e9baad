import { defineScenario } from '../src/scenario/scenario.js';
import tornTail from './aof-torn-tail.js';

/**
 * aof-torn-tail with a planted careless repair: after a garbled tail makes
 * the node refuse to start, the "operator" cuts the AOF at the last whole
 * command even inside a MULTI and closes it with an EXEC, so the node loads
 * half a transaction. The durability checker must call the run invalid
 * (half-transaction): a test that the harness sees what redis-check-aof's
 * cut-before-the-MULTI rule prevents.
 */
export default defineScenario({
  ...tornTail,
  name: 'aof-torn-tail-planted-half-multi',
  description: 'aof-torn-tail with a planted repair that keeps half a MULTI after a garbled tail: the durability checker finds half a transaction (expect invalid)',
  recovery: { onAofLoadError: 'planted-keep-half-multi', repairDelayMs: 500 },
  seeds: [1, 2, 3],
  expect: { valid: false, anomaly: 'half-transaction', detectionRateMin: 0.6, startRefusals: 'allowed' },
});
