import { exitCodes } from '../../core/errors.js';
import { REDIS_VERSION } from '../../store/server/version.js';
import { readConfigFile } from './config-file.js';
import { formatConfigProblem, type Directive } from './directive.js';
import { directoryProblem } from './directory-check.js';
import { resolveConfig, type ResolvedConfig } from './resolve-config.js';
import { parseServeArguments } from './serve-arguments.js';

/** Either the resolved settings or the message and exit code of a refusal. */
export type ServeSettings = (ResolvedConfig & { readonly configFile: string | undefined }) | { readonly failure: string; readonly exitCode: number };

/**
 * From `redsim serve` arguments to a validated node config: the config
 * file's directives first, then the command line's, then redsim's checks
 * (a data directory that exists and is writable).
 */
export function loadServeSettings(tokens: readonly string[]): ServeSettings {
  const parsed = parseServeArguments(tokens);
  if ('problem' in parsed) return { failure: formatConfigProblem(parsed.problem, REDIS_VERSION), exitCode: exitCodes.usage };
  const directives: Directive[] = [];
  if (parsed.configFile !== undefined) {
    const fromFile = readConfigFile(parsed.configFile);
    if ('problem' in fromFile) return { failure: formatConfigProblem(fromFile.problem, REDIS_VERSION), exitCode: exitCodes.usage };
    directives.push(...fromFile.directives);
  }
  directives.push(...parsed.directives);
  const resolved = resolveConfig(directives);
  if ('problem' in resolved) return { failure: formatConfigProblem(resolved.problem, REDIS_VERSION), exitCode: exitCodes.usage };
  if (resolved.options['dir'] === undefined) {
    const problem = directoryProblem(process.cwd());
    if (problem !== undefined) return { failure: `redsim serve: can't use the working directory '${process.cwd()}' as the data directory: ${problem}\n`, exitCode: exitCodes.usage };
    return { ...resolved, options: { ...resolved.options, dir: process.cwd() }, configFile: parsed.configFile };
  }
  return { ...resolved, configFile: parsed.configFile };
}
