/**
 * One event of a history, as in Jepsen: a client (a `process`) invokes an
 * operation and later completes it. `fail` means the operation certainly did
 * not take effect; `info` means unknown (it may take effect at any later time,
 * or never; a timeout is always `info`).
 *
 * `time` is simulated time in microseconds (the simulator's base unit, `Us`).
 * Histories read from Jepsen EDN carry nanoseconds, which the EDN codec
 * converts. Event order is the order of the ops in the history (`index`);
 * checkers of real-time order use that order, not `time`.
 */
export type OpType = 'invoke' | 'ok' | 'fail' | 'info';
export const opTypes: readonly OpType[] = ['invoke', 'ok', 'fail', 'info'];

/** The value of an op: plain data, bytes allowed (Redis values are bytes). */
export type OpValue = null | boolean | number | string | Uint8Array | readonly OpValue[] | OpValueMap;
export interface OpValueMap {
  readonly [field: string]: OpValue;
}

/** A client number, or a name such as `nemesis` for fault markers. */
export type ProcessId = number | string;

/** The process name Jepsen gives to fault markers; checkers skip its ops. */
export const nemesisProcess = 'nemesis';

export interface Op {
  /** Position in the history, from 0. */
  readonly index: number;
  readonly process: ProcessId;
  readonly type: OpType;
  /** The operation: `read`, `write`, `cas`, `append`, `add`, `txn`, ... */
  readonly f: string;
  readonly key?: string;
  readonly value: OpValue;
  /** Simulated microseconds. */
  readonly time: number;
  /** The host the client talked to. */
  readonly node?: string;
  readonly error?: OpValue;
}

export function isNemesisOp(op: Op): boolean {
  return op.process === nemesisProcess;
}

export function isCompletionType(type: OpType): type is 'ok' | 'fail' | 'info' {
  return type !== 'invoke';
}

export function isOpType(text: string): text is OpType {
  return (opTypes as readonly string[]).includes(text);
}

export function isOpValueMap(value: OpValue): value is OpValueMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
