import { utf8TextOf } from '../../history/op-value.js';
import { isOpValueMap, type OpValue } from '../../history/op.js';

/** Longest value text a tooltip or table cell shows; longer values end in an ellipsis. */
export const VALUE_TEXT_CHARS_MAX = 160;

function fullText(value: OpValue, depth: number): string {
  if (value === null) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (depth > 8) return '…';
  if (value instanceof Uint8Array) {
    const text = utf8TextOf(value);
    return text === undefined ? `0x${Buffer.from(value).toString('hex')}` : JSON.stringify(text);
  }
  if (Array.isArray(value)) return `[${value.map((item: OpValue) => fullText(item, depth + 1)).join(' ')}]`;
  if (isOpValueMap(value)) {
    const fields = Object.keys(value).sort();
    return `{${fields.map((field) => `${field} ${fullText(value[field] ?? null, depth + 1)}`).join(', ')}}`;
  }
  return String(value);
}

/** A short, readable text of an op value (EDN-like: `[1 2 3]`, `nil`, `"x"`). */
export function valueText(value: OpValue): string {
  const text = fullText(value, 0);
  return text.length <= VALUE_TEXT_CHARS_MAX ? text : `${text.slice(0, VALUE_TEXT_CHARS_MAX - 1)}…`;
}
