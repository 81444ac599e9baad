import { assert } from '../core/assert.js';
import { InputError } from '../core/errors.js';
import { isOpType, isOpValueMap, type Op, type OpValue, type ProcessId } from './op.js';

/** Bytes travel in JSON as `{"$bytes": "<base64>"}`. */
const bytesField = '$bytes';

function jsonFromValue(value: OpValue): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    assert(Number.isFinite(value), 'history values are finite numbers');
    return value;
  }
  if (value instanceof Uint8Array) return { [bytesField]: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map((item: OpValue) => jsonFromValue(item));
  if (isOpValueMap(value)) {
    const fields: Record<string, unknown> = {};
    for (const field of Object.keys(value)) fields[field] = jsonFromValue(value[field] ?? null);
    return fields;
  }
  return null;
}

/** One op as one JSON line, fields in a fixed order. */
export function formatJsonlOp(op: Op): string {
  const record: Record<string, unknown> = { index: op.index, process: op.process, type: op.type, f: op.f };
  if (op.key !== undefined) record['key'] = op.key;
  record['value'] = jsonFromValue(op.value);
  record['time'] = op.time;
  if (op.node !== undefined) record['node'] = op.node;
  if (op.error !== undefined) record['error'] = jsonFromValue(op.error);
  return JSON.stringify(record);
}

/** Our history format: one op per line. */
export function formatJsonlHistory(ops: readonly Op[]): string {
  return ops.map((op) => `${formatJsonlOp(op)}\n`).join('');
}

function valueFromJson(json: unknown, where: () => never): OpValue {
  if (json === null || typeof json === 'string' || typeof json === 'boolean' || typeof json === 'number') return json;
  if (Array.isArray(json)) return json.map((item: unknown) => valueFromJson(item, where));
  if (typeof json !== 'object') return where();
  const record = json as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === bytesField) {
    const encoded = record[bytesField];
    if (typeof encoded !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) return where();
    return new Uint8Array(Buffer.from(encoded, 'base64'));
  }
  const fields: Record<string, OpValue> = {};
  for (const key of keys) fields[key] = valueFromJson(record[key], where);
  return fields;
}

function optionalText(record: Record<string, unknown>, field: string, problem: (text: string) => never): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return problem(`"${field}" must be a string`);
  return value;
}

function opFromRecord(record: Record<string, unknown>, problem: (text: string) => never): Op {
  const { index, process, type, f, time } = record;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) return problem('"index" must be a non-negative integer');
  if (typeof process !== 'string' && !(typeof process === 'number' && Number.isInteger(process))) return problem('"process" must be an integer or a string');
  if (typeof type !== 'string' || !isOpType(type)) return problem('"type" must be one of invoke, ok, fail, info');
  if (typeof f !== 'string' || f.length === 0) return problem('"f" must be a non-empty string');
  if (typeof time !== 'number' || !Number.isFinite(time)) return problem('"time" must be a number (simulated microseconds)');
  const key = optionalText(record, 'key', problem);
  const node = optionalText(record, 'node', problem);
  const value = valueFromJson(record['value'] ?? null, () => problem('"value" has a malformed {"$bytes": ...}'));
  const error = record['error'] === undefined ? undefined : valueFromJson(record['error'], () => problem('"error" is malformed'));
  return {
    index,
    process: process as ProcessId,
    type,
    f,
    ...(key === undefined ? {} : { key }),
    value,
    time,
    ...(node === undefined ? {} : { node }),
    ...(error === undefined ? {} : { error }),
  };
}

function parseLine(text: string, problem: (text: string) => never): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    return problem(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return problem('a line must be one JSON object (an op)');
  return parsed as Record<string, unknown>;
}

/** Reads our JSONL history; blank lines are skipped; indexes must increase. */
export function parseJsonlHistory(text: string, file: string): Op[] {
  const ops: Op[] = [];
  const lines = text.split('\n');
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = (lines[lineIndex] ?? '').trim();
    if (line.length === 0) continue;
    const problem = (detail: string): never => {
      throw new InputError(file, `line ${lineIndex + 1}`, detail);
    };
    const op = opFromRecord(parseLine(line, problem), problem);
    const previous = ops[ops.length - 1];
    if (previous !== undefined && op.index <= previous.index) problem(`index ${op.index} does not follow ${previous.index}`);
    ops.push(op);
  }
  return ops;
}
