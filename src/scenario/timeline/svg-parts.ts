import { escapeHtml } from './html-escape.js';
import { px, type TimeScale, xOf } from './timeline-scale.js';

/** Rows of one chart section: its labels (left, fixed) and its plot (right, zoomable), in SVG markup. */
export interface ChartSection {
  readonly labels: readonly string[];
  readonly plot: readonly string[];
  readonly height: number;
}

/** Something drawn over a stretch of simulated time; `data` becomes `data-*` attributes. */
export interface TimedShape {
  readonly className: string;
  readonly startUs: number;
  readonly endUs: number;
  readonly y: number;
  readonly height: number;
  readonly minWidthPx: number;
  readonly data?: Readonly<Record<string, string | number>>;
}

function dataAttributes(data: Readonly<Record<string, string | number>> | undefined): string {
  if (data === undefined) return '';
  return Object.entries(data)
    .map(([name, value]) => ` data-${name}="${escapeHtml(String(value))}"`)
    .join('');
}

/** The attributes the page's zoom rewrites: x and width from data-t0/data-t1 (µs) and data-minw. */
function timedGeometry(scale: TimeScale, shape: TimedShape): string {
  const x = xOf(scale, shape.startUs);
  const width = Math.max(shape.minWidthPx, xOf(scale, shape.endUs) - x);
  return `x="${px(x)}" y="${px(shape.y)}" width="${px(width)}" height="${px(shape.height)}" data-t0="${shape.startUs}" data-t1="${shape.endUs}" data-minw="${shape.minWidthPx}"`;
}

export function timedRect(scale: TimeScale, shape: TimedShape): string {
  return `<rect class="${shape.className}" ${timedGeometry(scale, shape)}${dataAttributes(shape.data)}/>`;
}

/** A timed box with a label clipped to it (a nested svg clips what overflows). */
export function timedLabeledBox(scale: TimeScale, shape: TimedShape, label: string): string {
  const textY = px(shape.height / 2 + 4);
  return `<svg class="${shape.className}" ${timedGeometry(scale, shape)}${dataAttributes(shape.data)}><rect width="100%" height="100%"/><text x="3" y="${textY}">${escapeHtml(label)}</text></svg>`;
}

/** A vertical line at one instant, across `height` pixels from `top`. */
export function timedLine(scale: TimeScale, className: string, atUs: number, top: number, height: number): string {
  const x = px(xOf(scale, atUs));
  return `<line class="${className}" x1="${x}" x2="${x}" y1="${px(top)}" y2="${px(top + height)}" data-t0="${atUs}"/>`;
}

export function labelText(className: string, text: string, y: number, x = 8): string {
  return `<text class="${className}" x="${x}" y="${px(y)}">${escapeHtml(text)}</text>`;
}
