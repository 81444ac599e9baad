/** Encodes a command as a RESP2 multibulk request, as clients send it. */
export function encodeRequest(argv: readonly (Buffer | string)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${argv.length}\r\n`, 'latin1')];
  for (const argument of argv) {
    const data = typeof argument === 'string' ? Buffer.from(argument, 'utf8') : argument;
    parts.push(Buffer.from(`$${data.length}\r\n`, 'latin1'), data, CRLF);
  }
  return Buffer.concat(parts);
}

const CRLF = Buffer.from('\r\n', 'latin1');
