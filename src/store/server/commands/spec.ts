import type { CommandContext, CommandFlag, CommandSpec } from '../../commands/command.js';

/** Shorthand for the specs of keyless commands (most server and connection commands). */
export function keyless(
  name: string,
  arity: number,
  flags: readonly CommandFlag[],
  categories: readonly string[],
  handler: (ctx: CommandContext) => void,
): CommandSpec {
  return { name, arity, flags, categories, firstKey: 0, lastKey: 0, keyStep: 0, handler };
}

/** A container command (CONFIG, CLIENT...): its own spec only answers when called without a subcommand. */
export function container(name: string, subcommands: readonly CommandSpec[], categories: readonly string[] = ['slow']): CommandSpec {
  return {
    name,
    arity: -2,
    flags: [],
    categories,
    firstKey: 0,
    lastKey: 0,
    keyStep: 0,
    subcommands,
    handler: (ctx) => ctx.reply.error(`ERR wrong number of arguments for '${name}' command`),
  };
}

/** The argument at `index` as latin1 text (binary-safe round trip). */
export function argText(ctx: CommandContext, index: number): string {
  return (ctx.argv[index] as Buffer).toString('latin1');
}

/** strcasecmp of an argument against an ASCII word. */
export function argIs(ctx: CommandContext, index: number, word: string): boolean {
  const argument = ctx.argv[index];
  return argument !== undefined && argument.toString('latin1').toLowerCase() === word.toLowerCase();
}

/** addReplyHelp: the "<COMMAND> <subcommand> ..." header, the lines, and the HELP line. */
export function replyHelp(ctx: CommandContext, commandName: string, lines: readonly string[]): void {
  const all = [`${commandName} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`, ...lines, 'HELP', '    Prints this help.'];
  ctx.reply.arrayHeader(all.length);
  for (const line of all) ctx.reply.status(line);
}

/** addReplySubcommandSyntaxError */
export function replySubcommandSyntaxError(ctx: CommandContext): void {
  const name = argText(ctx, 0).toUpperCase();
  ctx.reply.error(`ERR unknown subcommand or wrong number of arguments for '${argText(ctx, 1)}'. Try ${name} HELP.`);
}
