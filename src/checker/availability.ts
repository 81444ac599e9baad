import { usToMs } from '../core/units.js';
import type { Op } from '../history/op.js';
import { pairOperations, type Operation } from '../history/operation.js';
import { isDuringFault, lastHealUs, type FaultWindow } from './fault-window.js';
import type { Validity } from './verdict.js';

export interface AvailabilityOptions {
  /** Bounds that make the verdict false when not met. */
  readonly okFractionMin?: number;
  readonly okFractionAfterHealMin?: number;
  readonly recoveryMsMax?: number;
}

export interface OkShare {
  readonly operations: number;
  /** Null when there were no operations. */
  readonly okFraction: number | null;
}

export interface Recovery {
  readonly kind: string;
  readonly healUs: number;
  /** From the heal to the first ok completion of an operation invoked after it; null if none came. */
  readonly recoveryMs: number | null;
}

export interface AvailabilityResult {
  readonly valid: Validity;
  readonly overall: OkShare;
  /** Operations invoked while some fault was active. */
  readonly duringFaults: OkShare;
  /** Operations invoked after the last fault healed (null without faults). */
  readonly afterHeal: OkShare | null;
  /** The longest stretch without any ok completion while clients kept trying. */
  readonly longestUnavailable: { readonly startUs: number; readonly endUs: number; readonly durationMs: number } | null;
  readonly recoveries: readonly Recovery[];
  readonly violations: readonly string[];
}

function okShare(operations: readonly Operation[]): OkShare {
  if (operations.length === 0) return { operations: 0, okFraction: null };
  return { operations: operations.length, okFraction: operations.filter((operation) => operation.outcome === 'ok').length / operations.length };
}

function okCompletionTimes(operations: readonly Operation[]): number[] {
  const times: number[] = [];
  for (const operation of operations) if (operation.outcome === 'ok' && operation.completion !== null) times.push(operation.completion.time);
  return times.sort((left, right) => left - right);
}

/** Gaps between ok completions, from the first invocation to the last event; a trailing gap counts only if clients tried and failed in it. */
function longestGap(operations: readonly Operation[], okTimes: readonly number[]): AvailabilityResult['longestUnavailable'] {
  if (operations.length === 0) return null;
  let firstInvokeUs = Number.POSITIVE_INFINITY;
  let lastEventUs = Number.NEGATIVE_INFINITY;
  for (const operation of operations) {
    firstInvokeUs = Math.min(firstInvokeUs, operation.invoke.time);
    lastEventUs = Math.max(lastEventUs, operation.completion?.time ?? operation.invoke.time);
  }
  const lastOkUs = okTimes[okTimes.length - 1];
  const triedAfterLastOk = operations.some((operation) => operation.outcome !== 'ok' && (lastOkUs === undefined || operation.invoke.time >= lastOkUs));
  const bounds = [firstInvokeUs, ...okTimes, ...(triedAfterLastOk ? [lastEventUs] : [])];
  let best: AvailabilityResult['longestUnavailable'] = null;
  for (let index = 1; index < bounds.length; index++) {
    const startUs = bounds[index - 1] ?? 0;
    const endUs = bounds[index] ?? 0;
    if (best === null || endUs - startUs > best.endUs - best.startUs) best = { startUs, endUs, durationMs: usToMs(endUs - startUs) };
  }
  return best;
}

function recoveries(operations: readonly Operation[], faults: readonly FaultWindow[]): Recovery[] {
  return faults
    .filter((fault) => Number.isFinite(fault.endUs))
    .map((fault) => {
      let firstOkUs = Number.POSITIVE_INFINITY;
      for (const operation of operations) {
        if (operation.outcome !== 'ok' || operation.completion === null || operation.invoke.time < fault.endUs) continue;
        firstOkUs = Math.min(firstOkUs, operation.completion.time);
      }
      return { kind: fault.kind, healUs: fault.endUs, recoveryMs: Number.isFinite(firstOkUs) ? usToMs(firstOkUs - fault.endUs) : null };
    });
}

function violationsOf(result: Omit<AvailabilityResult, 'valid' | 'violations'>, options: AvailabilityOptions): string[] {
  const violations: string[] = [];
  const overallOk = result.overall.okFraction;
  if (options.okFractionMin !== undefined && overallOk !== null && overallOk < options.okFractionMin) violations.push(`ok fraction ${overallOk} < ${options.okFractionMin}`);
  const afterOk = result.afterHeal?.okFraction ?? null;
  if (options.okFractionAfterHealMin !== undefined && afterOk !== null && afterOk < options.okFractionAfterHealMin) {
    violations.push(`ok fraction after heal ${afterOk} < ${options.okFractionAfterHealMin}`);
  }
  const recoveryMsMax = options.recoveryMsMax;
  if (recoveryMsMax !== undefined) {
    for (const recovery of result.recoveries) {
      if (recovery.recoveryMs === null || recovery.recoveryMs > recoveryMsMax) {
        violations.push(`no recovery within ${recoveryMsMax} ms after the ${recovery.kind} healed at ${recovery.healUs} µs`);
      }
    }
  }
  return violations;
}

/**
 * Availability over a history and the injected faults: ok fraction overall,
 * during faults and after the last heal; the longest stretch without an ok
 * completion; time to the first success after each heal. Valid unless a
 * given bound is missed; 'unknown' without operations.
 */
export function checkAvailability(history: readonly Op[], faults: readonly FaultWindow[], options: AvailabilityOptions = {}): AvailabilityResult {
  const pairing = pairOperations(history);
  const operations = pairing.ok ? pairing.operations : [];
  const healUs = lastHealUs(faults);
  const measured = {
    overall: okShare(operations),
    duringFaults: okShare(operations.filter((operation) => isDuringFault(operation.invoke.time, faults))),
    afterHeal: healUs === undefined ? null : okShare(operations.filter((operation) => operation.invoke.time >= healUs)),
    longestUnavailable: longestGap(operations, okCompletionTimes(operations)),
    recoveries: recoveries(operations, faults),
  };
  const violations = pairing.ok ? violationsOf(measured, options) : [`op ${pairing.problem.opIndex}: ${pairing.problem.problem}`];
  const valid: Validity = !pairing.ok || operations.length === 0 ? 'unknown' : violations.length === 0;
  return { valid, ...measured, violations };
}
