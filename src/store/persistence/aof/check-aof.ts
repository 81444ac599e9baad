/**
 * What `redis-check-aof --fix <file.manifest>` decides (redis-check-aof.c,
 * 7.0.15), over file contents, without touching any disk: each file of the
 * manifest (base, then incr files) is read command by command, stricter
 * than the loader (every length line must end in CRLF, every argument must
 * be followed by CRLF, MULTI may not nest, EXEC needs a MULTI). The file is
 * valid up to the start of the last command read whole outside a MULTI
 * (`ok_up_to`); a bad command inside a MULTI cuts before the MULTI. With
 * --fix the tool truncates the file there, but only if it is the last file
 * of the manifest: a bad earlier file makes it give up ("Failed to truncate
 * AOF ... because it is not the last file"). It does not fsync.
 */
import { parseManifest, type AofFileInfo } from './manifest.js';

/** What the tool reads: the manifest's text and each named file's content (undefined: missing). */
export interface AofCheckInput {
  /** The AOF directory as the tool names it (`appendonlydir`), for messages that print a file's path. */
  readonly directory: string;
  readonly manifestText: string;
  readonly readFile: (name: string) => Uint8Array | undefined;
  /** Where an RDB base ends, or undefined when redis-check-rdb would reject it. */
  readonly rdbEndOffset: (data: Uint8Array) => number | undefined;
}

/**
 * - `valid`: nothing to cut;
 * - `truncate`: cut `file` (the manifest's last) to `toBytes`;
 * - `failed`: the tool exits 1 without changing anything.
 * `output` is what the tool prints.
 */
export type AofFixPlan =
  | { readonly kind: 'valid'; readonly output: readonly string[] }
  | { readonly kind: 'truncate'; readonly file: string; readonly fromBytes: number; readonly toBytes: number; readonly output: readonly string[] }
  | { readonly kind: 'failed'; readonly reason: string; readonly output: readonly string[] };

/** What the check of one file found. */
export interface AofFileCheck {
  readonly size: number;
  /** The offset up to which the file is valid. */
  readonly okUpTo: number;
  /** The end of the last whole command, inside a MULTI or not (what a careless cut would keep). */
  readonly wholeCommandsUpTo: number;
  /** A MULTI is open at `wholeCommandsUpTo`. */
  readonly multiOpenAtWholeCommands: boolean;
  /** The tool's error message (`0x<pos>: ...`), empty when it found none. */
  readonly error: string;
  /** Line count the tool prints (it runs on across files, as in the C global). */
  readonly line: number;
}

const ANNOTATION_LINE_BYTES_MAX = 1023;
const LENGTH_LINE_BYTES_MAX = 127;
const NEWLINE = 0x0a;

class CheckStop {
  constructor(readonly error: string) {}
}

/** %02x of a C `char`: bytes above 0x7f print sign-extended, as the tool does. */
function charHex(byte: number): string {
  return byte >= 0x80 ? ((0xffffff00 | byte) >>> 0).toString(16) : byte.toString(16).padStart(2, '0');
}

class CheckCursor {
  position: number;
  line: number;
  atEnd = false;
  /** The tool's `epos`: where the last length line or argument read began (the EOF error prints it). */
  errorPosition = 0;

  constructor(
    readonly data: Uint8Array,
    start: number,
    line: number,
  ) {
    this.position = start;
    this.line = line;
  }

  /** fgets: up to `max` bytes or through a newline; undefined at end of file. */
  fgets(max: number): Uint8Array | undefined {
    if (this.position >= this.data.length) {
      this.atEnd = true;
      return undefined;
    }
    const limit = Math.min(this.data.length, this.position + max);
    let end = this.position;
    while (end < limit && this.data[end] !== NEWLINE) end++;
    if (end < limit) end++;
    else if (end === this.data.length) this.atEnd = true;
    const line = this.data.subarray(this.position, end);
    this.position = end;
    return line;
  }

  stop(at: number, problem: string): never {
    throw new CheckStop(`0x${at.toString(16).padStart(16, ' ')}: ${problem}`);
  }

  consumeNewline(at: number, bytes: Uint8Array, index: number): void {
    const first = bytes[index] ?? 0;
    const second = bytes[index + 1] ?? 0;
    if (first !== 0x0d || second !== NEWLINE) this.stop(at, `Expected \\r\\n, got: ${charHex(first)}${charHex(second)}`);
    this.line++;
  }

