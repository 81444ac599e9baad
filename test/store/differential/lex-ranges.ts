import { commandName } from './operation.js';

/**
 * Lex ranges (ZRANGEBYLEX and friends) are defined only when all members of
 * the sorted set share one score. Otherwise Redis's skiplist search
 * (zslFirstInLexRange) skips along the random levels of the skiplist, so the
 * answer depends on Redis's random() and differs between two real servers;
 * a listpack is scanned in order, which stays deterministic. The harness
 * probes such a key before the command and relaxes the comparison in that
 * case only.
 */
const lexReaders = new Set(['zrangebylex', 'zrevrangebylex', 'zlexcount', 'zremrangebylex']);

const hasBylex = (command: readonly Buffer[]): boolean => command.some((item) => item.toString('latin1').toLowerCase() === 'bylex');

/** The key whose sorted set a lex-range command searches, if it is one. */
export function lexRangeSource(command: readonly Buffer[]): Buffer | undefined {
  const name = commandName(command);
  if (lexReaders.has(name) || (name === 'zrange' && hasBylex(command))) return command[1];
  if (name === 'zrangestore' && hasBylex(command)) return command[2];
  return undefined;
}

/** The key a lex-range command writes (its contents are then checked, and deleted to make both servers equal again). */
export function lexRangeDestination(command: readonly Buffer[]): Buffer | undefined {
  const name = commandName(command);
  if (name === 'zremrangebylex') return command[1];
  if (name === 'zrangestore' && hasBylex(command)) return command[1];
  return undefined;
}
