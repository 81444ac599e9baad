import { isOpValueMap, type OpValue } from './op.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of bytes that are valid UTF-8, else undefined. */
export function utf8TextOf(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function hexOf(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

/**
 * A canonical text for a value: equal values get equal keys, different values
 * different keys. Bytes that are valid UTF-8 equal the string they spell (a
 * client may write a string and read back bytes); maps are keyed by sorted field.
 */
export function valueKey(value: OpValue): string {
  if (value === null) return 'nil';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return `n${String(value)}`;
    case 'string':
      return JSON.stringify(value);
  }
  if (value instanceof Uint8Array) {
    const text = utf8TextOf(value);
    return text === undefined ? `x${hexOf(value)}` : JSON.stringify(text);
  }
  if (Array.isArray(value)) return `[${value.map((item: OpValue) => valueKey(item)).join(',')}]`;
  if (isOpValueMap(value)) {
    const fields = Object.keys(value).sort();
    return `{${fields.map((field) => `${JSON.stringify(field)}:${valueKey(value[field] ?? null)}`).join(',')}}`;
  }
  return 'nil';
}

export function valuesEqual(left: OpValue, right: OpValue): boolean {
  return left === right || valueKey(left) === valueKey(right);
}

/** A value as text for messages and for string models (`kv`): bytes decode as UTF-8 when they can. */
export function valueAsText(value: OpValue): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return utf8TextOf(value);
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A short readable rendering for human messages. */
export function describeValue(value: OpValue): string {
  if (value instanceof Uint8Array) {
    const text = utf8TextOf(value);
    return text === undefined ? `<${value.length} bytes>` : JSON.stringify(text);
  }
  if (value === null) return 'nil';
  if (Array.isArray(value)) return `[${value.map((item: OpValue) => describeValue(item)).join(' ')}]`;
  if (isOpValueMap(value)) return valueKey(value);
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
