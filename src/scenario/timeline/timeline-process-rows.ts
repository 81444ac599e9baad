import type { ProcessId } from '../../history/op.js';
import { type ChartSection, labelText, timedRect } from './svg-parts.js';
import type { TimelineOperation } from './timeline-operations.js';
import { SECTION_TITLE_PX } from './timeline-rows.js';
import { px, type TimeScale, xOf } from './timeline-scale.js';
import type { ViolationReasons } from './violating-ops.js';

export const PROCESS_ROW_PX = 13;
const BAR_PX = 9;

/** The reasons to highlight an operation: those of its invocation and of its completion. */
export function reasonsOf(operation: TimelineOperation, reasons: ViolationReasons): string[] {
  const found = [...(reasons.get(operation.invokeIndex) ?? [])];
  if (operation.completionIndex !== null) for (const reason of reasons.get(operation.completionIndex) ?? []) if (!found.includes(reason)) found.push(reason);
  return found;
}

function processLabel(process: ProcessId): string {
  return typeof process === 'number' ? `p${process}` : process;
}

/** One row per client process: a bar per operation from invocation to completion, colored by outcome. */
export function processSection(scale: TimeScale, operations: readonly TimelineOperation[], processes: readonly ProcessId[], reasons: ViolationReasons, top: number): ChartSection {
  const rowOf = new Map(processes.map((process, row) => [process, row] as const));
  const labels = [labelText('section-title', `processes (${processes.length})`, top + 14)];
  processes.forEach((process, row) => labels.push(labelText('row-label process', processLabel(process), top + SECTION_TITLE_PX + row * PROCESS_ROW_PX + 10, 16)));
  const ordinary: string[] = [];
  const highlighted: string[] = [];
  for (const operation of operations) {
    const row = rowOf.get(operation.process) ?? 0;
    const y = top + SECTION_TITLE_PX + row * PROCESS_ROW_PX + (PROCESS_ROW_PX - BAR_PX) / 2;
    const violating = reasonsOf(operation, reasons).length > 0;
    const pending = operation.endUs === null;
    const className = `${pending ? 'pending-op' : `op ${operation.outcome}`}${violating ? ' violating' : ''}`;
    const shape = { className, startUs: operation.startUs, endUs: operation.endUs ?? scale.endUs, y, height: BAR_PX, minWidthPx: 2, data: { id: operation.id } };
    (violating ? highlighted : ordinary).push(timedRect(scale, shape));
  }
  // Highlighted bars go last so nothing paints over their outline.
  return { labels, plot: [...ordinary, ...highlighted], height: SECTION_TITLE_PX + Math.max(processes.length, 1) * PROCESS_ROW_PX + 4 };
}

export const MARKER_ROW_PX = 16;

/** A row of triangles, one at the start of each violating operation, so sparse violations stand out at any zoom. */
export function violationMarkerSection(scale: TimeScale, operations: readonly TimelineOperation[], reasons: ViolationReasons, top: number): ChartSection {
  const flagged = operations.filter((operation) => reasonsOf(operation, reasons).length > 0);
  if (flagged.length === 0) return { labels: [], plot: [], height: 0 };
  const plot = flagged.map((operation) => {
    const x = px(xOf(scale, operation.startUs) - 5);
    return `<svg class="violation-mark" x="${x}" y="${px(top + 4)}" width="10" height="10" data-t0="${operation.startUs}" data-dx="-5" data-id="${operation.id}"><polygon points="0,0 10,0 5,9"/></svg>`;
  });
  return { labels: [labelText('section-title', `violations (${flagged.length})`, top + 12)], plot, height: MARKER_ROW_PX };
}
