import type { Operation } from '../../history/operation.js';
import type { AnyLinearizabilityModel } from './model.js';
import type { SearchCall } from './search-call.js';

/** An operation with its model input: a search call that remembers where it came from. */
export interface PreparedOperation<Input> extends SearchCall<Input> {
  readonly operation: Operation;
}

export interface Partition<Input> {
  readonly key: string;
  readonly operations: readonly PreparedOperation<Input>[];
}

export type Preparation<Input> =
  | { readonly ok: true; readonly partitions: readonly Partition<Input>[]; readonly skippedCount: number; readonly failedCount: number }
  | { readonly ok: false; readonly problem: string };

/**
 * Turns operations into search calls, split by partition key (P-compositionality:
 * operations on different keys are checked apart). `fail`s are dropped (they
 * did not happen), as are operations the model says cannot matter.
 */
export function prepareOperations(model: AnyLinearizabilityModel, operations: readonly Operation[]): Preparation<unknown> {
  const byKey = new Map<string, PreparedOperation<unknown>[]>();
  let skippedCount = 0;
  let failedCount = 0;
  for (const operation of operations) {
    if (operation.outcome === 'fail') {
      failedCount++;
      continue;
    }
    const prepared = model.prepare(operation);
    if (prepared.kind === 'unsupported') return { ok: false, problem: prepared.problem };
    if (prepared.kind === 'skip') {
      skippedCount++;
      continue;
    }
    const completion = operation.completion;
    const returnPosition = operation.outcome === 'ok' && completion !== null ? completion.index : Number.POSITIVE_INFINITY;
    const key = model.partitionKey(operation);
    const list = byKey.get(key) ?? [];
    list.push({ operation, input: prepared.input, invokePosition: operation.invoke.index, returnPosition });
    byKey.set(key, list);
  }
  const keys = [...byKey.keys()].sort();
  const partitions = keys.map((key) => ({ key, operations: byKey.get(key) ?? [] }));
  return { ok: true, partitions, skippedCount, failedCount };
}
