import { assert } from '../../core/assert.js';
import { copyBytes, decimalLength, writeDecimal, writeUtf8 } from './byte-writing.js';

/** Encodes a command as a RESP2 multibulk request, as clients send it (one allocation, exact size). */
export function encodeRequest(argv: readonly (Buffer | string)[]): Buffer {
  const lengths = argv.map((argument) => (typeof argument === 'string' ? Buffer.byteLength(argument, 'utf8') : argument.length));
  let total = 1 + decimalLength(argv.length) + 2;
  for (const length of lengths) total += 1 + decimalLength(length) + 2 + length + 2;
  const request = Buffer.allocUnsafe(total);
  request[0] = 0x2a;
  let offset = writeCrlf(request, writeDecimal(request, 1, argv.length));
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as Buffer | string;
    const length = lengths[index] as number;
    request[offset++] = 0x24;
    offset = writeCrlf(request, writeDecimal(request, offset, length));
    offset = typeof argument === 'string' ? writeUtf8(request, offset, argument, length) : copyBytes(argument, 0, length, request, offset);
    offset = writeCrlf(request, offset);
  }
  assert(offset === total, 'the request fills exactly the bytes counted for it');
  return request;
}

function writeCrlf(target: Buffer, offset: number): number {
  target[offset] = 0x0d;
  target[offset + 1] = 0x0a;
  return offset + 2;
}
