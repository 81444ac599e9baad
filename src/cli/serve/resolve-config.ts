import { resolve } from 'node:path';
import { StoreConfig } from '../../store/server/config.js';
import { splitInlineArguments } from '../../store/protocol/inline-arguments.js';
import { directiveProblem, type ConfigProblem, type Directive } from './directive.js';
import { directoryProblem, logFileProblem } from './directory-check.js';
import { IGNORED_DIRECTIVES, UNSUPPORTED_DIRECTIVES } from './ignored-directives.js';

/** The node config redsim serve starts from: like redis-server's, but listening on loopback only (the bind line of Redis's shipped redis.conf). */
export const SERVE_DEFAULTS: Readonly<Record<string, string>> = { bind: '127.0.0.1 -::1' };

/** Directives taking several arguments (MULTI_ARG_CONFIG in config.c). */
const MULTI_ARGUMENT: ReadonlySet<string> = new Set(['save', 'client-output-buffer-limit', 'bind', 'replicaof']);

export interface ResolvedConfig {
  /** Canonical directive name → value text, ready for `new StoreNode({ config })`. */
  readonly options: Readonly<Record<string, string>>;
  /** Directives accepted without effect, to log at startup. */
  readonly warnings: readonly string[];
}

/**
 * Applies directives in order over redsim's defaults, validating each the
 * way redis-server does while loading its config (same error texts), plus
 * the checks redis-server makes on `dir` and `logfile`.
 */
export function resolveConfig(directives: readonly Directive[]): ResolvedConfig | { readonly problem: ConfigProblem } {
  const scratch = new StoreConfig(SERVE_DEFAULTS);
  const options: Record<string, string> = { ...SERVE_DEFAULTS };
  const warnings: string[] = [];
  let saveStarted = false;
  for (const directive of directives) {
    if (IGNORED_DIRECTIVES.has(directive.name)) {
      warnings.push(`Ignoring '${directive.text}': redsim has no such feature.`);
      continue;
    }
    if (UNSUPPORTED_DIRECTIVES.has(directive.name) || directive.name.includes('.')) {
      return { problem: directiveProblem(directive, `'${directive.name}' is not supported by redsim`) };
    }
    const parameter = scratch.lookup(directive.name);
    if (parameter === undefined) return { problem: directiveProblem(directive, 'Bad directive or wrong number of arguments') };
    const value = directiveValue(directive, parameter.name, saveStarted ? options['save'] : undefined);
    if (typeof value !== 'string') return { problem: value };
    if (parameter.name === 'save') saveStarted = true;
    const checked = checkValue(parameter.name, value, directive, warnings);
    if (typeof checked !== 'string') return { problem: checked };
    const refused = scratch.set(parameter.name, checked, { startup: true });
    if (refused !== undefined) return { problem: directiveProblem(directive, refused.error) };
    options[parameter.name] = checked;
  }
  return { options, warnings };
}

/** The value text of a directive: one argument, or several joined (a single quoted one is split first, as Redis). */
function directiveValue(directive: Directive, name: string, saveSoFar: string | undefined): string | ConfigProblem {
  if (!MULTI_ARGUMENT.has(name)) {
    if (directive.args.length !== 1) return directiveProblem(directive, 'wrong number of arguments');
    return directive.args[0] as string;
  }
  let args = directive.args;
  if (args.length === 1 && args[0] !== '') args = (splitInlineArguments(Buffer.from(args[0] as string, 'utf8')) ?? []).map((part) => part.toString('utf8'));
  if (name === 'replicaof') return replicaOfValue(directive, args);
  const joined = args.filter((argument) => argument !== '').join(' ');
  // A config's first `save` line replaces the default save points; later ones add to them; `save ""` clears them.
  if (name === 'save' && saveSoFar !== undefined && joined !== '') return saveSoFar === '' ? joined : `${saveSoFar} ${joined}`;
  return joined;
}

function replicaOfValue(directive: Directive, args: readonly string[]): string | ConfigProblem {
  if (args.length !== 2) return directiveProblem(directive, 'wrong number of arguments');
  const [host, port] = args as [string, string];
  if (host.toLowerCase() === 'no' && port.toLowerCase() === 'one') return '';
  if (!/^\d+$/.test(port) || Number(port) > 65535) return directiveProblem(directive, 'Invalid master port');
  return `${host} ${port}`;
}

/** The checks redis-server makes beyond the value's syntax (it chdirs to `dir` and opens `logfile` at once). */
function checkValue(name: string, value: string, directive: Directive, warnings: string[]): string | ConfigProblem {
  if (name === 'dir') {
    const problem = directoryProblem(value);
    return problem === undefined ? resolve(value) : directiveProblem(directive, `Can't use '${value}' as the data directory: ${problem}`);
  }
  if (name === 'logfile' && value !== '') {
    const problem = logFileProblem(value);
    return problem === undefined ? resolve(value) : directiveProblem(directive, problem);
  }
  if (name === 'daemonize' && value.toLowerCase() === 'yes') {
    warnings.push("Ignoring 'daemonize yes': redsim serve stays in the foreground (use your service manager to background it).");
    return 'no';
  }
  return value;
}
