/**
 * sdscatrepr: the argument quoted, with `\\`, `"`, `\n`, `\r`, `\t`, `\a`,
 * `\b` escaped and other non-printable bytes as `\xNN`.
 */
export function quotedRepresentation(bytes: Buffer): string {
  let text = '"';
  for (const byte of bytes) {
    switch (byte) {
      case 0x5c: text += '\\\\'; break;
      case 0x22: text += '\\"'; break;
      case 0x0a: text += '\\n'; break;
      case 0x0d: text += '\\r'; break;
      case 0x09: text += '\\t'; break;
      case 0x07: text += '\\a'; break;
      case 0x08: text += '\\b'; break;
      default:
        text += byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
    }
  }
  return `${text}"`;
}

/** Who ran a command, as the line's bracket shows it: `lua` for scripts, else the client's address. */
export type MonitorSource = { readonly kind: 'script' } | { readonly kind: 'address'; readonly address: string };

/**
 * replicationFeedMonitors's line without the leading `+` and trailing CRLF
 * (a status reply adds them): `<sec>.<usec> [<db> <source>] "arg" ...`.
 */
export function monitorLine(nowUs: number, dbIndex: number, source: MonitorSource, argv: readonly Buffer[]): string {
  const seconds = Math.floor(nowUs / 1_000_000);
  const microseconds = String(nowUs - seconds * 1_000_000).padStart(6, '0');
  const who = source.kind === 'script' ? 'lua' : source.address;
  const parts: string[] = [];
  for (const argument of argv) parts.push(quotedRepresentation(argument));
  return `${seconds}.${microseconds} [${dbIndex} ${who}] ${parts.join(' ')}`;
}
