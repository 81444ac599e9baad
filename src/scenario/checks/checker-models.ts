import type { ModelName } from '../../checker/linearizability/model.js';
import type { WorkloadKind } from '../../workload/workload-kind.js';
import type { CheckerName } from '../scenario.js';

/** The linearizability model a workload's history fits, or null when none does (list-append, queue). */
export function linearizabilityModelOf(kind: WorkloadKind): ModelName | null {
  switch (kind) {
    case 'register':
    case 'cas-register':
    case 'kv':
    case 'counter':
    case 'set':
      return kind;
    case 'list-append':
    case 'queue':
      return null;
  }
}

/** Why `checker` cannot judge a `kind` history, or undefined when it can. */
export function checkerMismatch(checker: CheckerName, kind: WorkloadKind): string | undefined {
  switch (checker) {
    case 'linearizable':
      return linearizabilityModelOf(kind) === null ? `no linearizability model fits the ${kind} workload (use list-append for list-append)` : undefined;
    case 'list-append':
      return kind === 'list-append' ? undefined : `the list-append checker needs the list-append workload, not ${kind}`;
    case 'set':
      return kind === 'set' ? undefined : `the set checker needs the set workload, not ${kind}`;
    case 'durability':
      // kv: a SET legitimately erases earlier appends, which the contract's append rule would count as lost.
      return kind === 'counter' || kind === 'queue' || kind === 'kv' ? `the durability checker cannot judge ${kind} histories` : undefined;
    case 'convergence':
    case 'availability':
      return undefined;
  }
}
