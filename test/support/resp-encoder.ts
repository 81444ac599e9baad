/** An argument as tests write it: text is sent as UTF-8, a Buffer as is. */
export type CommandArgument = string | Buffer;

export function argumentBytes(argument: CommandArgument): Buffer {
  return typeof argument === 'string' ? Buffer.from(argument, 'utf8') : argument;
}

/** Encodes one command as a RESP2 multibulk request (what redis-cli sends). */
export function encodeCommand(argv: readonly CommandArgument[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${argv.length}\r\n`, 'latin1')];
  for (const argument of argv) {
    const data = argumentBytes(argument);
    parts.push(Buffer.from(`$${data.length}\r\n`, 'latin1'), data, CRLF);
  }
  return Buffer.concat(parts);
}

/** Encodes a reply tree back to RESP2 bytes (used to build planted replies in tests). */
export function encodeStatus(text: string): Buffer {
  return Buffer.from(`+${text}\r\n`, 'latin1');
}

export function encodeError(text: string): Buffer {
  return Buffer.from(`-${text}\r\n`, 'latin1');
}

export function encodeInteger(value: bigint | number): Buffer {
  return Buffer.from(`:${value.toString()}\r\n`, 'latin1');
}

export function encodeBulk(value: CommandArgument | null): Buffer {
  if (value === null) return Buffer.from('$-1\r\n', 'latin1');
  const data = argumentBytes(value);
  return Buffer.concat([Buffer.from(`$${data.length}\r\n`, 'latin1'), data, CRLF]);
}

export function encodeArray(items: readonly Buffer[] | null): Buffer {
  if (items === null) return Buffer.from('*-1\r\n', 'latin1');
  return Buffer.concat([Buffer.from(`*${items.length}\r\n`, 'latin1'), ...items]);
}

const CRLF = Buffer.from('\r\n', 'latin1');
