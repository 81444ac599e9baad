import type { Op, OpType, OpValue, ProcessId } from '../../../src/history/op.js';

/** `[process, type, f, value, key?]`: one history op, written compactly. */
export type Row = readonly [ProcessId, OpType, string, OpValue, string?];

/** A history from rows: indexes in order, 10 µs apart. */
export function history(...rows: readonly Row[]): Op[] {
  return rows.map(([process, type, f, value, key], index) => ({
    index,
    process,
    type,
    f,
    ...(key === undefined ? {} : { key }),
    value,
    time: index * 10,
  }));
}

/** An operation that completes right away: invoke then its completion. */
export function atomic(process: ProcessId, f: string, value: OpValue, outcome: 'ok' | 'fail' | 'info' = 'ok', key?: string): Row[] {
  const invokeValue = f === 'read' || f === 'get' ? null : value;
  return [
    [process, 'invoke', f, invokeValue, ...(key === undefined ? [] : [key])] as unknown as Row,
    [process, outcome, f, value, ...(key === undefined ? [] : [key])] as unknown as Row,
  ];
}
