import { listpackEntryBytes, listpackOverheadBytes } from './listpack.js';

/** quicklist's optimization_level: the byte limit of a node for fill -1 .. -5. */
const NODE_BYTES_BY_NEGATIVE_FILL = [4096, 8192, 16384, 32768, 65536] as const;
/** SIZE_SAFETY_LIMIT: a node of a count-limited list stays under this too. */
const SIZE_SAFETY_LIMIT = 8192;

/**
 * Splits a list's elements into quicklist nodes as list-max-listpack-size
 * asks: a byte limit per node (negative fill) or an element count (positive,
 * with the 8 KiB safety limit). An element too big for any node gets a node
 * of its own, as quicklist does.
 */
export function splitIntoNodes(elements: readonly Buffer[], fill: number): Buffer[][] {
  const byteLimit = fill < 0 ? NODE_BYTES_BY_NEGATIVE_FILL[Math.min(-fill, 5) - 1] ?? SIZE_SAFETY_LIMIT : SIZE_SAFETY_LIMIT;
  const countLimit = fill > 0 ? fill : Number.POSITIVE_INFINITY;
  const nodes: Buffer[][] = [];
  let current: Buffer[] = [];
  let currentBytes = listpackOverheadBytes;
  for (const element of elements) {
    const elementBytes = listpackEntryBytes(element);
    const fits = current.length < countLimit && currentBytes + elementBytes <= byteLimit;
    if (current.length > 0 && !fits) {
      nodes.push(current);
      current = [];
      currentBytes = listpackOverheadBytes;
    }
    current.push(element);
    currentBytes += elementBytes;
  }
  if (current.length > 0) nodes.push(current);
  return nodes;
}
