import { SlabCopier } from './slab-bytes.js';

/**
 * Copies of command arguments that a collection keeps (hash fields and
 * values, set members, zset members): from shared write-once slabs, several
 * times cheaper than `Buffer.from` for the short strings these usually are.
 */
const elementCopier = new SlabCopier(16 * 1024);

/** A copy of `data` that nothing else writes to. */
export function copyElement(data: Uint8Array): Buffer {
  return elementCopier.copy(data);
}
