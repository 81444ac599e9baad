import type { AvailabilityResult } from '../../checker/availability.js';
import type { ConvergenceResult } from '../../checker/convergence.js';
import type { DurabilityResult } from '../../checker/durability/check-durability.js';
import type { LinearizabilityResult } from '../../checker/linearizability/linearizability-result.js';
import type { ListAppendResult } from '../../checker/list-append/check-list-append.js';
import type { SetLostWritesResult } from '../../checker/set-lost-writes.js';
import type { CheckOutcome } from '../run-result.js';
import { anomaliesOf } from './anomalies.js';
import type { CheckResult } from './run-checks.js';

const SAMPLE_MAX = 10;

function linearizableOutcome(result: LinearizabilityResult): Record<string, unknown> {
  if (result.valid === true) return { model: result.model, operationsChecked: result.operationsChecked };
  if (result.valid === 'unknown') return { model: result.model, reason: result.reason, detail: result.detail };
  return { model: result.model, key: result.key, explanation: result.explanation, failedOpIndex: result.failedOp.invoke.index, windowOperations: result.windowOperations };
}

function setOutcome(result: SetLostWritesResult): Record<string, unknown> {
  const lost = result.keys.flatMap((key) => key.lost).slice(0, SAMPLE_MAX);
  const { acknowledged, lostCount, recoveredCount, phantomCount, failedButPresentCount, lostFraction } = result;
  return { acknowledged, lostCount, recoveredCount, phantomCount, failedButPresentCount, lostFraction, lostSample: lost, ...(result.detail === undefined ? {} : { detail: result.detail }) };
}

function listAppendOutcome(result: ListAppendResult): Record<string, unknown> {
  if (result.valid === 'unknown') return { reason: result.reason, detail: result.detail };
  return { appends: result.appends, reads: result.reads, keysChecked: result.keysChecked, anomalyCounts: result.anomalyCounts };
}

function durabilityOutcome(result: DurabilityResult): Record<string, unknown> {
  return { rule: result.rule, acknowledgedWrites: result.acknowledgedWrites, lostCount: result.lost.length, lostForbiddenCount: result.lostForbidden.length };
}

function convergenceOutcome(result: ConvergenceResult): Record<string, unknown> {
  if (result.valid === true) return { nodes: result.nodes, digest: result.digest };
  if (result.valid === 'unknown') return { reason: result.reason };
  return { nodes: result.nodes, groups: result.groups };
}

function availabilityOutcome(result: AvailabilityResult): Record<string, unknown> {
  return {
    okFraction: result.overall.okFraction,
    okFractionDuringFaults: result.duringFaults.okFraction,
    okFractionAfterHeal: result.afterHeal?.okFraction ?? null,
    longestUnavailableMs: result.longestUnavailable?.durationMs ?? null,
    violations: result.violations,
  };
}

function evidenceOf(checker: string, result: CheckResult): Record<string, unknown> {
  switch (checker) {
    case 'linearizable':
      return linearizableOutcome(result as LinearizabilityResult);
    case 'set':
      return setOutcome(result as SetLostWritesResult);
    case 'list-append':
      return listAppendOutcome(result as ListAppendResult);
    case 'durability':
      return durabilityOutcome(result as DurabilityResult);
    case 'convergence':
      return convergenceOutcome(result as ConvergenceResult);
    case 'availability':
      return availabilityOutcome(result as AvailabilityResult);
    default:
      return {};
  }
}

/** A check's verdict with a small, JSON-friendly summary of its evidence (the `checks` of `run --json`). */
export function compactOutcome(checker: string, result: CheckResult): CheckOutcome {
  const anomalies = anomaliesOf(checker, result);
  return { valid: result.valid, ...evidenceOf(checker, result), ...(anomalies.length === 0 ? {} : { anomalies }) };
}
