import { LuaSyntaxError } from './api.js';
import { parseNumberText } from './number-text.js';

/** Lua 5.1's reserved words. */
const keywords = new Set([
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
]);

export type TokenType = 'name' | 'string' | 'number' | 'eof' | string;

export interface Token {
  readonly type: TokenType;
  /** The string's bytes, the name, or the number. */
  readonly value: string | number;
  readonly line: number;
  /** What Lua 5.1 prints after "near" for this token. */
  readonly near: string;
}

const longSymbols = ['...', '..', '==', '~=', '<=', '>='];

/** Turns a chunk into tokens, raising Lua 5.1's lexical errors. */
export class Lexer {
  private position = 0;
  line = 1;

  constructor(private readonly source: string, private readonly chunkName: string) {}

  error(message: string, near: string | undefined): never {
    const suffix = near === undefined ? '' : ` near '${near}'`;
    throw new LuaSyntaxError(`${this.chunkName}:${this.line}: ${message}${suffix}`);
  }

  nextToken(): Token {
    this.skipSpaceAndComments();
    const source = this.source;
    const start = this.position;
    if (start >= source.length) return { type: 'eof', value: '', line: this.line, near: '<eof>' };
    const char = source[start] as string;
    if (isLetter(char)) return this.readName();
    if (isDigit(char) || (char === '.' && isDigit(source[start + 1] ?? ''))) return this.readNumber();
    if (char === '"' || char === "'") return this.readString(char);
    if (char === '[') {
      const level = this.longBracketLevel();
      if (level >= 0) {
        const text = this.readLongString(level, 'string');
        return { type: 'string', value: text, line: this.line, near: source.slice(start, this.position) };
      }
      if (level === -2) this.error('invalid long string delimiter', source.slice(start, this.position + 1 + this.countEquals(start + 1)));
    }
    for (const symbol of longSymbols) {
      if (source.startsWith(symbol, start)) {
        this.position += symbol.length;
        return { type: symbol, value: symbol, line: this.line, near: symbol };
      }
    }
    this.position += 1;
    const code = char.charCodeAt(0);
    const near = code < 32 || code === 127 ? `char(${code})` : char;
    return { type: char, value: char, line: this.line, near };
  }

  private countEquals(from: number): number {
    let count = 0;
    while (this.source[from + count] === '=') count += 1;
    return count;
  }

  /** At '[': the level of a long bracket `[==[`, -1 if it is a plain '[', -2 if `[=` is malformed. */
  private longBracketLevel(): number {
    const equals = this.countEquals(this.position + 1);
    if (this.source[this.position + 1 + equals] === '[') return equals;
    return equals === 0 ? -1 : -2;
  }

  private skipSpaceAndComments(): void {
    const source = this.source;
    for (;;) {
      const char = source[this.position];
      if (char === '\n' || char === '\r') this.skipNewline();
      else if (char === ' ' || char === '\t' || char === '\f' || char === '\v') this.position += 1;
      else if (char === '-' && source[this.position + 1] === '-') this.skipComment();
      else return;
    }
  }

  /** Counts "\n", "\r", "\n\r" or "\r\n" as one line break, as Lua does. */
  private skipNewline(): void {
    const first = this.source[this.position];
    this.position += 1;
    const second = this.source[this.position];
    if ((second === '\n' || second === '\r') && second !== first) this.position += 1;
    this.line += 1;
  }

  private skipComment(): void {
    this.position += 2;
    if (this.source[this.position] === '[') {
      const level = this.longBracketLevel();
      if (level >= 0) {
        this.readLongString(level, 'comment');
        return;
      }
    }
    const source = this.source;
    while (this.position < source.length && source[this.position] !== '\n' && source[this.position] !== '\r') this.position += 1;
  }

  private readLongString(level: number, what: 'string' | 'comment'): string {
    const source = this.source;
    this.position += level + 2;
    if (source[this.position] === '\n' || source[this.position] === '\r') this.skipNewline();
    const closing = `]${'='.repeat(level)}]`;
    let text = '';
    for (;;) {
      if (this.position >= source.length) this.error(`unfinished long ${what}`, '<eof>');
      const char = source[this.position] as string;
      if (char === ']' && source.startsWith(closing, this.position)) {
        this.position += closing.length;
        return text;
      }
      if (char === '[' && level === 0 && source[this.position + 1] === '[') this.error('nesting of [[...]] is deprecated', '[');
      if (char === '\n' || char === '\r') {
        this.skipNewline();
        text += '\n';
      } else {
        text += char;
        this.position += 1;
      }
    }
  }

  private readName(): Token {
    const source = this.source;
    const start = this.position;
    while (this.position < source.length && isAlphanumeric(source[this.position] as string)) this.position += 1;
    const name = source.slice(start, this.position);
    return { type: keywords.has(name) ? name : 'name', value: name, line: this.line, near: name };
  }

  /** Lua 5.1's read_numeral: digits and dots, an exponent with sign, then any alphanumerics; then strtod. */
  private readNumber(): Token {
    const source = this.source;
    const start = this.position;
    while (isDigit(source[this.position] ?? '') || source[this.position] === '.') this.position += 1;
    if (source[this.position] === 'e' || source[this.position] === 'E') {
      this.position += 1;
      if (source[this.position] === '+' || source[this.position] === '-') this.position += 1;
    }
    while (isAlphanumeric(source[this.position] ?? '')) this.position += 1;
    const text = source.slice(start, this.position);
    const value = parseNumberText(text);
    if (value === undefined) this.error('malformed number', text);
    return { type: 'number', value, line: this.line, near: text };
  }

  private readString(quote: string): Token {
    const source = this.source;
    this.position += 1;
    let text = '';
    for (;;) {
      const char = source[this.position];
      if (char === undefined) this.error('unfinished string', '<eof>');
      if (char === '\n' || char === '\r') this.error('unfinished string', quote + text);
      this.position += 1;
      if (char === quote) break;
      text += char === '\\' ? this.readEscape(quote + text) : char;
    }
    return { type: 'string', value: text, line: this.line, near: quote + text + quote };
  }

  private readEscape(sofar: string): string {
    const source = this.source;
    const char = source[this.position];
    if (char === undefined) this.error('unfinished string', '<eof>');
    const simple = simpleEscapes[char];
    if (simple !== undefined) {
      this.position += 1;
      return simple;
    }
    if (char === '\n' || char === '\r') {
      this.skipNewline();
      return '\n';
    }
    if (!isDigit(char)) {
      this.position += 1;
      return char;
    }
    let code = 0;
    for (let digits = 0; digits < 3 && isDigit(source[this.position] ?? ''); digits += 1) {
      code = code * 10 + Number(source[this.position]);
      this.position += 1;
    }
    if (code > 255) this.error('escape sequence too large', sofar);
    return String.fromCharCode(code);
  }
}

const simpleEscapes: Readonly<Record<string, string>> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'",
};

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

function isLetter(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_';
}

function isAlphanumeric(char: string): boolean {
  return isLetter(char) || isDigit(char);
}
