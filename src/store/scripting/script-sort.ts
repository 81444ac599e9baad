import type { CommandSpec } from '../commands/command.js';
import type { StoreNode } from '../server/node.js';

/**
 * sortCommandGeneric's rule for the script client (CLIENT_SCRIPT): SORT of a
 * set BY a constant pattern (no `*`, "don't sort") would return the set's
 * internal order, which scripts must not see; Redis sorts it ALPHA instead.
 * Here that is the same command without its BY options and with ALPHA.
 */
export function sortArgvForScript(node: StoreNode, dbIndex: number, spec: CommandSpec, argv: Buffer[]): Buffer[] {
  if ((spec.name !== 'sort' && spec.name !== 'sort_ro') || argv.length < 4) return argv;
  let constantBy = false;
  for (let index = 2; index < argv.length - 1; index++) {
    if ((argv[index] as Buffer).toString('latin1').toLowerCase() === 'by' && !(argv[index + 1] as Buffer).includes('*')) constantBy = true;
  }
  if (!constantBy || node.database(dbIndex).peek(argv[1] as Buffer)?.type !== 'set') return argv;
  const rewritten: Buffer[] = [argv[0] as Buffer, argv[1] as Buffer];
  for (let index = 2; index < argv.length; index++) {
    const argument = argv[index] as Buffer;
    if (argument.toString('latin1').toLowerCase() === 'by' && index + 1 < argv.length) {
      index++;
      continue;
    }
    rewritten.push(argument);
  }
  rewritten.push(Buffer.from('ALPHA'));
  return rewritten;
}
