import type { Op } from '../history/op.js';
import type { RunOutput } from './run-output.js';
import { escapeHtml, scriptSafeJson } from './timeline/html-escape.js';
import type { ChartSection } from './timeline/svg-parts.js';
import { AXIS_HEIGHT_PX, axisSection, phaseMarks } from './timeline/timeline-axis.js';
import { timelinePageData } from './timeline/timeline-data.js';
import { processesOf, type TimelineOperation, timelineOperations } from './timeline/timeline-operations.js';
import { processSection, reasonsOf, violationMarkerSection } from './timeline/timeline-process-rows.js';
import { faultSection, faultShading, nodeSection, SECTION_TITLE_PX } from './timeline/timeline-rows.js';
import { fitScale, px, type TimeScale, xOf } from './timeline/timeline-scale.js';
import { timelineScript } from './timeline/timeline-script.js';
import { timelineStyle } from './timeline/timeline-style.js';
import { recoverySection } from './timeline/timeline-recovery.js';
import { checksSection, faultsSection, headerSection, violationsSection } from './timeline/timeline-tables.js';
import { type ViolationReasons, violatingOps } from './timeline/violating-ops.js';

/** Operations the chart draws at most (the violating ones always among them); a page stays openable. */
export const TIMELINE_OPERATIONS_MAX = 30_000;
export const LABEL_COLUMN_PX = 118;
/** Room right of the run's end (the last phase's name). */
export const PLOT_RIGHT_PAD_PX = 64;

/** The last instant anything happened: the chart's right edge. */
export function endOfRunUs(output: RunOutput): number {
  const lastOpUs = output.history.reduce((latest: number, op: Op) => Math.max(latest, op.time), 0);
  const lastSpanUs = output.nodeSpans.reduce((latest, span) => Math.max(latest, span.toUs), 0);
  return Math.max(1, output.phases.finalReadsEndUs, output.phases.quiesceEndUs, lastOpUs, lastSpanUs, output.result.stats.simulatedMs * 1000);
}

/** Keeps at most TIMELINE_OPERATIONS_MAX operations: the violating ones, then the earliest; renumbered for the page. */
export function drawnOperations(operations: readonly TimelineOperation[], reasons: ViolationReasons): TimelineOperation[] {
  if (operations.length <= TIMELINE_OPERATIONS_MAX) return [...operations];
  const violating = new Set(operations.filter((operation) => reasonsOf(operation, reasons).length > 0).map((operation) => operation.id));
  let room = TIMELINE_OPERATIONS_MAX - violating.size;
  const kept = operations.filter((operation) => {
    if (violating.has(operation.id)) return true;
    if (room <= 0) return false;
    room--;
    return true;
  });
  return kept.map((operation, id) => ({ ...operation, id }));
}

function stack(scale: TimeScale, output: RunOutput, operations: readonly TimelineOperation[], reasons: ViolationReasons): { labels: string[]; plot: string[]; height: number } {
  const endUs = scale.endUs;
  const sections: ChartSection[] = [axisSection(scale, output.phases)];
  const separators: string[] = [];
  let top = AXIS_HEIGHT_PX;
  const push = (build: (top: number) => ChartSection): ChartSection => {
    const section = build(top);
    if (section.height > 0) separators.push(`<line class="separator" x1="0" x2="100%" y1="${px(top)}" y2="${px(top)}"/>`);
    sections.push(section);
    top += section.height;
    return section;
  };
  push((sectionTop) => nodeSection(scale, output.nodeSpans, sectionTop));
  push((sectionTop) => faultSection(scale, output.faults, endUs, sectionTop));
  push((sectionTop) => violationMarkerSection(scale, operations, reasons, sectionTop));
  const processTop = top;
  const processes = push((sectionTop) => processSection(scale, operations, processesOf(operations), reasons, sectionTop));
  const shading = faultShading(scale, output.faults, endUs, processTop + SECTION_TITLE_PX, processes.height - SECTION_TITLE_PX);
  const phaseLines = phaseMarks(output.phases).map((phase) => `<line class="phase-line" x1="${px(xOf(scale, phase.startUs))}" x2="${px(xOf(scale, phase.startUs))}" y1="${AXIS_HEIGHT_PX}" y2="${top}" data-t0="${phase.startUs}"/>`);
  const plot = [...shading, ...separators, ...phaseLines, ...sections.flatMap((section) => section.plot)];
  return { labels: sections.flatMap((section) => section.labels), plot, height: top };
}

function chart(output: RunOutput, operations: readonly TimelineOperation[], reasons: ViolationReasons, scale: TimeScale, total: number): string {
  const { labels, plot, height } = stack(scale, output, operations, reasons);
  const plotWidth = Math.ceil(xOf(scale, scale.endUs)) + PLOT_RIGHT_PAD_PX;
  const capped = total > operations.length ? `<p class="note">Drawing ${operations.length} of ${total} operations (the violating ones and the earliest others).</p>` : '';
  const legend = [['#2da44e', 'ok'], ['#e5534b', 'fail'], ['#e3a008', 'info (unknown)'], ['#d0d7de', 'never completed']]
    .map(([color, name]) => `<span><i style="background:${color ?? ''}"></i>${escapeHtml(name ?? '')}</span>`)
    .join('');
  const violatingLegend = '<span><i style="background:#fff;border:2.5px solid #b0006d"></i>violating op</span><span><i style="background:rgba(9,105,218,.25)"></i>fault window</span>';
  return [
    `<div class="toolbar"><button id="zoom-out" type="button">−</button><span id="zoom-level">1.0x</span><button id="zoom-in" type="button">+</button><button id="zoom-fit" type="button">fit</button>`,
    `<label><input id="dim-others" type="checkbox"> dim non-violating ops</label><span class="note">ctrl + wheel zooms · hover for details</span><div class="legend">${legend}${violatingLegend}</div></div>${capped}`,
    `<div class="chart"><svg class="chart-labels" width="${LABEL_COLUMN_PX}" height="${px(height)}">${labels.join('')}</svg>`,
    `<div class="chart-scroll" id="plot-scroll"><svg id="plot" xmlns="http://www.w3.org/2000/svg" width="${plotWidth}" height="${px(height)}">${plot.join('\n')}</svg></div></div>`,
  ].join('\n');
}

/**
 * The run's `timeline.html`: one self-contained page (inline CSS, SVG and
 * script; it loads nothing) with every client operation as a bar from
 * invocation to completion per process, the fault windows as labeled bars
 * and shaded bands, each node's role and state over time, and the ops the
 * failed checks point at highlighted and listed.
 */
export function renderTimelineHtml(output: RunOutput): string {
  const reasons = violatingOps(output.checkResults, output.history);
  const all = timelineOperations(output.history);
  const operations = drawnOperations(all, reasons);
  const scale = fitScale(endOfRunUs(output));
  const data = timelinePageData(scale, operations, output.faults, output.nodeSpans, reasons);
  const title = `${output.result.scenario} seed ${output.result.seed}: ${output.result.verdict}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>`,
    `<style>${timelineStyle}</style></head><body>`,
    headerSection(output),
    `<main>${chart(output, operations, reasons, scale, all.length)}`,
    violationsSection(operations, reasons),
    faultsSection(output.faults),
    recoverySection(output.recovery),
    checksSection(output),
    '</main><div id="tooltip"></div>',
    `<script type="application/json" id="timeline-data">${scriptSafeJson(data)}</script>`,
    `<script>${timelineScript}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
