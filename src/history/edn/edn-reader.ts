import { InputError } from '../../core/errors.js';
import type { EdnForm, EdnValue } from './edn-value.js';

/** Nesting deeper than this is refused (a history needs four or five levels). */
export const ednNestingMax = 256;

const delimiters = new Set(['(', ')', '[', ']', '{', '}', '"', ';', ',']);
const discarded = Symbol('discarded');
const integerPattern = /^[+-]?\d+N?$/;
const floatPattern = /^[+-]?\d+(\.\d*)?([eE][+-]?\d+)?M?$/;
const namedCharacters: Readonly<Record<string, string>> = { newline: '\n', space: ' ', tab: '\t', return: '\r', backspace: '\b', formfeed: '\f' };
const stringEscapes: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', b: '\b', f: '\f' };

function isWhitespace(character: string): boolean {
  return character === ' ' || character === '\n' || character === '\t' || character === '\r' || character === ',' || character === '\f';
}

/**
 * A small EDN reader (no runtime dependency). A malformed file is an
 * `InputError` naming the file, the line and the problem.
 */
export class EdnReader {
  private position = 0;
  private line = 1;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  /** Every top-level form of the text. */
  readForms(): EdnForm[] {
    const forms: EdnForm[] = [];
    for (;;) {
      this.skipBlank();
      if (this.position >= this.text.length) return forms;
      const line = this.line;
      const value = this.readDiscardingValue(0);
      if (value !== discarded) forms.push({ value, line });
    }
  }

  private fail(problem: string, line = this.line): never {
    throw new InputError(this.file, `line ${line}`, problem);
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private next(): string {
    const character = this.text[this.position];
    if (character === undefined) this.fail('unexpected end of file');
    this.position++;
    if (character === '\n') this.line++;
    return character;
  }

  private skipBlank(): void {
    for (;;) {
      const character = this.peek();
      if (character === undefined) return;
      if (character === ';') {
        while (this.peek() !== undefined && this.peek() !== '\n') this.position++;
      } else if (isWhitespace(character)) {
        this.next();
      } else {
        return;
      }
    }
  }

  /** Reads one value, or `discarded` for a `#_` form. */
  private readDiscardingValue(depth: number): EdnValue | typeof discarded {
    if (depth > ednNestingMax) this.fail(`nesting deeper than ${ednNestingMax}`);
    const character = this.next();
    switch (character) {
      case '"':
        return this.readStringBody();
      case '(':
        return { kind: 'list', items: this.readItems(')', depth) };
      case '[':
        return { kind: 'vector', items: this.readItems(']', depth) };
      case '{':
        return this.readMapBody(depth);
      case ')':
      case ']':
      case '}':
        return this.fail(`unexpected '${character}'`);
      case '#':
        return this.readDispatch(depth);
      case '\\':
        return this.readCharacter();
      default:
        return this.readAtom(character);
    }
  }

  private readValue(depth: number, context: string): EdnValue {
    for (;;) {
      this.skipBlank();
      if (this.position >= this.text.length) this.fail(`unexpected end of file in ${context}`);
      const value = this.readDiscardingValue(depth);
      if (value !== discarded) return value;
    }
  }

  private readItems(close: string, depth: number): EdnValue[] {
    const startLine = this.line;
    const items: EdnValue[] = [];
    for (;;) {
      this.skipBlank();
      const character = this.peek();
      if (character === undefined) this.fail(`'${close}' missing for the collection opened on line ${startLine}`);
      if (character === close) {
        this.next();
        return items;
      }
      if (character === ')' || character === ']' || character === '}') this.fail(`'${character}' where '${close}' was expected`);
      const value = this.readDiscardingValue(depth + 1);
      if (value !== discarded) items.push(value);
    }
  }

  private readMapBody(depth: number): EdnValue {
    const startLine = this.line;
    const items = this.readItems('}', depth);
    if (items.length % 2 !== 0) this.fail('a map needs an even number of forms', startLine);
    const entries: (readonly [EdnValue, EdnValue])[] = [];
    for (let index = 0; index < items.length; index += 2) entries.push([items[index] ?? null, items[index + 1] ?? null]);
    return { kind: 'map', entries, line: startLine };
  }

  private readDispatch(depth: number): EdnValue | typeof discarded {
    const character = this.peek();
    if (character === '{') {
      this.next();
      return { kind: 'set', items: this.readItems('}', depth) };
    }
    if (character === '_') {
      this.next();
      this.readValue(depth + 1, '#_');
      return discarded;
    }
    const tag = this.readToken('');
    if (tag.length === 0 || !/^[A-Za-z]/.test(tag)) this.fail(`unknown dispatch '#${character ?? ''}'`);
    return { kind: 'tagged', tag, value: this.readValue(depth + 1, `#${tag}`) };
  }

  private readStringBody(): string {
    const startLine = this.line;
    let text = '';
    for (;;) {
      if (this.position >= this.text.length) this.fail(`string opened on line ${startLine} never closes`);
      const character = this.next();
      if (character === '"') return text;
      if (character !== '\\') {
        text += character;
        continue;
      }
      text += this.readStringEscape();
    }
  }

  private readStringEscape(): string {
    const escape = this.next();
    const simple = stringEscapes[escape];
    if (simple !== undefined) return simple;
    if (escape === 'u') {
      const hex = this.text.slice(this.position, this.position + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('\\u needs four hex digits');
      this.position += 4;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    return this.fail(`unknown string escape '\\${escape}'`);
  }

  private readCharacter(): EdnValue {
    const first = this.next();
    const rest = this.readToken('');
    const token = first + rest;
    if (token.length === 1) return { kind: 'character', text: token };
    const named = namedCharacters[token];
    if (named !== undefined) return { kind: 'character', text: named };
    if (/^u[0-9a-fA-F]{4}$/.test(token)) return { kind: 'character', text: String.fromCharCode(Number.parseInt(token.slice(1), 16)) };
    return this.fail(`unknown character '\\${token}'`);
  }

  private readToken(first: string): string {
    let token = first;
    for (;;) {
      const character = this.peek();
      if (character === undefined || isWhitespace(character) || delimiters.has(character)) return token;
      token += character;
      this.position++;
    }
  }

  private readAtom(first: string): EdnValue {
    const token = this.readToken(first);
    if (token === 'nil') return null;
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token.startsWith(':')) {
      if (token.length === 1) this.fail("a keyword needs a name after ':'");
      return { kind: 'keyword', name: token.slice(1) };
    }
    if (/^[+-]?\d/.test(token)) return this.parseNumber(token);
    return { kind: 'symbol', name: token };
  }

  private parseNumber(token: string): number {
    if (integerPattern.test(token)) {
      const value = Number(token.replace(/N$/, ''));
      if (!Number.isSafeInteger(value)) this.fail(`integer ${token} is outside the safe range (±2^53)`);
      return value;
    }
    if (floatPattern.test(token)) return Number(token.replace(/M$/, ''));
    return this.fail(`not a number: '${token}'`);
  }
}

/** Reads all top-level forms of an EDN text. */
export function readEdnForms(text: string, file: string): EdnForm[] {
  return new EdnReader(text, file).readForms();
}
