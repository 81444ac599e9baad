import type { Op } from '../../history/op.js';
import type { AnyLinearizabilityModel } from './model.js';
import type { PreparedOperation } from './prepared-operation.js';

/**
 * The operations of a partition up to the return entry the search could not
 * pass (history position `cutPosition`): those that returned by then keep
 * their return, later ones become unknown-outcome (they may or may not have
 * taken effect). Every linearization attempt died at or before that return,
 * so this prefix alone is not linearizable.
 */
export function prefixWindow<Input>(operations: readonly PreparedOperation<Input>[], cutPosition: number): PreparedOperation<Input>[] {
  const window: PreparedOperation<Input>[] = [];
  for (const operation of operations) {
    if (operation.invokePosition >= cutPosition) continue;
    const returnPosition = operation.returnPosition <= cutPosition ? operation.returnPosition : Number.POSITIVE_INFINITY;
    window.push(returnPosition === operation.returnPosition ? operation : { ...operation, returnPosition });
  }
  return window;
}

/**
 * The window as history ops: each invocation, and its completion if it came
 * by `cutPosition` (an unknown-outcome completion stays `info`, so a process
 * that went on after a timeout still pairs up).
 */
export function windowOps(window: readonly PreparedOperation<unknown>[], cutPosition: number): Op[] {
  const ops: Op[] = [];
  for (const { operation } of window) {
    ops.push(operation.invoke);
    if (operation.completion !== null && operation.completion.index <= cutPosition) ops.push(operation.completion);
  }
  return ops.sort((left, right) => left.index - right.index);
}

function producedAndConsumed(model: AnyLinearizabilityModel, operations: readonly PreparedOperation<unknown>[]): { produced: Map<string, number>; consumed: Set<string> } {
  const produced = new Map<string, number>();
  const consumed = new Set<string>();
  for (const operation of operations) {
    const dependencies = model.windowDependencies(operation.input);
    if (dependencies === 'keep') continue;
    for (const value of dependencies.produces) produced.set(value, (produced.get(value) ?? 0) + 1);
    for (const value of dependencies.consumes) consumed.add(value);
  }
  return { produced, consumed };
}

/**
 * Whether the window may lose `chunk` and still explain itself: no dropped
 * operation is kept-always, and no value it produced is still consumed
 * without another producer (nor held initially).
 */
export function canDrop(model: AnyLinearizabilityModel, chunk: readonly PreparedOperation<unknown>[], remaining: readonly PreparedOperation<unknown>[]): boolean {
  const dropped = producedAndConsumed(model, chunk);
  if (chunk.some((operation) => model.windowDependencies(operation.input) === 'keep')) return false;
  if (dropped.produced.size === 0) return true;
  const kept = producedAndConsumed(model, remaining);
  for (const value of dropped.produced.keys()) {
    if (kept.consumed.has(value) && !kept.produced.has(value) && !model.initiallyProduced(value)) return false;
  }
  return true;
}

export interface MinimizeOptions {
  readonly checksMax: number;
  /** True when these operations alone are (still) not linearizable. */
  readonly isStillInvalid: (operations: readonly PreparedOperation<unknown>[]) => boolean;
}

/**
 * Shrinks a non-linearizable window by dropping chunks (halves, quarters,
 * ... single operations), keeping a drop when the rest is still not
 * linearizable. Bounded by `checksMax` re-checks.
 */
export function minimizeWindow(model: AnyLinearizabilityModel, window: readonly PreparedOperation<unknown>[], options: MinimizeOptions): PreparedOperation<unknown>[] {
  let current = window.slice();
  let checks = 0;
  let chunkSize = Math.max(1, Math.ceil(current.length / 2));
  for (;;) {
    let start = 0;
    let droppedAny = false;
    while (start < current.length && checks < options.checksMax) {
      const chunk = current.slice(start, start + chunkSize);
      const remaining = [...current.slice(0, start), ...current.slice(start + chunkSize)];
      if (remaining.length > 0 && canDrop(model, chunk, remaining)) {
        checks++;
        if (options.isStillInvalid(remaining)) {
          current = remaining;
          droppedAny = true;
          continue;
        }
      }
      start += chunkSize;
    }
    if (checks >= options.checksMax || (chunkSize === 1 && !droppedAny)) return current;
    chunkSize = Math.max(1, Math.ceil(chunkSize / 2));
  }
}
