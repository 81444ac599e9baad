import type { CommandContext, CommandSpec } from '../../commands/command.js';
import { errors } from '../../commands/errors.js';
import { writeCommandDocs } from '../command-docs.js';
import { commandKeyPositions, writeCommandInfo } from '../command-info.js';
import { keyCountsAreValid } from '../keynum-validity.js';
import { lookupCommand } from '../command-lookup.js';
import { serverContext } from '../execution-context.js';
import { globMatch } from '../glob.js';
import { argIs, argText, replyHelp } from './spec.js';

function allSpecs(ctx: CommandContext): CommandSpec[] {
  return Array.from(serverContext(ctx).node.commandTable.values());
}

function findSpec(ctx: CommandContext, fullName: string): CommandSpec | undefined {
  const [base, sub] = fullName.toLowerCase().split('|');
  const spec = serverContext(ctx).node.commandTable.get(base ?? '');
  if (sub === undefined) return spec;
  return spec?.subcommands?.find((candidate) => candidate.name === fullName.toLowerCase());
}

function command(ctx: CommandContext): void {
  const specs = allSpecs(ctx);
  ctx.reply.arrayHeader(specs.length);
  for (const spec of specs) writeCommandInfo(ctx.reply, spec);
}

function commandInfo(ctx: CommandContext): void {
  if (ctx.argv.length === 2) {
    command(ctx);
    return;
  }
  ctx.reply.arrayHeader(ctx.argv.length - 2);
  for (let index = 2; index < ctx.argv.length; index++) {
    const spec = findSpec(ctx, argText(ctx, index));
    if (spec === undefined) ctx.reply.nullBulk();
    else writeCommandInfo(ctx.reply, spec);
  }
}

/** COMMAND DOCS [name ...]: name → docs pairs; unknown names are left out. */
function commandDocs(ctx: CommandContext): void {
  const specs = ctx.argv.length === 2 ? allSpecs(ctx) : ctx.argv.slice(2).map((name) => findSpec(ctx, name.toString('latin1'))).filter((spec): spec is CommandSpec => spec !== undefined);
  ctx.reply.mapHeader(specs.length);
  for (const spec of specs) {
    ctx.reply.bulk(spec.name);
    writeCommandDocs(ctx.reply, spec);
  }
}

function commandList(ctx: CommandContext): void {
  const names: string[] = [];
  for (const spec of allSpecs(ctx)) {
    names.push(spec.name);
    for (const sub of spec.subcommands ?? []) names.push(sub.name);
  }
  if (ctx.argv.length === 2) {
    ctx.reply.bulkArray(names);
    return;
  }
  if (ctx.argv.length !== 5 || !argIs(ctx, 2, 'filterby')) {
    ctx.reply.error(errors.syntax);
    return;
  }
  const value = ctx.argv[4] as Buffer;
  if (argIs(ctx, 3, 'module')) ctx.reply.arrayHeader(0);
  else if (argIs(ctx, 3, 'aclcat')) {
    const category = value.toString('latin1').toLowerCase();
    ctx.reply.bulkArray(names.filter((name) => findSpec(ctx, name)?.categories.includes(category)));
  } else if (argIs(ctx, 3, 'pattern')) {
    ctx.reply.bulkArray(names.filter((name) => globMatch(value, Buffer.from(name, 'latin1'), true)));
  } else {
    ctx.reply.error(errors.syntax);
  }
}

function commandGetKeys(ctx: CommandContext): void {
  const argv = ctx.argv.slice(2);
  const found = lookupCommand(serverContext(ctx).node.commandTable, argv);
  // getKeysSubcommandImpl's order: unknown command, no keys at all, then arity.
  if (found.spec === undefined) {
    ctx.reply.error('ERR Invalid command specified');
    return;
  }
  if (found.spec.firstKey <= 0 && found.spec.getKeys === undefined) {
    ctx.reply.error('ERR The command has no key arguments');
    return;
  }
  if ('error' in found) {
    ctx.reply.error('ERR Invalid number of arguments specified for command');
    return;
  }
  const positions = keyCountsAreValid(found.spec.name, argv) ? commandKeyPositions(found.spec, argv) : [];
  if (positions.length === 0 && !found.spec.flags.includes('no_mandatory_keys')) {
    ctx.reply.error('ERR Invalid arguments specified for command');
    return;
  }
  ctx.reply.bulkArray(positions.map((position) => argv[position] as Buffer));
}

const COMMAND_HELP = [
  '(no subcommand)',
  '    Return details about all Redis commands.',
  'COUNT',
  '    Return the total number of commands in this Redis server.',
  'LIST',
  '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]',
  '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'DOCS [<command-name> ...]',
  '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'GETKEYS <full-command>',
  '    Return the keys from a full Redis command.',
  'GETKEYSANDFLAGS <full-command>',
  '    Return the keys and the access flags from a full Redis command.',
];

const FLAGS = ['loading', 'stale'] as const;
const CATEGORIES = ['slow', 'connection'];

function sub(name: string, arity: number, handler: (ctx: CommandContext) => void): CommandSpec {
  return { name: `command|${name}`, arity, flags: FLAGS, categories: CATEGORIES, firstKey: 0, lastKey: 0, keyStep: 0, handler };
}

export const commandCommand: CommandSpec = {
  name: 'command',
  arity: -1,
  flags: FLAGS,
  categories: CATEGORIES,
  firstKey: 0,
  lastKey: 0,
  keyStep: 0,
  handler: command,
  subcommands: [
    sub('count', 2, (ctx) => ctx.reply.integer(allSpecs(ctx).length)),
    sub('info', -2, commandInfo),
    sub('docs', -2, commandDocs),
    sub('list', -2, commandList),
    sub('getkeys', -4, commandGetKeys),
    sub('help', 2, (ctx) => replyHelp(ctx, 'COMMAND', COMMAND_HELP)),
  ],
};
