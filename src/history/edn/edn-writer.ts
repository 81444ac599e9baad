import { assert } from '../../core/assert.js';
import type { EdnValue } from './edn-value.js';

const escapes: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f' };

function writeString(text: string): string {
  let out = '"';
  for (const character of text) {
    const escape = escapes[character];
    if (escape !== undefined) out += escape;
    else if (character < ' ') out += `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += character;
  }
  return `${out}"`;
}

function writeNumber(value: number): string {
  assert(Number.isFinite(value), 'EDN has no literal for NaN or infinity');
  const text = String(value);
  // An integral double beyond 2^53 is no EDN integer a reader can hold exactly: write it as a float.
  return Number.isInteger(value) && !Number.isSafeInteger(value) && /^-?\d+$/.test(text) ? `${text}.0` : text;
}

const namedCharacterTexts: Readonly<Record<string, string>> = { '\n': 'newline', ' ': 'space', '\t': 'tab', '\r': 'return' };

/** EDN text of a value, on one line; entries separated by `, ` as Clojure prints them. */
export function writeEdn(value: EdnValue): string {
  if (value === null) return 'nil';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return writeNumber(value);
    case 'string':
      return writeString(value);
  }
  switch (value.kind) {
    case 'keyword':
      return `:${value.name}`;
    case 'symbol':
      return value.name;
    case 'character':
      return `\\${namedCharacterTexts[value.text] ?? value.text}`;
    case 'vector':
      return `[${value.items.map(writeEdn).join(' ')}]`;
    case 'list':
      return `(${value.items.map(writeEdn).join(' ')})`;
    case 'set':
      return `#{${value.items.map(writeEdn).join(' ')}}`;
    case 'map':
      return `{${value.entries.map(([key, item]) => `${writeEdn(key)} ${writeEdn(item)}`).join(', ')}}`;
    case 'tagged':
      return `#${value.tag} ${writeEdn(value.value)}`;
  }
}
