import type { CommandContext, CommandSpec } from '../../commands/command.js';
import { errors } from '../../commands/errors.js';
import { parseConfigValue } from '../config.js';
import type { ConfigParameter } from '../config-parameters.js';
import { serverContext } from '../execution-context.js';
import { globMatch } from '../glob.js';
import { argText, container, keyless, replyHelp } from './spec.js';
import { performEvictions } from '../eviction.js';
import { keyspaceEventFlags, keyspaceEventFlagsText } from '../keyspace-events.js';

/** CONFIG GET: exact names (or aliases) as typed, glob patterns over every name, case-insensitively. */
function configGet(ctx: CommandContext): void {
  const { node } = serverContext(ctx);
  const matches = new Map<string, ConfigParameter>();
  for (const argument of ctx.argv.slice(2)) {
    const pattern = argument.toString('latin1');
    if (!/[[*?]/.test(pattern)) {
      const parameter = node.config.lookup(pattern);
      if (parameter !== undefined && !matches.has(pattern.toLowerCase())) matches.set(pattern, parameter);
      continue;
    }
    for (const { name, parameter } of node.config.names()) {
      if (matches.has(name)) continue;
      if (globMatch(argument, Buffer.from(name, 'latin1'), true)) {
        matches.set(name, parameter);
      }
    }
  }
  ctx.reply.mapHeader(matches.size);
  for (const [name, parameter] of matches) {
    ctx.reply.bulk(name);
    ctx.reply.bulk(configGetText(node.config.get(parameter.name), parameter.name));
  }
}

/**
 * What CONFIG GET prints for a stored value. notify-keyspace-events is kept
 * as set (its flags) and printed as keyspaceEventsFlagsToString does, which
 * drops `n` next to `A` although the class stays enabled, as in Redis.
 */
function configGetText(value: string, name: string): string {
  if (name !== 'notify-keyspace-events') return value;
  return keyspaceEventFlagsText(keyspaceEventFlags(value) ?? 0);
}

/** CONFIG SET name value [name value ...]: all or nothing, with config.c's error texts. */
function configSet(ctx: CommandContext): void {
  if (ctx.argv.length % 2 === 1) {
    ctx.reply.error(errors.syntax);
    return;
  }
  const { node } = serverContext(ctx);
  const changes: { readonly argument: string; readonly parameter: ConfigParameter; readonly value: string }[] = [];
  for (let index = 2; index < ctx.argv.length; index += 2) {
    const argument = argText(ctx, index);
    const parameter = node.config.lookup(argument);
    if (parameter === undefined) {
      ctx.reply.error(`ERR Unknown option or number of arguments for CONFIG SET - '${argument}'`);
      return;
    }
    const refusal = parameter.immutable === true ? "can't set immutable config" : parameter.protected === true ? "can't set protected config" : undefined;
    // Redis 7.0 registers an alias as its own config entry: a name and its alias are not duplicates.
    const duplicate = changes.some((change) => change.parameter === parameter && isAlias(change.argument, parameter) === isAlias(argument, parameter));
    if (refusal !== undefined || duplicate) {
      ctx.reply.error(`ERR CONFIG SET failed (possibly related to argument '${argument}') - ${refusal ?? 'duplicate parameter'}`);
      return;
    }
    changes.push({ argument, parameter, value: argText(ctx, index + 1) });
  }
  for (const change of changes) {
    const parsed = parseConfigValue(change.parameter, change.value, node.config.get(change.parameter.name));
    if (typeof parsed !== 'string') {
      // config.c names the parameter as typed but lowercased here (set_configs[i]->name of the name or alias looked up).
      ctx.reply.error(`ERR CONFIG SET failed (possibly related to argument '${change.argument.toLowerCase()}') - ${parsed.error}`);
      return;
    }
  }
  for (const change of changes) node.config.set(change.parameter.name, change.value);
  // updateMaxmemory: a new limit evicts at once rather than at the next command.
  if (changes.some((change) => change.parameter.name === 'maxmemory')) performEvictions(node, node.evictionRng);
  ctx.reply.ok();
}

function isAlias(typedName: string, parameter: ConfigParameter): boolean {
  return parameter.alias !== undefined && typedName.toLowerCase() === parameter.alias;
}

function configResetStat(ctx: CommandContext): void {
  serverContext(ctx).node.stats.reset();
  ctx.reply.ok();
}

const CONFIG_HELP = [
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
];

const ADMIN = ['admin', 'noscript', 'loading', 'stale'] as const;
const ADMIN_CATEGORIES = ['admin', 'slow', 'dangerous'];

export const configCommand: CommandSpec = container('config', [
  keyless('config|get', -3, ADMIN, ADMIN_CATEGORIES, configGet),
  keyless('config|set', -4, ADMIN, ADMIN_CATEGORIES, configSet),
  keyless('config|resetstat', 2, ADMIN, ADMIN_CATEGORIES, configResetStat),
  keyless('config|rewrite', 2, ADMIN, ADMIN_CATEGORIES, (ctx) => ctx.reply.error('ERR The server is running without a config file')),
  keyless('config|help', 2, ['loading', 'stale'], ['slow'], (ctx) => replyHelp(ctx, 'CONFIG', CONFIG_HELP)),
]);
