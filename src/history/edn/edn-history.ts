import { InputError } from '../../core/errors.js';
import { isOpType, type Op, type OpValue, type ProcessId } from '../op.js';
import { ednFromOpValue, isKeywordName, opValueFromEdn } from './edn-op-value.js';
import { readEdnForms } from './edn-reader.js';
import type { EdnMap, EdnValue } from './edn-value.js';
import { writeEdn } from './edn-writer.js';

/** Jepsen's `:time` is in nanoseconds; ours in microseconds. */
const NS_PER_US = 1000;

interface OpMapContext {
  readonly file: string;
  readonly line: number;
}

function fail(context: OpMapContext, problem: string): never {
  throw new InputError(context.file, `line ${context.line}`, problem);
}

function nameOf(value: EdnValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && (value.kind === 'keyword' || value.kind === 'symbol')) return value.name;
  return undefined;
}

function fieldsOf(map: EdnMap): Map<string, EdnValue> {
  const fields = new Map<string, EdnValue>();
  for (const [key, value] of map.entries) {
    const name = typeof key === 'object' && key !== null && key.kind === 'keyword' ? key.name : undefined;
    if (name !== undefined) fields.set(name, value);
  }
  return fields;
}

function readProcess(value: EdnValue | undefined, context: OpMapContext): ProcessId {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  const name = value === undefined ? undefined : nameOf(value);
  if (name === undefined) return fail(context, ':process must be an integer or a keyword');
  return name;
}

function readOptionalText(fields: Map<string, EdnValue>, field: string, context: OpMapContext): string | undefined {
  const value = fields.get(field);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return String(value);
  const name = nameOf(value);
  if (name === undefined) return fail(context, `:${field} must be a string, keyword or integer`);
  return name;
}

function readTimeUs(fields: Map<string, EdnValue>, previousTimeUs: number, context: OpMapContext): number {
  const value = fields.get('time');
  if (value === undefined || value === null) return previousTimeUs;
  if (typeof value !== 'number') return fail(context, ':time must be a number (nanoseconds)');
  return value / NS_PER_US;
}

function unwrapOpMap(value: EdnValue, context: OpMapContext): EdnMap {
  if (typeof value === 'object' && value !== null && value.kind === 'map') return value;
  if (typeof value === 'object' && value !== null && value.kind === 'tagged') return unwrapOpMap(value.value, context);
  return fail(context, 'an op must be a map such as {:process 0, :type :invoke, :f :read, :value nil}');
}

function opFromEdn(value: EdnValue, position: number, previous: Op | undefined, context: OpMapContext): Op {
  const map = unwrapOpMap(value, context);
  const here = { file: context.file, line: map.line ?? context.line };
  const fields = fieldsOf(map);
  const type = nameOf(fields.get('type') ?? null);
  if (type === undefined || !isOpType(type)) return fail(here, ':type must be one of :invoke, :ok, :fail, :info');
  const f = nameOf(fields.get('f') ?? null);
  if (f === undefined) return fail(here, ':f must be a keyword naming the operation');
  const indexValue = fields.get('index');
  const index = indexValue === undefined ? position : indexValue;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) return fail(here, ':index must be a non-negative integer');
  if (previous !== undefined && index <= previous.index) return fail(here, `:index ${index} does not follow ${previous.index}`);
  const key = readOptionalText(fields, 'key', here);
  const node = readOptionalText(fields, 'node', here);
  const errorValue = fields.get('error');
  const error: OpValue | undefined = errorValue === undefined ? undefined : opValueFromEdn(errorValue);
  return {
    index,
    process: readProcess(fields.get('process'), here),
    type,
    f,
    ...(key === undefined ? {} : { key }),
    value: opValueFromEdn(fields.get('value') ?? null),
    time: readTimeUs(fields, previous?.time ?? 0, here),
    ...(node === undefined ? {} : { node }),
    ...(error === undefined ? {} : { error }),
  };
}

/** The op maps of the file: the items of one top-level vector or list, or one map per top-level form. */
function opFormsOf(text: string, file: string): { value: EdnValue; line: number }[] {
  const forms = readEdnForms(text, file);
  const opForms: { value: EdnValue; line: number }[] = [];
  for (const form of forms) {
    const value = form.value;
    if (typeof value === 'object' && value !== null && (value.kind === 'vector' || value.kind === 'list')) {
      for (const item of value.items) opForms.push({ value: item, line: form.line });
    } else {
      opForms.push(form);
    }
  }
  return opForms;
}

/**
 * Reads a Jepsen EDN history: one vector (or list) of op maps, or one map per
 * line; `;` comments; `#jepsen.history.Op{...}` records read as maps.
 * Missing `:index` becomes the position; `:time` converts from ns to µs.
 */
export function parseEdnHistory(text: string, file: string): Op[] {
  const ops: Op[] = [];
  for (const form of opFormsOf(text, file)) {
    ops.push(opFromEdn(form.value, ops.length, ops[ops.length - 1], { file, line: form.line }));
  }
  return ops;
}

function ednProcess(process: ProcessId): EdnValue {
  if (typeof process === 'number') return process;
  return isKeywordName(process) ? { kind: 'keyword', name: process } : process;
}

function ednOpMap(op: Op): EdnValue {
  const entries: (readonly [EdnValue, EdnValue])[] = [
    [{ kind: 'keyword', name: 'index' }, op.index],
    [{ kind: 'keyword', name: 'time' }, Math.round(op.time * NS_PER_US)],
    [{ kind: 'keyword', name: 'type' }, { kind: 'keyword', name: op.type }],
    [{ kind: 'keyword', name: 'process' }, ednProcess(op.process)],
    [{ kind: 'keyword', name: 'f' }, isKeywordName(op.f) ? { kind: 'keyword', name: op.f } : op.f],
  ];
  if (op.key !== undefined) entries.push([{ kind: 'keyword', name: 'key' }, op.key]);
  entries.push([{ kind: 'keyword', name: 'value' }, ednFromOpValue(op.value)]);
  if (op.node !== undefined) entries.push([{ kind: 'keyword', name: 'node' }, op.node]);
  if (op.error !== undefined) entries.push([{ kind: 'keyword', name: 'error' }, ednFromOpValue(op.error)]);
  return { kind: 'map', entries };
}

/** Writes a history as Jepsen EDN: one vector, one op map per line, `:time` in ns. */
export function formatEdnHistory(ops: readonly Op[]): string {
  if (ops.length === 0) return '[]\n';
  return `[${ops.map((op) => writeEdn(ednOpMap(op))).join('\n ')}]\n`;
}
