import type { DurabilityResult } from '../../checker/durability/check-durability.js';
import type { NotLinearizableResult } from '../../checker/linearizability/linearizability-result.js';
import type { ListAppendResult } from '../../checker/list-append/check-list-append.js';
import type { SetLostWritesResult } from '../../checker/set-lost-writes.js';
import { valueKey } from '../../history/op-value.js';
import type { Op, OpValue } from '../../history/op.js';
import type { CheckResult } from '../checks/run-checks.js';

/** Why ops are highlighted: history op index → the reasons (one per checker finding). */
export type ViolationReasons = ReadonlyMap<number, readonly string[]>;

class ReasonCollector {
  readonly reasons = new Map<number, string[]>();

  add(opIndex: number | null | undefined, reason: string): void {
    if (opIndex === null || opIndex === undefined) return;
    const list = this.reasons.get(opIndex) ?? [];
    if (!list.includes(reason)) list.push(reason);
    this.reasons.set(opIndex, list);
  }
}

function linearizableReasons(result: NotLinearizableResult, collector: ReasonCollector): void {
  const where = result.key === null ? '' : ` on key ${result.key}`;
  for (const op of result.window) collector.add(op.index, `in the non-linearizable window${where}`);
  collector.add(result.failedOp.invoke.index, `could not be linearized${where}: ${result.explanation}`);
  collector.add(result.failedOp.completion?.index, `could not be linearized${where}: ${result.explanation}`);
}

function listAppendReasons(result: ListAppendResult, collector: ReasonCollector): void {
  if (result.valid === 'unknown') return;
  for (const anomaly of result.anomalies) for (const op of anomaly.ops) collector.add(op.index, `${anomaly.type}: ${anomaly.detail}`);
}

function durabilityReasons(result: DurabilityResult, collector: ReasonCollector): void {
  for (const lost of result.lostForbidden) {
    const reason = `acknowledged write lost (${result.rule ?? 'durability contract'}): expected ${JSON.stringify(valueKey(lost.expected))}, found ${JSON.stringify(valueKey(lost.found))}`;
    collector.add(lost.invoke.index, reason);
    collector.add(lost.completion.index, reason);
  }
}

/** The set checker names lost elements, not ops: find the adds that wrote them. */
function setReasons(result: SetLostWritesResult, history: readonly Op[], collector: ReasonCollector): void {
  for (const summary of result.keys) {
    const flag = (elements: readonly OpValue[], reason: string): void => {
      const wanted = new Set(elements.map((element) => valueKey(element)));
      for (const op of history) {
        if ((op.key ?? null) !== summary.key || !(op.f === 'add' || op.f === 'sadd')) continue;
        if (wanted.has(valueKey(op.value))) collector.add(op.index, reason);
      }
    };
    flag(summary.lost, 'acknowledged add missing from the final read (lost write)');
    flag(summary.failedButPresent, 'failed add present in the final read');
    if (summary.phantom.length > 0) collector.add(summary.finalReadOpIndex, `final read shows elements nobody added: ${summary.phantom.map((element) => valueKey(element)).join(' ')}`);
  }
}

/** The ops the failed checks point at, with why: what the timeline highlights. */
export function violatingOps(checkResults: Readonly<Record<string, CheckResult>>, history: readonly Op[]): ViolationReasons {
  const collector = new ReasonCollector();
  for (const [checker, result] of Object.entries(checkResults)) {
    if (result.valid !== false) continue;
    switch (checker) {
      case 'linearizable':
        linearizableReasons(result as NotLinearizableResult, collector);
        break;
      case 'list-append':
        listAppendReasons(result as ListAppendResult, collector);
        break;
      case 'durability':
        durabilityReasons(result as DurabilityResult, collector);
        break;
      case 'set':
        setReasons(result as SetLostWritesResult, history, collector);
        break;
      default:
        break;
    }
  }
  return collector.reasons;
}