  /** readLong: a `prefix` line holding a number and CRLF; undefined at end of file (no error). */
  readLong(prefix: string): number | undefined {
    const at = this.position;
    this.errorPosition = at;
    const bytes = this.fgets(LENGTH_LINE_BYTES_MAX);
    if (bytes === undefined) return undefined;
    if (bytes[0] !== prefix.charCodeAt(0)) this.stop(at, `Expected prefix '${prefix}', got: '${String.fromCharCode(bytes[0] as number)}'`);
    const text = Buffer.from(bytes.subarray(1)).toString('latin1');
    const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text);
    const consumed = match === null ? 0 : match[0].length;
    this.consumeNewline(at, bytes, 1 + consumed);
    return match === null ? 0 : Number.parseInt(match[1] as string, 10);
  }
}

/** readString: a `$` length line, then that many bytes and CRLF. Undefined at end of file. */
function readString(cursor: CheckCursor): { readonly text: string; readonly at: number } | undefined {
  const lineAt = cursor.position;
  const length = cursor.readLong('$');
  if (length === undefined) return undefined;
  const lengthAt = cursor.position;
  if (!(length < 0 || length > Number.MAX_SAFE_INTEGER - 2)) cursor.errorPosition = lengthAt;
  if (length < 0 || length > Number.MAX_SAFE_INTEGER - 2) cursor.stop(lineAt, `Expected to read string of ${length} bytes, which is not in the suitable range`);
  const wanted = length + 2;
  const available = Math.min(wanted, cursor.data.length - cursor.position);
  const bytes = cursor.data.subarray(cursor.position, cursor.position + available);
  cursor.position += available;
  if (available !== wanted) {
    cursor.atEnd = true;
    cursor.stop(lengthAt, `Expected to read ${wanted} bytes, got ${available} bytes`);
  }
  cursor.consumeNewline(lengthAt, bytes, length);
  const text = Buffer.from(bytes.subarray(0, length)).toString('latin1');
  const nul = text.indexOf('\0');
  return { text: nul === -1 ? text : text.slice(0, nul), at: lengthAt };
}

/** processRESP: one command; false at end of file. `multi` counts open MULTIs as the tool does. */
function readCommand(cursor: CheckCursor, filePath: string, multi: { depth: number }): boolean {
  const argc = cursor.readLong('*');
  if (argc === undefined) return false;
  for (let index = 0; index < argc; index++) {
    const argument = readString(cursor);
    if (argument === undefined) return false;
    if (index !== 0) continue;
    const name = argument.text.toLowerCase();
    if (name === 'multi' && multi.depth++ !== 0) cursor.stop(argument.at, `Unexpected MULTI in AOF ${filePath}`);
    if (name === 'exec' && --multi.depth !== 0) cursor.stop(argument.at, `Unexpected EXEC in AOF ${filePath}`);
  }
  return true;
}

/** checkSingleAof over one file's bytes, from `start` (past an RDB base). */
export function checkAofFileBytes(data: Uint8Array, start: number, names: { readonly fileName: string; readonly filePath: string }, lineBefore = 1): { readonly check: AofFileCheck; readonly output: readonly string[] } {
  const cursor = new CheckCursor(data, start, lineBefore);
  const output: string[] = [];
  const multi = { depth: 0 };
  let okUpTo = start;
  let whole = { upTo: start, multiOpen: false };
  let error = '';
  try {
    for (;;) {
      if (multi.depth === 0) okUpTo = cursor.position;
      whole = { upTo: cursor.position, multiOpen: multi.depth > 0 };
      const first = cursor.data[cursor.position];
      if (first === undefined) {
        cursor.atEnd = true;
        break;
      }
      if (first === 0x23) cursor.fgets(ANNOTATION_LINE_BYTES_MAX);
      else if (first === 0x2a) {
        if (!readCommand(cursor, names.filePath, multi)) break;
      } else {
        output.push(`AOF ${names.fileName} format error`);
        break;
      }
    }
  } catch (stop: unknown) {
    if (!(stop instanceof CheckStop)) throw stop;
    error = stop.error;
  }
  if (cursor.atEnd && multi.depth !== 0 && error === '') error = `0x${cursor.errorPosition.toString(16).padStart(16, ' ')}: Reached EOF before reading EXEC for MULTI`;
  if (error !== '') output.push(error);
  return { check: { size: data.length, okUpTo, wholeCommandsUpTo: whole.upTo, multiOpenAtWholeCommands: whole.multiOpen, error, line: cursor.line }, output };
}

