/**
 * loadSingleAppendOnlyFile's reading of the command stream (aof.c,
 * 7.0.15), over a whole file: `#` annotation lines are skipped; a line not
 * starting with `*` or an argument line not starting with `$` is a format
 * error; a file that ends inside a command is a short read, which
 * aof-load-truncated turns into a truncation at the end of the last whole
 * command; a MULTI left open at the end is dropped the same way.
 */
export interface ParsedCommand {
  readonly argv: Buffer[];
  /** The file offset just after the command. */
  readonly endOffset: number;
}

export type AofParse =
  | { readonly status: 'ok'; readonly commands: readonly ParsedCommand[] }
  | { readonly status: 'truncated'; readonly commands: readonly ParsedCommand[]; readonly validUpTo: number; readonly reason: string }
  /** `formatError`: Redis's fmterr (refuses whatever aof-load-truncated says); else a short read (uxeof) with aof-load-truncated off. */
  | { readonly status: 'failed'; readonly reason: string; readonly offset: number; readonly formatError: boolean };

/** fgets into a buffer of AOF_ANNOTATION_LINE_MAX_LEN (1024) bytes. */
const LINE_BYTES_MAX = 1023;
const NEWLINE = 0x0a;

class ShortRead {
  constructor(readonly offset: number) {}
}
class FormatError {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

class Cursor {
  constructor(
    readonly data: Buffer,
    public position: number,
  ) {}

  /** fgets: up to and including a newline, at most 1023 bytes; undefined at end of file. */
  line(): Buffer | undefined {
    if (this.position >= this.data.length) return undefined;
    const limit = Math.min(this.data.length, this.position + LINE_BYTES_MAX);
    let end = this.position;
    while (end < limit && this.data[end] !== NEWLINE) end++;
    if (end < limit) end++;
    const line = this.data.subarray(this.position, end);
    this.position = end;
    return line;
  }
}

/** C atoi / strtol: optional spaces and sign, then digits; 0 when none. */
function leadingInteger(data: Buffer): number {
  const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(data.toString('latin1'));
  return match === null ? 0 : Number.parseInt(match[1] as string, 10);
}

function readCommand(cursor: Cursor, header: Buffer, start: number): Buffer[] {
  if (header.length === 1) throw new ShortRead(start);
  const argc = leadingInteger(header.subarray(1));
  if (argc < 1) throw new FormatError(start, `invalid argument count line '${header.toString('latin1').trim()}'`);
  const argv: Buffer[] = [];
  for (let index = 0; index < argc; index++) {
    const lineStart = cursor.position;
    const line = cursor.line();
    if (line === undefined) throw new ShortRead(lineStart);
    if (line[0] !== 0x24) throw new FormatError(lineStart, `expected '$' for argument ${index + 1} of ${argc}`);
    const length = leadingInteger(line.subarray(1));
    if (length < 0) throw new FormatError(lineStart, `negative argument length ${length}`);
    if (cursor.position + length > cursor.data.length) throw new ShortRead(cursor.position);
    argv.push(Buffer.from(cursor.data.subarray(cursor.position, cursor.position + length)));
    cursor.position += length;
    // The two bytes after an argument are skipped unread, as Redis does.
    if (cursor.position + 2 > cursor.data.length) throw new ShortRead(cursor.position);
    cursor.position += 2;
  }
  return argv;
}

function nameOf(argv: readonly Buffer[]): string {
  return (argv[0] as Buffer).toString('latin1').toLowerCase();
}

/**
 * Parses the commands of an AOF (from `start`, past an RDB preamble).
 * `cutInsideOpenMulti` reproduces redis 7.0.15 exactly: a short read inside
 * a MULTI is cut at the last whole queued command, which leaves the MULTI
 * open in the file (the store's default cuts before the MULTI).
 */
export function parseAofCommands(data: Buffer, start: number, loadTruncated: boolean, cutInsideOpenMulti = false): AofParse {
  const cursor = new Cursor(data, start);
  const commands: ParsedCommand[] = [];
  let validUpTo = start;
  let validBeforeMulti = start;
  let inMulti = false;
  let shortRead: ShortRead | undefined;
  try {
    for (let header = cursor.line(); header !== undefined; header = cursor.line()) {
      const commandStart = cursor.position - header.length;
      if (header[0] === 0x23) continue;
      if (header[0] !== 0x2a) throw new FormatError(commandStart, `expected '*' at the start of a command, found byte 0x${(header[0] as number).toString(16).padStart(2, '0')}`);
      const argv = readCommand(cursor, header, commandStart);
      const name = nameOf(argv);
      if (name === 'multi') {
        validBeforeMulti = validUpTo;
        inMulti = true;
      } else if (name === 'exec' || name === 'discard') {
        inMulti = false;
      }
      commands.push({ argv, endOffset: cursor.position });
      validUpTo = cursor.position;
    }
  } catch (error: unknown) {
    if (error instanceof FormatError) return { status: 'failed', reason: `Bad file format reading the append only file: ${error.problem}`, offset: error.offset, formatError: true };
    if (!(error instanceof ShortRead)) throw error;
    shortRead = error;
  }
  if (shortRead === undefined && !inMulti) return { status: 'ok', commands };
  const reason = shortRead === undefined ? 'Revert incomplete MULTI/EXEC transaction' : `Unexpected end of file at offset ${shortRead.offset}`;
  // 7.0.15 cuts a short read inside a MULTI at the last whole queued command,
  // leaving the MULTI open for later appends to fall into; we cut before the
  // MULTI in both cases (the documented deviation).
  const cut = inMulti && !(cutInsideOpenMulti && shortRead !== undefined) ? validBeforeMulti : validUpTo;
  if (!loadTruncated) return { status: 'failed', reason, offset: cut, formatError: false };
  return { status: 'truncated', commands: commands.filter((command) => command.endOffset <= cut), validUpTo: cut, reason };
}
