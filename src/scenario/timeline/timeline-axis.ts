import type { PhaseTimes } from '../run-output.js';
import { escapeHtml } from './html-escape.js';
import { type ChartSection, timedLine } from './svg-parts.js';
import { px, type TimeScale, tickStepUs, xOf } from './timeline-scale.js';

export const AXIS_HEIGHT_PX = 40;
/** A phase narrower than this on screen gets no name (it would overlap its neighbour's). */
export const PHASE_LABEL_PX_MIN = 56;

/** Phase boundaries the chart marks, in order (a phase of zero length is skipped). */
export function phaseMarks(phases: PhaseTimes): { readonly name: string; readonly startUs: number; readonly endUs: number }[] {
  const bounds = [
    { name: 'setup', startUs: 0, endUs: phases.setupEndUs },
    { name: 'faults', startUs: phases.setupEndUs, endUs: phases.faultsEndUs },
    { name: 'heal', startUs: phases.faultsEndUs, endUs: phases.healEndUs },
    { name: 'quiesce', startUs: phases.healEndUs, endUs: phases.quiesceEndUs },
    { name: 'final reads', startUs: phases.quiesceEndUs, endUs: phases.finalReadsEndUs },
  ];
  return bounds.filter((bound) => bound.endUs > bound.startUs);
}

/** Tick labels every step; the page's script redraws them the same way after a zoom. */
export function axisTicks(scale: TimeScale): string[] {
  const stepUs = tickStepUs(scale.pxPerUs);
  const ticks: string[] = [];
  for (let atUs = 0; atUs <= scale.endUs; atUs += stepUs) {
    const x = px(xOf(scale, atUs));
    ticks.push(`<line class="tick" x1="${x}" x2="${x}" y1="${AXIS_HEIGHT_PX - 8}" y2="${AXIS_HEIGHT_PX}"/>`);
    ticks.push(`<text class="tick-label${atUs === 0 ? ' first' : ''}" x="${x}" y="${AXIS_HEIGHT_PX - 11}">${escapeHtml(String(atUs / 1000))}</text>`);
  }
  return ticks;
}

/** The time axis (ms) with the phase names above it. */
export function axisSection(scale: TimeScale, phases: PhaseTimes): ChartSection {
  const plot: string[] = [`<g id="axis-ticks">${axisTicks(scale).join('')}</g>`];
  for (const phase of phaseMarks(phases)) {
    plot.push(`<text class="phase-label" x="${px(xOf(scale, phase.startUs) + 3)}" y="11" data-t0="${phase.startUs}" data-dx="3" data-span-us="${phase.endUs - phase.startUs}"${xOf(scale, phase.endUs - phase.startUs) < PHASE_LABEL_PX_MIN ? ' display="none"' : ''}>${escapeHtml(phase.name)}</text>`);
    plot.push(timedLine(scale, 'phase-tick', phase.startUs, 0, AXIS_HEIGHT_PX));
  }
  return { labels: [`<text class="section-title" x="8" y="${AXIS_HEIGHT_PX - 12}">sim ms</text>`], plot, height: AXIS_HEIGHT_PX };
}