function filesOf(manifest: { readonly base: AofFileInfo | undefined; readonly incr: readonly AofFileInfo[] }): { readonly info: AofFileInfo; readonly isBase: boolean }[] {
  return [...(manifest.base === undefined ? [] : [{ info: manifest.base, isBase: true }]), ...manifest.incr.map((info) => ({ info, isBase: false }))];
}

function isRdb(data: Uint8Array): boolean {
  return data.length >= 8 && Buffer.from(data.subarray(0, 5)).toString('latin1') === 'REDIS';
}

/**
 * checkMultiPartAof with --fix (answering yes): what the tool prints and
 * the one truncation it would make, if any.
 */
export function planAofFix(input: AofCheckInput): AofFixPlan {
  const output = ['Start checking Multi Part AOF'];
  const manifest = parseManifest(input.manifestText);
  if ('error' in manifest) return { kind: 'failed', reason: `Invalid AOF manifest file format (line ${manifest.line}: ${manifest.error})`, output };
  const files = filesOf(manifest);
  let line = 1;
  let plan: AofFixPlan | undefined;
  for (const [index, { info, isBase }] of files.entries()) {
    const isFirstIncr = !isBase && index === (manifest.base === undefined ? 0 : 1);
    const step = checkOneFile(input, info, { isBase, isFirstIncr, isLast: index === files.length - 1, line }, output);
    if (step.kind === 'failed') return { kind: 'failed', reason: step.reason, output };
    line = step.line;
    if (step.kind === 'truncate') plan = { kind: 'truncate', file: info.name, fromBytes: step.fromBytes, toBytes: step.toBytes, output };
  }
  output.push('All AOF files and manifest are valid');
  return plan ?? { kind: 'valid', output };
}

type FileStep = { readonly kind: 'ok'; readonly line: number } | { readonly kind: 'truncate'; readonly line: number; readonly fromBytes: number; readonly toBytes: number } | { readonly kind: 'failed'; readonly reason: string };

function checkOneFile(input: AofCheckInput, info: AofFileInfo, where: { readonly isBase: boolean; readonly isFirstIncr: boolean; readonly isLast: boolean; readonly line: number }, output: string[]): FileStep {
  const label = where.isBase ? 'BASE' : 'INCR';
  if (where.isFirstIncr) output.push('Start to check INCR files.');
  const data = input.readFile(info.name);
  if (data === undefined) return failed(output, `Cannot open file ${info.name}: No such file or directory, aborting...`);
  const preamble = where.isBase && isRdb(data);
  if (where.isBase) output.push(`Start to check BASE AOF (${preamble ? 'RDB' : 'RESP'} format).`);
  if (data.length === 0) {
    output.push(`${label} AOF ${info.name} is empty`);
    return { kind: 'ok', line: where.line };
  }
  let start = 0;
  if (preamble) {
    const end = input.rdbEndOffset(data);
    if (end === undefined) return failed(output, 'RDB preamble of AOF file is not sane, aborting.');
    output.push('RDB preamble is OK, proceeding with AOF tail...');
    start = end;
  }
  const { check, output: lines } = checkAofFileBytes(data, start, { fileName: info.name, filePath: `${input.directory}/${info.name}` }, where.line);
  output.push(...lines);
  const diff = check.size - check.okUpTo;
  output.push(`AOF analyzed: filename=${info.name}, size=${check.size}, ok_up_to=${check.okUpTo}, ok_up_to_line=${check.line}, diff=${diff}`);
  if (diff === 0) {
    output.push(`${label} AOF ${info.name} is valid`);
    return { kind: 'ok', line: check.line };
  }
  if (!where.isLast) return failed(output, `Failed to truncate AOF ${info.name} because it is not the last file`);
  output.push(`This will shrink the AOF ${info.name} from ${check.size} bytes, with ${diff} bytes, to ${check.okUpTo} bytes`, 'Continue? [y/N]: y', `Successfully truncated AOF ${info.name}`);
  return { kind: 'truncate', line: check.line, fromBytes: check.size, toBytes: check.okUpTo };
}

function failed(output: string[], reason: string): FileStep {
  output.push(reason);
  return { kind: 'failed', reason };
}
