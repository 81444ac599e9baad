import { parseStrictInteger } from '../protocol/integer-text.js';
import { commandMetadata } from './command-metadata.js';

/**
 * getKeysUsingKeySpecs's verdict on the key specs that count their keys
 * (`numkeys` arguments: ZUNIONSTORE, EVAL, LMPOP...): false when a count is
 * not a non-negative integer or points past the arguments. Redis then falls
 * back to the command's getkeys procedure, and every native one finds no keys
 * for such input, so COMMAND GETKEYS answers as for a command without keys.
 */
export function keyCountsAreValid(commandName: string, argv: readonly Buffer[]): boolean {
  for (const keySpec of commandMetadata[commandName]?.keySpecs ?? []) {
    if (keySpec.begin[0] !== 'index' || keySpec.find[0] !== 'keynum') continue;
    const [, keyCountIndex, firstKeyOffset] = keySpec.find;
    let first = keySpec.begin[1];
    if (keyCountIndex >= argv.length || first + keyCountIndex >= argv.length) return false;
    const keyCount = parseStrictInteger(argv[first + keyCountIndex] as Buffer);
    if (keyCount === undefined || keyCount < 0n) return false;
    first += firstKeyOffset;
    const last = first + Number(keyCount) - 1;
    if (last >= argv.length || last < first || first >= argv.length) return false;
  }
  return true;
}
