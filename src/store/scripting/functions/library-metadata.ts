import { splitInlineArguments } from '../../protocol/inline-arguments.js';

/** A library's shebang, parsed (functions.c functionsLibMataData). */
export interface LibraryMetadata {
  readonly engine: string;
  readonly name: string;
  /** The code after the shebang line, from its line feed on (so line numbers hold). */
  readonly code: Buffer;
}

export const INVALID_NAME = 'Library names can only contain letters, numbers, or underscores(_) and must be at least one character long';

/** functionsVerifyName: [a-zA-Z0-9_]+ */
export function isValidFunctionName(name: string): boolean {
  return /^[a-zA-Z0-9_]+$/.test(name);
}

/**
 * functionExtractLibMetaData: `#!<engine> name=<library>` on the first line,
 * split as sdssplitargs splits (quotes allowed); `name=` is matched without
 * case and may appear once; any other part is refused.
 */
export function extractLibraryMetadata(payload: Buffer): LibraryMetadata | { readonly error: string } {
  // The C code reads the payload as a NUL-terminated string.
  const nulAt = payload.indexOf(0);
  const text = nulAt === -1 ? payload : payload.subarray(0, nulAt);
  if (text.length < 2 || text[0] !== 0x23 || text[1] !== 0x21) return { error: 'Missing library metadata' };
  const end = text.indexOf(0x0a);
  if (end === -1) return { error: 'Invalid library metadata' };
  const parts = splitInlineArguments(text.subarray(0, end));
  if (parts === undefined || parts.length === 0) return { error: 'Invalid library metadata' };
  const engine = (parts[0] as Buffer).subarray(2).toString('latin1');
  let name: string | undefined;
  for (const part of parts.slice(1)) {
    const word = part.toString('latin1');
    if (word.slice(0, 5).toLowerCase() === 'name=') {
      if (name !== undefined) return { error: 'Invalid metadata value, name argument was given multiple times' };
      name = word.slice(5);
      continue;
    }
    return { error: `Invalid metadata value given: ${word}` };
  }
  if (name === undefined) return { error: 'Library name was not given' };
  return { engine, name, code: payload.subarray(end) };
}
