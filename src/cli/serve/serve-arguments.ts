import { directiveText, type ConfigProblem, type Directive } from './directive.js';

export interface ServeArguments {
  /** A redis.conf to read first (`--config FILE`, or the first argument as redis-server takes it). */
  readonly configFile: string | undefined;
  /** The command-line directives, applied after the file's, in order. */
  readonly directives: readonly Directive[];
}

const COMMAND_LINE = 'the command line';

/** Flags of redsim itself (not redis.conf directives). */
const OWN_FLAGS: ReadonlySet<string> = new Set(['config', 'help']);

/**
 * Parses `redsim serve` arguments the way redis-server parses its own:
 * `--name arg arg ...` is the redis.conf line `name arg arg ...`, so every
 * directive works as a flag (`--replicaof HOST PORT`, `--save ""`). A flag
 * with no argument means an empty one for `save` (`--save --port 1`).
 */
export function parseServeArguments(tokens: readonly string[]): ServeArguments | { readonly problem: ConfigProblem } {
  let configFile: string | undefined;
  const groups: { name: string; args: string[] }[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as string;
    if (token.startsWith('--') && token.length > 2) {
      const [name, inlineValue] = splitFlag(token.slice(2));
      groups.push({ name: name.toLowerCase(), args: inlineValue === undefined ? [] : [inlineValue] });
      continue;
    }
    const current = groups[groups.length - 1];
    if (current !== undefined) current.args.push(token);
    else if (index === 0 && configFile === undefined) configFile = token;
    else return { problem: { origin: COMMAND_LINE, text: token, problem: `Unexpected argument '${token}': directives are given as --name value` } };
  }
  const directives: Directive[] = [];
  for (const group of groups) {
    if (group.name === 'config') {
      if (group.args.length !== 1) return { problem: { origin: COMMAND_LINE, text: directiveText('--config', group.args), problem: '--config takes one file name' } };
      configFile = group.args[0];
      continue;
    }
    if (OWN_FLAGS.has(group.name)) continue;
    const args = group.args.length === 0 && group.name === 'save' ? [''] : group.args;
    directives.push({ name: group.name, args, origin: `${COMMAND_LINE} (--${group.name})`, text: directiveText(group.name, args) });
  }
  return { configFile, directives };
}

/** `--name=value` is accepted as `--name value` (the usual CLI spelling). */
function splitFlag(flag: string): [string, string | undefined] {
  const equals = flag.indexOf('=');
  if (equals <= 0) return [flag, undefined];
  return [flag.slice(0, equals), flag.slice(equals + 1)];
}
