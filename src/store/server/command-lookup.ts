import type { CommandSpec } from '../commands/command.js';
import { rememberedArgumentText } from '../keyspace/argument-text.js';

/** Lowercase forms of command names seen (bounded: a client sending random names fills it once). */
const lowercaseNames = new Map<string, string>();
const LOWERCASE_NAMES_MAX = 4096;

/** The last name asked about and its lowercase form: pipelines repeat one command, whose interned text is the same string. */
let lastNameText = '';
let lastLowercaseName = '';

/** argv[0] as lowercase latin1 text, the command table's key. */
export function commandNameOf(nameArgument: Buffer): string {
  const text = rememberedArgumentText(nameArgument) ?? nameArgument.toString('latin1');
  if (text === lastNameText) return lastLowercaseName;
  let lowercase = lowercaseNames.get(text);
  if (lowercase === undefined) {
    lowercase = text.toLowerCase();
    if (lowercaseNames.size < LOWERCASE_NAMES_MAX) lowercaseNames.set(text, lowercase);
  }
  lastNameText = text;
  lastLowercaseName = lowercase;
  return lowercase;
}

/** The spec, or the error; an arity error still names the spec (rejectCommand aborts EXEC with it). */
export type LookupResult = { readonly spec: CommandSpec } | { readonly error: string; readonly spec?: CommandSpec };

/**
 * lookupCommand + commandCheckExistence + commandCheckArity (server.c): the
 * spec for argv, or the exact error Redis 7.0 replies. `lowercaseName`:
 * argv[0] as lowercase latin1 text, when the caller already has it.
 */
export function lookupCommand(table: ReadonlyMap<string, CommandSpec>, argv: readonly Buffer[], lowercaseName?: string): LookupResult {
  const base = table.get(lowercaseName ?? (argv[0] as Buffer).toString('latin1').toLowerCase());
  let spec: CommandSpec | undefined = base;
  if (base?.subcommands !== undefined && argv.length > 1) {
    const subName = `${base.name}|${(argv[1] as Buffer).toString('latin1').toLowerCase()}`;
    spec = base.subcommands.find((sub) => sub.name === subName);
    if (spec === undefined) {
      return { error: mapNewlines(`ERR unknown subcommand '${cString(argv[1] as Buffer, 128)}'. Try ${cString(argv[0] as Buffer).toUpperCase()} HELP.`) };
    }
  }
  if (spec === undefined) return { error: unknownCommandError(argv) };
  if ((spec.arity > 0 && spec.arity !== argv.length) || argv.length < -spec.arity) {
    return { error: `ERR wrong number of arguments for '${spec.name}' command`, spec };
  }
  return { spec };
}

/** "unknown command '%.128s', with args beginning with: " + each arg as "'%.*s' " until 128 chars. */
export function unknownCommandError(argv: readonly Buffer[]): string {
  let args = '';
  for (let index = 1; index < argv.length && args.length < 128; index++) {
    args += `'${cString(argv[index] as Buffer, 128 - args.length)}' `;
  }
  return mapNewlines(`ERR unknown command '${cString(argv[0] as Buffer, 128)}', with args beginning with: ${args}`);
}

/** A C string's view of a buffer: up to the first NUL, at most `precision` bytes, as latin1 text. */
function cString(data: Buffer, precision = Infinity): string {
  const nulAt = data.indexOf(0);
  const end = Math.min(nulAt === -1 ? data.length : nulAt, precision);
  return data.subarray(0, end).toString('latin1');
}

function mapNewlines(text: string): string {
  return text.replace(/[\r\n]/g, ' ');
}
