/** shared.redacted: what replaces a secret in the slow log and MONITOR. */
export const REDACTED = Buffer.from('(redacted)');

/** Configs flagged SENSITIVE_CONFIG in Redis 7.0. */
const SENSITIVE_CONFIGS: ReadonlySet<string> = new Set(['masteruser', 'masterauth', 'requirepass']);

function lower(argument: Buffer | undefined): string {
  return argument === undefined ? '' : argument.toString('latin1').toLowerCase();
}

/** authCommand: the password (and username) once the arity is acceptable. */
function authSecrets(argv: readonly Buffer[]): number[] {
  if (argv.length > 3) return [];
  return argv.length === 2 ? [1] : [1, 2];
}

/** helloCommand: AUTH's username and password, for the options parsed before one it does not know. */
function helloSecrets(argv: readonly Buffer[]): number[] {
  const version = Number(lower(argv[1]));
  if (argv.length >= 2 && (version !== 2 && version !== 3)) return [];
  const secrets: number[] = [];
  for (let index = 2; index < argv.length; index++) {
    const remaining = argv.length - 1 - index;
    const option = lower(argv[index]);
    if (option === 'auth' && remaining >= 2) {
      secrets.push(index + 1, index + 2);
      index += 2;
    } else if (option === 'setname' && remaining >= 1) {
      index += 1;
    } else {
      break;
    }
  }
  return secrets;
}

/** migrateCommand: AUTH's password, AUTH2's username and password. */
function migrateSecrets(argv: readonly Buffer[]): number[] {
  const secrets: number[] = [];
  for (let index = 6; index < argv.length; index++) {
    const remaining = argv.length - 1 - index;
    const option = lower(argv[index]);
    if (option === 'copy' || option === 'replace') continue;
    if (option === 'auth' && remaining >= 1) secrets.push(++index);
    else if (option === 'auth2' && remaining >= 2) secrets.push(++index, ++index);
    else break;
  }
  return secrets;
}

/** configSetCommand: the values of sensitive configs, when the arguments come in pairs. */
function configSetSecrets(argv: readonly Buffer[]): number[] {
  if (argv.length % 2 === 1) return [];
  const secrets: number[] = [];
  for (let index = 2; index + 1 < argv.length; index += 2) {
    if (SENSITIVE_CONFIGS.has(lower(argv[index]))) secrets.push(index + 1);
  }
  return secrets;
}

function secretPositions(commandName: string, argv: readonly Buffer[]): number[] {
  switch (commandName) {
    case 'auth': return authSecrets(argv);
    case 'hello': return helloSecrets(argv);
    case 'migrate': return migrateSecrets(argv);
    case 'config|set': return configSetSecrets(argv);
    case 'acl|setuser': return argv.length >= 3 ? Array.from({ length: argv.length - 2 }, (_, offset) => offset + 2) : [];
    default: return [];
  }
}

/**
 * The argument vector the slow log and MONITOR show (c->original_argv after
 * redactClientCommandArgument): secrets replaced by "(redacted)". The
 * handlers that redact in Redis are mirrored here from their parsing.
 */
export function redactedArguments(commandName: string, argv: readonly Buffer[]): readonly Buffer[] {
  const positions = secretPositions(commandName, argv);
  if (positions.length === 0) return argv;
  const copy = argv.slice();
  for (const position of positions) {
    if (position < copy.length) copy[position] = REDACTED;
  }
  return copy;
}
