import type { FaultWindow } from '../fault-window.js';
import type { LostWrite } from './durability-input.js';

/** Disk fault kinds that make an fsync persist nothing (a lie) or drop dirty pages (EIO). */
const fsyncDefeatingDiskFaults: ReadonlySet<string> = new Set(['disk', 'disk:fsync-loss', 'disk:fsync-eio', 'disk:fsyncLies', 'disk:fsyncFails']);

/** Whether the fault hit the node the write went to (faults without a target, or ops without a node, match). */
export function hitsNodeOf(fault: FaultWindow, write: LostWrite): boolean {
  const node = write.completion.node ?? write.invoke.node;
  return fault.target === undefined || node === undefined || fault.target.split(',').includes(node);
}

export function describeFault(fault: FaultWindow): string {
  return `${fault.kind}${fault.target === undefined ? '' : ` on ${fault.target}`} at ${(fault.startUs / 1000).toFixed(1)} ms`;
}

/** The first fault of these kinds, on the write's node, that started at or after the write was invoked. */
export function firstFaultAfter(write: LostWrite, faults: readonly FaultWindow[], kinds: ReadonlySet<string>): FaultWindow | undefined {
  let first: FaultWindow | undefined;
  for (const fault of faults) {
    if (!kinds.has(fault.kind) || fault.startUs < write.invoke.time || !hitsNodeOf(fault, write)) continue;
    if (first === undefined || fault.startUs < first.startUs) first = fault;
  }
  return first;
}

/**
 * An fsync-defeating disk fault in force while the write was being made
 * durable (between its invocation and its acknowledgement), followed by a
 * power loss of that node: the write may be gone whatever the policy.
 */
export function diskFaultExcuse(write: LostWrite, faults: readonly FaultWindow[]): FaultWindow | undefined {
  const powerLoss = firstFaultAfter(write, faults, new Set(['power-loss']));
  if (powerLoss === undefined) return undefined;
  return faults.find(
    (fault) => fsyncDefeatingDiskFaults.has(fault.kind) && hitsNodeOf(fault, write) && fault.startUs <= write.completion.time && fault.endUs >= write.invoke.time,
  );
}
