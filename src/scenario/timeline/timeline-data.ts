import type { AppliedFault } from '../../nemesis/applied-fault.js';
import type { NodeSpan } from '../run-output.js';
import { reasonsOf } from './timeline-process-rows.js';
import type { TimelineOperation } from './timeline-operations.js';
import type { TimeScale } from './timeline-scale.js';
import { valueText } from './value-text.js';
import type { ViolationReasons } from './violating-ops.js';

/** What the page's script reads (tooltips, zoom): the drawn elements' details, by their data-* index. */
export interface TimelinePageData {
  readonly endUs: number;
  readonly pxPerUs: number;
  readonly ops: readonly Readonly<Record<string, string | number | null | readonly string[]>>[];
  readonly faults: readonly Readonly<Record<string, string | number | boolean | null>>[];
  readonly spans: readonly Readonly<Record<string, string | number>>[];
}

function operationData(operation: TimelineOperation, reasons: ViolationReasons): Readonly<Record<string, string | number | null | readonly string[]>> {
  return {
    process: String(operation.process),
    f: operation.f,
    key: operation.key,
    invoked: valueText(operation.invokeValue),
    completed: operation.completionValue === null ? null : valueText(operation.completionValue),
    outcome: operation.outcome,
    startUs: operation.startUs,
    endUs: operation.endUs,
    node: operation.node,
    error: operation.error === null ? null : valueText(operation.error),
    ops: operation.completionIndex === null ? `${operation.invokeIndex}` : `${operation.invokeIndex}, ${operation.completionIndex}`,
    reasons: reasonsOf(operation, reasons),
  };
}

function faultData(fault: AppliedFault): Readonly<Record<string, string | number | boolean | null>> {
  const details = Object.entries(fault.details)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(' ');
  return { id: fault.id, kind: fault.kind, target: fault.target, startUs: fault.startUs, endUs: fault.endUs, effective: fault.effective, details };
}

export function timelinePageData(scale: TimeScale, operations: readonly TimelineOperation[], faults: readonly AppliedFault[], spans: readonly NodeSpan[], reasons: ViolationReasons): TimelinePageData {
  return {
    endUs: scale.endUs,
    pxPerUs: scale.pxPerUs,
    ops: operations.map((operation) => operationData(operation, reasons)),
    faults: faults.map(faultData),
    spans: spans.map((span) => ({ host: span.host, role: span.role, state: span.state, startUs: span.fromUs, endUs: span.toUs })),
  };
}
