/**
 * The multi-part AOF manifest (aof.c): one line per file,
 * `file <name> seq <n> type <b|h|i>`, base first, then history, then incr.
 */
export type AofFileType = 'b' | 'h' | 'i';

export interface AofFileInfo {
  readonly name: string;
  readonly seq: number;
  readonly type: AofFileType;
}

export interface AofManifest {
  readonly base: AofFileInfo | undefined;
  readonly history: readonly AofFileInfo[];
  readonly incr: readonly AofFileInfo[];
  readonly currentBaseSeq: number;
  readonly currentIncrSeq: number;
}

export const emptyManifest: AofManifest = { base: undefined, history: [], incr: [], currentBaseSeq: 0, currentIncrSeq: 0 };

export const MANIFEST_SUFFIX = '.manifest';
export const TEMP_PREFIX = 'temp-';

function formatLine(info: AofFileInfo): string {
  const name = /[\s"'\\]/.test(info.name) ? JSON.stringify(info.name) : info.name;
  return `file ${name} seq ${info.seq} type ${info.type}\n`;
}

/** getAofManifestAsString */
export function formatManifest(manifest: AofManifest): string {
  const lines: string[] = [];
  if (manifest.base !== undefined) lines.push(formatLine(manifest.base));
  for (const info of manifest.history) lines.push(formatLine(info));
  for (const info of manifest.incr) lines.push(formatLine(info));
  return lines.join('');
}

/** sdssplitargs, enough for manifest lines: words, and double-quoted names with escapes. */
function splitArguments(line: string): string[] | undefined {
  const words: string[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(line)) !== null) {
    if (match[1] !== undefined) words.push(match[1].replace(/\\(.)/g, '$1'));
    else words.push(match[2] ?? match[3] ?? '');
    if (pattern.lastIndex >= line.length) break;
  }
  return words;
}

type ParsedLine = AofFileInfo | { readonly error: string };

function parseLine(line: string): ParsedLine {
  const words = splitArguments(line);
  if (words === undefined || words.length < 6 || words.length % 2 !== 0) return { error: 'Invalid AOF manifest file format' };
  let name: string | undefined;
  let seq = 0;
  let type = '';
  for (let index = 0; index < words.length; index += 2) {
    const key = (words[index] as string).toLowerCase();
    const value = words[index + 1] as string;
    if (key === 'file') {
      if (value.includes('/')) return { error: "File can't be a path, just a filename" };
      name = value;
    } else if (key === 'seq') {
      seq = Number.parseInt(value, 10) || 0;
    } else if (key === 'type') {
      type = value.charAt(0);
    }
  }
  if (name === undefined || name === '' || seq === 0 || type === '') return { error: 'Invalid AOF manifest file format' };
  if (type !== 'b' && type !== 'h' && type !== 'i') return { error: 'Unknown AOF file type' };
  return { name, seq, type };
}

const LINE_BYTES_MAX = 1024;

/** aofLoadManifestFromFile: the manifest, or the error Redis stops with (and the line it was on). */
export function parseManifest(text: string): AofManifest | { readonly error: string; readonly line: number } {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return { error: 'Found an empty AOF manifest', line: 0 };
  let manifest: { base: AofFileInfo | undefined; history: AofFileInfo[]; incr: AofFileInfo[]; currentBaseSeq: number; currentIncrSeq: number } = { base: undefined, history: [], incr: [], currentBaseSeq: 0, currentIncrSeq: 0 };
  for (const [index, raw] of lines.entries()) {
    if (raw.startsWith('#')) continue;
    const lineNumber = index + 1;
    const unterminated = index === lines.length - 1 && !text.endsWith('\n');
    if (raw.length > LINE_BYTES_MAX || unterminated) return { error: 'The AOF manifest file contains too long line', line: lineNumber };
    const trimmed = raw.trim();
    if (trimmed.length === 0) return { error: 'Invalid AOF manifest file format', line: lineNumber };
    const parsed = parseLine(trimmed);
    if ('error' in parsed) return { error: parsed.error, line: lineNumber };
    if (parsed.type === 'b') {
      if (manifest.base !== undefined) return { error: 'Found duplicate base file information', line: lineNumber };
      manifest = { ...manifest, base: parsed, currentBaseSeq: parsed.seq };
    } else if (parsed.type === 'h') {
      manifest.history.push(parsed);
    } else {
      if (parsed.seq <= manifest.currentIncrSeq) return { error: 'Found a non-monotonic sequence number', line: lineNumber };
      manifest.incr.push(parsed);
      manifest.currentIncrSeq = parsed.seq;
    }
  }
  return manifest;
}

/** getNewBaseFileNameAndMarkPreAsHistory */
export function withNewBase(manifest: AofManifest, aofName: string, rdbPreamble: boolean): AofManifest {
  const seq = manifest.currentBaseSeq + 1;
  const base: AofFileInfo = { name: `${aofName}.${seq}.base${rdbPreamble ? '.rdb' : '.aof'}`, seq, type: 'b' };
  const history = manifest.base === undefined ? manifest.history : [{ ...manifest.base, type: 'h' as const }, ...manifest.history];
  return { ...manifest, base, history, currentBaseSeq: seq };
}

/** getNewIncrAofName */
export function withNewIncr(manifest: AofManifest, aofName: string): AofManifest {
  const seq = manifest.currentIncrSeq + 1;
  return { ...manifest, incr: [...manifest.incr, { name: `${aofName}.${seq}.incr.aof`, seq, type: 'i' }], currentIncrSeq: seq };
}

/** markRewrittenIncrAofAsHistory: every incr file but the one being written becomes history. */
export function withRewrittenIncrAsHistory(manifest: AofManifest, keepLast: boolean): AofManifest {
  const keep = keepLast ? manifest.incr.slice(-1) : [];
  const rewritten = keepLast ? manifest.incr.slice(0, -1) : manifest.incr;
  const history = [...rewritten.map((info) => ({ ...info, type: 'h' as const })), ...manifest.history];
  return { ...manifest, incr: keep, history };
}

export function lastIncr(manifest: AofManifest): AofFileInfo | undefined {
  return manifest.incr[manifest.incr.length - 1];
}
