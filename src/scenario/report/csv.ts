import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null;

/** A CSV table with a header row (RFC 4180 quoting by csv-stringify). */
export function csvTable(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([columns as CsvCell[], ...rows.map((row) => [...row])], { eof: true });
}

/** Milliseconds with at most three decimals (µs precision), for tables. */
export function msOf(us: number): number {
  return Math.round(us) / 1000;
}
