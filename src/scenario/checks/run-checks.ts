import { checkAvailability } from '../../checker/availability.js';
import { checkConvergence, type NodeDigest } from '../../checker/convergence.js';
import { checkDurabilityContract } from '../../checker/durability/check-durability.js';
import type { PersistenceSummary, RecoveredState } from '../../checker/durability/durability-input.js';
import type { FaultWindow } from '../../checker/fault-window.js';
import { checkLinearizability } from '../../checker/linearizability/check-linearizability.js';
import { checkListAppend } from '../../checker/list-append/check-list-append.js';
import { checkSetLostWrites } from '../../checker/set-lost-writes.js';
import type { Validity } from '../../checker/verdict.js';
import { assert, assertNever } from '../../core/assert.js';
import type { Op } from '../../history/op.js';
import type { CheckerName, Scenario } from '../scenario.js';
import { linearizabilityModelOf } from './checker-models.js';

/** What the checkers look at besides the history. */
export interface CheckInputs {
  readonly history: readonly Op[];
  readonly faults: readonly FaultWindow[];
  readonly digests: readonly NodeDigest[];
  readonly persistence: PersistenceSummary;
  readonly recovered: RecoveredState;
}

/** A checker's full result: `valid` plus its evidence (each checker's own result type). */
export interface CheckResult {
  readonly valid: Validity;
}

/** A field of a check's evidence, by name. */
export function evidenceField(result: CheckResult, field: string): unknown {
  return (result as unknown as Readonly<Record<string, unknown>>)[field];
}

function runOne(name: CheckerName, scenario: Scenario, inputs: CheckInputs): CheckResult {
  switch (name) {
    case 'linearizable': {
      const model = linearizabilityModelOf(scenario.workload.kind);
      assert(model !== null, 'validation allows the linearizable checker only for workloads with a model');
      return checkLinearizability(inputs.history, { model });
    }
    case 'list-append':
      return checkListAppend(inputs.history);
    case 'set':
      return checkSetLostWrites(inputs.history);
    case 'durability':
      return checkDurabilityContract({ history: inputs.history, persistence: inputs.persistence, faults: inputs.faults, recovered: inputs.recovered });
    case 'convergence':
      return checkConvergence(inputs.digests);
    case 'availability':
      return checkAvailability(inputs.history, inputs.faults);
    default:
      return assertNever(name, 'a known checker');
  }
}

/** Runs the scenario's checkers, in the scenario's order. */
export function runChecks(scenario: Scenario, inputs: CheckInputs): Readonly<Record<string, CheckResult>> {
  const results: Record<string, CheckResult> = {};
  for (const name of scenario.checkers) results[name] = runOne(name, scenario, inputs);
  return results;
}
