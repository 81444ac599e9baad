/**
 * A plain model of Redis bitmaps for property tests: a byte array where bit
 * 0 is the most significant bit of byte 0, and the range rules of
 * BITCOUNT/BITPOS written out directly from bitops.c's documentation.
 */
export function bitOf(data: Uint8Array, bit: number): number {
  const byte = data[Math.floor(bit / 8)] ?? 0;
  return (byte >> (7 - (bit % 8))) & 1;
}

/** Redis's start/end normalisation over `total` units. */
export function normaliseRange(startGiven: number, endGiven: number, total: number): [number, number] {
  let start = startGiven < 0 ? total + startGiven : startGiven;
  let end = endGiven < 0 ? total + endGiven : endGiven;
  start = Math.max(0, start);
  end = Math.max(0, end);
  end = Math.min(end, total - 1);
  return [start, end];
}

export function bitcountModel(data: Uint8Array, range?: { start: number; end: number; unit: 'BYTE' | 'BIT' }): number {
  if (range === undefined) return countBits(data, 0, data.length * 8 - 1);
  if (range.start < 0 && range.end < 0 && range.start > range.end) return 0;
  const perUnit = range.unit === 'BIT' ? 1 : 8;
  const [start, end] = normaliseRange(range.start, range.end, data.length * (range.unit === 'BIT' ? 8 : 1));
  if (start > end) return 0;
  return countBits(data, start * perUnit, range.unit === 'BIT' ? end : end * 8 + 7);
}

function countBits(data: Uint8Array, firstBit: number, lastBit: number): number {
  let count = 0;
  for (let bit = firstBit; bit <= lastBit; bit++) count += bitOf(data, bit);
  return count;
}

export interface BitposRange {
  readonly start: number;
  readonly end?: number;
  readonly unit?: 'BYTE' | 'BIT';
}

export function bitposModel(data: Uint8Array, wanted: 0 | 1, range?: BitposRange): number {
  const unit = range?.unit ?? 'BYTE';
  const total = data.length * (unit === 'BIT' ? 8 : 1);
  const endGiven = range?.end !== undefined;
  const rawEnd = range?.end ?? (unit === 'BIT' ? data.length * 8 + 7 : data.length - 1);
  const [start, end] = range === undefined ? [0, data.length - 1] : normaliseRange(range.start, rawEnd, total);
  if (start > end) return -1;
  const firstBit = unit === 'BIT' ? start : start * 8;
  const lastBit = unit === 'BIT' ? end : end * 8 + 7;
  for (let bit = firstBit; bit <= lastBit; bit++) if (bitOf(data, bit) === wanted) return bit;
  if (wanted === 1 || endGiven) return -1;
  return (Math.floor(lastBit / 8) + 1) * 8;
}
