import { isOpValueMap, type OpValue } from '../op.js';
import { writeEdn } from './edn-writer.js';
import type { EdnValue } from './edn-value.js';

/** The tag our writer puts on bytes, so that they read back as bytes. */
export const bytesTag = 'redsim/bytes';

const keywordNamePattern = /^[A-Za-z*+!_?<>=.$%&][A-Za-z0-9*+!_?<>=.$%&/-]*$/;

export function isKeywordName(text: string): boolean {
  return keywordNamePattern.test(text) && !text.endsWith('/');
}

function mapFieldName(key: EdnValue): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'object' && key !== null && (key.kind === 'keyword' || key.kind === 'symbol')) return key.name;
  return writeEdn(key);
}

/**
 * An EDN value as an op value: keywords and symbols become their names,
 * vectors, lists and sets become arrays, maps become objects keyed by name.
 * Returns a problem text when the value cannot be represented.
 */
export function opValueFromEdn(value: EdnValue): OpValue {
  if (value === null || typeof value !== 'object') return value;
  switch (value.kind) {
    case 'keyword':
    case 'symbol':
      return value.name;
    case 'character':
      return value.text;
    case 'vector':
    case 'list':
    case 'set':
      return value.items.map(opValueFromEdn);
    case 'map': {
      const fields: Record<string, OpValue> = {};
      for (const [key, item] of value.entries) fields[mapFieldName(key)] = opValueFromEdn(item);
      return fields;
    }
    case 'tagged':
      if (value.tag === bytesTag && typeof value.value === 'string') return new Uint8Array(Buffer.from(value.value, 'base64'));
      return opValueFromEdn(value.value);
  }
}

/** An op value as EDN: strings stay strings, arrays become vectors, bytes a tagged base64 string. */
export function ednFromOpValue(value: OpValue): EdnValue {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return { kind: 'tagged', tag: bytesTag, value: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return { kind: 'vector', items: value.map((item: OpValue) => ednFromOpValue(item)) };
  if (isOpValueMap(value)) {
    const entries = Object.keys(value).map((field): readonly [EdnValue, EdnValue] => [
      isKeywordName(field) ? { kind: 'keyword', name: field } : field,
      ednFromOpValue(value[field] ?? null),
    ]);
    return { kind: 'map', entries };
  }
  return null;
}
