import type { AppliedFault } from '../../nemesis/applied-fault.js';
import type { NodeSpan } from '../run-output.js';
import { type ChartSection, labelText, timedLabeledBox, timedRect } from './svg-parts.js';
import type { TimeScale } from './timeline-scale.js';

export const SECTION_TITLE_PX = 20;
export const NODE_ROW_PX = 18;
export const FAULT_ROW_PX = 17;

/** A CSS class fragment from free text (roles, states, kinds). */
export function classToken(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** One row per store host: its role and process state over time. */
export function nodeSection(scale: TimeScale, spans: readonly NodeSpan[], top: number): ChartSection {
  const hosts = [...new Set(spans.map((span) => span.host))];
  const labels = [labelText('section-title', 'nodes', top + 14)];
  const plot: string[] = [];
  hosts.forEach((host, row) => {
    const y = top + SECTION_TITLE_PX + row * NODE_ROW_PX;
    labels.push(labelText('row-label', host, y + 13, 16));
    spans.forEach((span, index) => {
      if (span.host !== host || span.toUs <= span.fromUs) return;
      const label = span.state === 'running' ? span.role : `${span.role} · ${span.state}`;
      const className = `span role-${classToken(span.role)} state-${classToken(span.state)}`;
      plot.push(timedLabeledBox(scale, { className, startUs: span.fromUs, endUs: span.toUs, y: y + 2, height: NODE_ROW_PX - 4, minWidthPx: 1, data: { span: index } }, label));
    });
  });
  return { labels, plot, height: SECTION_TITLE_PX + Math.max(hosts.length, 1) * NODE_ROW_PX };
}

/** Greedy interval packing: each fault takes the first lane free at its start. */
export function faultLanes(faults: readonly AppliedFault[], endOfRunUs: number): number[] {
  const laneEndsUs: number[] = [];
  return faults.map((fault) => {
    const endUs = Math.max(fault.endUs ?? endOfRunUs, fault.startUs);
    let lane = laneEndsUs.findIndex((laneEndUs) => laneEndUs < fault.startUs);
    if (lane < 0) lane = laneEndsUs.length;
    laneEndsUs[lane] = endUs;
    return lane;
  });
}

export function faultLabel(fault: AppliedFault): string {
  return `${fault.kind} ${fault.target}${fault.effective ? '' : ' (no effect)'}`;
}

/** The faults, packed into lanes, each a labeled bar from its start to its heal. */
export function faultSection(scale: TimeScale, faults: readonly AppliedFault[], endOfRunUs: number, top: number): ChartSection {
  const lanes = faultLanes(faults, endOfRunUs);
  const laneCount = Math.max(0, ...lanes.map((lane) => lane + 1));
  const labels = [labelText('section-title', `faults (${faults.length})`, top + 14)];
  const plot = faults.map((fault, index) => {
    const y = top + SECTION_TITLE_PX + (lanes[index] ?? 0) * FAULT_ROW_PX + 1;
    const endUs = fault.endUs ?? endOfRunUs;
    const className = `fault kind-${classToken(fault.kind)}${fault.effective ? '' : ' ineffective'}${fault.startUs === endUs ? ' instant' : ''}`;
    return timedLabeledBox(scale, { className, startUs: fault.startUs, endUs, y, height: FAULT_ROW_PX - 3, minWidthPx: 3, data: { fault: index } }, faultLabel(fault));
  });
  if (faults.length === 0) labels.push(labelText('row-label muted', 'none', top + SECTION_TITLE_PX + 12, 16));
  return { labels, plot, height: SECTION_TITLE_PX + Math.max(laneCount, 1) * FAULT_ROW_PX };
}

/** Shaded bands behind the process rows for the windows of faults that lasted (instant ones get a thin band). */
export function faultShading(scale: TimeScale, faults: readonly AppliedFault[], endOfRunUs: number, top: number, height: number): string[] {
  return faults
    .map((fault, index) => ({ fault, index }))
    .filter(({ fault }) => fault.effective)
    .map(({ fault, index }) => timedRect(scale, { className: `fault-band kind-${classToken(fault.kind)}`, startUs: fault.startUs, endUs: fault.endUs ?? endOfRunUs, y: top, height, minWidthPx: 2, data: { fault: index } }));
}
