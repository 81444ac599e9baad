/**
 * What the embedded fast path reads from an argv before it runs anything:
 * which of its commands it names, the key's map name, and the size of the
 * RESP request the general path would have parsed (net_input_bytes). All
 * without allocating: these run on every SET/GET/INCR/DECR.
 */
import { decimalLength } from './protocol/byte-writing.js';

export type FastCommand = 'set' | 'get' | 'incr' | 'decr';

const LOWER_S = 0x73;
const LOWER_G = 0x67;
const LOWER_E = 0x65;
const LOWER_T = 0x74;
const LOWER_I = 0x69;
const LOWER_D = 0x64;
const LOWER_N = 0x6e;
const LOWER_C = 0x63;
const LOWER_R = 0x72;
/** ORed into an ASCII letter, lowers it; only an upper or lower letter maps to a lower letter. */
const CASE_BIT = 0x20;

/**
 * The fast-path command an argv names (any letter case, as the command
 * table's lookup ignores case) with the argument count it takes there
 * (SET key value, GET key, INCR key, DECR key), or undefined.
 */
export function fastCommandOf(argv: readonly (string | Buffer)[]): FastCommand | undefined {
  const name = argv[0];
  if (typeof name !== 'string') return undefined;
  if (name.length === 3) {
    if ((name.charCodeAt(1) | CASE_BIT) !== LOWER_E || (name.charCodeAt(2) | CASE_BIT) !== LOWER_T) return undefined;
    const first = name.charCodeAt(0) | CASE_BIT;
    if (first === LOWER_S) return argv.length === 3 ? 'set' : undefined;
    return first === LOWER_G && argv.length === 2 ? 'get' : undefined;
  }
  if (name.length !== 4 || argv.length !== 2) return undefined;
  if ((name.charCodeAt(1) | CASE_BIT) !== LOWER_N && (name.charCodeAt(1) | CASE_BIT) !== LOWER_E) return undefined;
  if ((name.charCodeAt(2) | CASE_BIT) !== LOWER_C || (name.charCodeAt(3) | CASE_BIT) !== LOWER_R) return undefined;
  const first = name.charCodeAt(0) | CASE_BIT;
  const second = name.charCodeAt(1) | CASE_BIT;
  if (first === LOWER_I && second === LOWER_N) return 'incr';
  return first === LOWER_D && second === LOWER_E ? 'decr' : undefined;
}

/** True if every char is below 0x80 (the string's UTF-8 bytes are its latin1 text). */
export function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) >= 0x80) return false;
  return true;
}

/**
 * The key's map name (binaryKey of the bytes the general path would make),
 * or undefined for a string with a char at or above 0x80 (its UTF-8 bytes
 * are not its chars: the general path encodes it).
 */
export function keyNameOf(key: string | Buffer): string | undefined {
  if (typeof key !== 'string') return key.toString('latin1');
  return isAscii(key) ? key : undefined;
}

/** `$len\r\n...\r\n` of one argument of `length` bytes (short lengths without a digit loop). */
function bulkBytes(length: number): number {
  if (length < 10) return 6 + length;
  if (length < 100) return 7 + length;
  return length < 1000 ? 8 + length : 5 + decimalLength(length) + length;
}

/** The bytes of `*N\r\n` (N below 10) and each argument's bulk string: what the RESP request takes. */
export function requestBytesOf(nameLength: number, keyLength: number, valueLength: number | undefined): number {
  const bytes = 4 + bulkBytes(nameLength) + bulkBytes(keyLength);
  return valueLength === undefined ? bytes : bytes + bulkBytes(valueLength);
}
