/**
 * Redis's `sdssplitargs` (sds.c): splits an inline request line into
 * arguments, with "double quotes" (escapes \n \r \t \b \a \xHH and \<any>)
 * and 'single quotes' (only \' is an escape). Returns undefined for
 * unbalanced quotes or a closing quote followed by a non-space, exactly the
 * cases Redis rejects. The C code works on a NUL-terminated copy, so a NUL
 * byte ends the line.
 */
export function splitInlineArguments(lineBytes: Buffer): Buffer[] | undefined {
  const nulAt = lineBytes.indexOf(0);
  const line = nulAt === -1 ? lineBytes : lineBytes.subarray(0, nulAt);
  const argumentsFound: Buffer[] = [];
  let position = 0;
  for (;;) {
    while (position < line.length && isSpace(line[position] as number)) position++;
    if (position >= line.length) return argumentsFound;
    const token = readToken(line, position);
    if (token === undefined) return undefined;
    argumentsFound.push(Buffer.from(token.bytes));
    position = token.next;
  }
}

/** C isspace in the "C" locale. */
function isSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

function isHexDigit(byte: number | undefined): boolean {
  if (byte === undefined) return false;
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

function hexValue(byte: number): number {
  if (byte <= 0x39) return byte - 0x30;
  if (byte <= 0x46) return byte - 0x41 + 10;
  return byte - 0x61 + 10;
}

const ESCAPES: Readonly<Record<number, number>> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x61: 0x07 };

type QuoteState = 'none' | 'double' | 'single';

function readToken(line: Buffer, start: number): { bytes: number[]; next: number } | undefined {
  const bytes: number[] = [];
  let state: QuoteState = 'none';
  let position = start;
  for (;;) {
    const byte = line[position];
    if (state === 'double') {
      if (byte === undefined) return undefined;
      if (byte === 0x5c && line[position + 1] === 0x78 && isHexDigit(line[position + 2]) && isHexDigit(line[position + 3])) {
        bytes.push(hexValue(line[position + 2] as number) * 16 + hexValue(line[position + 3] as number));
        position += 4;
      } else if (byte === 0x5c && line[position + 1] !== undefined) {
        const escaped = line[position + 1] as number;
        bytes.push(ESCAPES[escaped] ?? escaped);
        position += 2;
      } else if (byte === 0x22) {
        return closeQuote(line, position, bytes);
      } else {
        bytes.push(byte);
        position++;
      }
    } else if (state === 'single') {
      if (byte === undefined) return undefined;
      if (byte === 0x5c && line[position + 1] === 0x27) {
        bytes.push(0x27);
        position += 2;
      } else if (byte === 0x27) {
        return closeQuote(line, position, bytes);
      } else {
        bytes.push(byte);
        position++;
      }
    } else {
      if (byte === undefined || byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) {
        return { bytes, next: byte === undefined ? position : position + 1 };
      }
      if (byte === 0x22) state = 'double';
      else if (byte === 0x27) state = 'single';
      else bytes.push(byte);
      position++;
    }
  }
}

/** A closing quote must be followed by a space or the end of the line. */
function closeQuote(line: Buffer, quoteAt: number, bytes: number[]): { bytes: number[]; next: number } | undefined {
  const after = line[quoteAt + 1];
  if (after !== undefined && !isSpace(after)) return undefined;
  return { bytes, next: quoteAt + 1 };
}
