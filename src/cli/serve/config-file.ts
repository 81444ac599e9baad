import { readFileSync } from 'node:fs';
import { splitInlineArguments } from '../../store/protocol/inline-arguments.js';
import { directiveText, type ConfigProblem, type Directive } from './directive.js';

/** `include` may nest this deep (a guard against include cycles). */
const INCLUDE_DEPTH_MAX = 16;

export type ConfigFileResult = { readonly directives: Directive[] } | { readonly problem: ConfigProblem };

/**
 * Reads a redis.conf (loadServerConfigFromString): one directive a line,
 * arguments split like redis-cli input (quotes, escapes), `#` comments,
 * `include` expanded in place.
 */
export function readConfigFile(path: string, depth = 0): ConfigFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : String((error as Error).message);
    return { problem: { origin: 'the command line', text: path, problem: `Fatal error, can't open config file '${path}': ${reason}` } };
  }
  return parseConfigText(text, path, depth);
}

export function parseConfigText(text: string, path: string, depth = 0): ConfigFileResult {
  const directives: Directive[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] as string).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    if (line === '' || line.startsWith('#')) continue;
    const origin = `line ${index + 1} of ${path}`;
    const split = splitInlineArguments(Buffer.from(line, 'utf8'));
    if (split === undefined) return { problem: { origin, text: line, problem: 'Unbalanced quotes in configuration line' } };
    if (split.length === 0) continue;
    const [nameBytes, ...argBytes] = split;
    const name = (nameBytes as Buffer).toString('utf8').toLowerCase();
    const args = argBytes.map((argument) => argument.toString('utf8'));
    if (name === 'include' && args.length === 1) {
      if (depth >= INCLUDE_DEPTH_MAX) return { problem: { origin, text: line, problem: `include nested deeper than ${INCLUDE_DEPTH_MAX} files` } };
      const included = readConfigFile(args[0] as string, depth + 1);
      if ('problem' in included) return included;
      directives.push(...included.directives);
      continue;
    }
    directives.push({ name, args, origin, text: directiveText(name, args) });
  }
  return { directives };
}
