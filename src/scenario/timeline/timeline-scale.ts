import { assert } from '../../core/assert.js';

/** Maps simulated µs to pixels of the plot (the page's zoom rescales it). */
export interface TimeScale {
  readonly endUs: number;
  readonly pxPerUs: number;
}

/** Plot width the page opens with, before any zoom. */
export const PLOT_WIDTH_PX = 1200;

export function fitScale(endUs: number, widthPx: number = PLOT_WIDTH_PX): TimeScale {
  assert(widthPx > 0, 'a plot has a positive width');
  const span = Math.max(endUs, 1);
  return { endUs: span, pxPerUs: widthPx / span };
}

/** A pixel coordinate with one decimal (enough on screen, small in the file). */
export function px(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

export function xOf(scale: TimeScale, us: number): number {
  return us * scale.pxPerUs;
}

/** Milliseconds for display: `1234.5 ms`. */
export function msText(us: number): string {
  return `${(Math.round(us / 100) / 10).toString()} ms`;
}

/**
 * The axis step in µs: 1, 2 or 5 times a power of ten (in ms and
 * below), chosen so ticks stand at least `minGapPx` apart. The page's
 * script applies the same rule when it zooms.
 */
export function tickStepUs(pxPerUs: number, minGapPx = 80): number {
  assert(pxPerUs > 0, 'a scale has a positive px per µs');
  let magnitude = 1;
  for (let step = 0; step < 40; step++) {
    for (const factor of [1, 2, 5]) if (factor * magnitude * pxPerUs >= minGapPx) return factor * magnitude;
    magnitude *= 10;
  }
  return magnitude;
}
