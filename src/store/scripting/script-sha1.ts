import { createHash } from 'node:crypto';

/** sha1hex (eval.c): the 40 lowercase hex digits of a script body's SHA1, its name in the script cache. */
export function sha1Hex(data: Uint8Array | string): string {
  const hash = createHash('sha1');
  hash.update(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  return hash.digest('hex');
}
