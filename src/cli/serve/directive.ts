/**
 * One redis.conf directive, from a config file line or from the command line
 * (`--name arg ...`), with where it came from for error messages.
 */
export interface Directive {
  /** Lowercase directive name, e.g. `port`. */
  readonly name: string;
  readonly args: readonly string[];
  /** Where it was written: `line 3 of /etc/redis.conf` or `the command line`. */
  readonly origin: string;
  /** The directive as written, quoted back (`>>> 'port 6379'`). */
  readonly text: string;
}

/** A config problem: redis-server's FATAL CONFIG FILE ERROR, with redsim's exit code 64. */
export interface ConfigProblem {
  readonly origin: string;
  readonly text: string;
  readonly problem: string;
}

export function directiveProblem(directive: Directive, problem: string): ConfigProblem {
  return { origin: directive.origin, text: directive.text, problem };
}

/** Quotes an argument back the way redis-server echoes a bad line (sdscatrepr for anything unusual). */
export function quoteArgument(argument: string): string {
  if (argument !== '' && /^[\x21-\x7e]+$/.test(argument) && !/["'\\]/.test(argument)) return argument;
  return JSON.stringify(argument);
}

export function directiveText(name: string, args: readonly string[]): string {
  return [name, ...args.map(quoteArgument)].join(' ');
}

/** The text printed for a problem, shaped like redis-server's. */
export function formatConfigProblem(problem: ConfigProblem, redisVersion: string): string {
  return [
    '',
    `*** FATAL CONFIG FILE ERROR (redsim, Redis ${redisVersion}) ***`,
    `Reading the configuration, at ${problem.origin}`,
    `>>> '${problem.text}'`,
    problem.problem,
    '',
  ].join('\n');
}
