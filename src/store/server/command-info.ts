import type { CommandSpec } from '../commands/command.js';
import type { ReplyWriter } from '../protocol/reply-writer.js';
import { commandMetadata, type KeySpec, type KeySpecBegin, type KeySpecFind } from './command-metadata.js';

/** Redis's order of command flags in COMMAND INFO (server.c addReplyCommandFlags). */
const FLAG_ORDER = [
  'write', 'readonly', 'denyoom', 'module', 'admin', 'pubsub', 'noscript', 'blocking', 'loading', 'stale',
  'skip_monitor', 'skip_slowlog', 'asking', 'fast', 'no_auth', 'may_replicate', 'no_mandatory_keys',
  'no_async_loading', 'no_multi', 'movablekeys', 'allow_busy',
];

/** ACL category table order (acl.c ACLCommandCategories). */
const CATEGORY_ORDER = [
  'keyspace', 'read', 'write', 'set', 'sortedset', 'list', 'hash', 'string', 'bitmap', 'hyperloglog', 'geo',
  'stream', 'pubsub', 'admin', 'fast', 'slow', 'blocking', 'dangerous', 'connection', 'transaction', 'scripting',
];

function ordered(values: readonly string[], order: readonly string[]): string[] {
  return Array.from(new Set(values)).sort((left, right) => order.indexOf(left) - order.indexOf(right));
}

/** may_replicate is a real flag that COMMAND INFO hides on purpose (server.c). */
const HIDDEN_FLAGS: ReadonlySet<string> = new Set(['may_replicate']);

export function commandFlags(spec: CommandSpec): string[] {
  const flags: string[] = spec.flags.filter((flag) => !HIDDEN_FLAGS.has(flag));
  if (spec.getKeys !== undefined) flags.push('movablekeys');
  return ordered(flags, FLAG_ORDER);
}

/** The key spec for a command Redis does not describe: synthesized from first/last/step. */
function synthesizedKeySpecs(spec: CommandSpec): KeySpec[] {
  if (spec.firstKey <= 0) return [];
  const lastRelative = spec.lastKey < 0 ? spec.lastKey : spec.lastKey - spec.firstKey;
  const flags = spec.flags.includes('write') ? ['RW', 'update'] : ['RO', 'access'];
  return [{ flags, begin: ['index', spec.firstKey], find: ['range', lastRelative, spec.keyStep, 0] }];
}

function writeBegin(reply: ReplyWriter, begin: KeySpecBegin): void {
  reply.mapHeader(2);
  reply.bulk('type');
  reply.bulk(begin[0]);
  reply.bulk('spec');
  if (begin[0] === 'index') {
    reply.mapHeader(1);
    reply.bulk('index');
    reply.integer(begin[1]);
  } else if (begin[0] === 'keyword') {
    reply.mapHeader(2);
    reply.bulk('keyword');
    reply.bulk(begin[1]);
    reply.bulk('startfrom');
    reply.integer(begin[2]);
  } else {
    reply.mapHeader(0);
  }
}

function writeFind(reply: ReplyWriter, find: KeySpecFind): void {
  reply.mapHeader(2);
  reply.bulk('type');
  reply.bulk(find[0]);
  reply.bulk('spec');
  if (find[0] === 'unknown') {
    reply.mapHeader(0);
    return;
  }
  const names = find[0] === 'range' ? ['lastkey', 'keystep', 'limit'] : ['keynumidx', 'firstkey', 'keystep'];
  reply.mapHeader(3);
  names.forEach((name, index) => {
    reply.bulk(name);
    reply.integer(find[index + 1] as number);
  });
}

/** addReplyCommandKeySpecs, from Redis's own key specs when the command is one of Redis's. */
function writeKeySpecs(reply: ReplyWriter, spec: CommandSpec): void {
  const keySpecs = commandMetadata[spec.name]?.keySpecs ?? synthesizedKeySpecs(spec);
  reply.setHeader(keySpecs.length);
  for (const keySpec of keySpecs) {
    reply.mapHeader(keySpec.notes === undefined ? 3 : 4);
    if (keySpec.notes !== undefined) {
      reply.bulk('notes');
      reply.bulk(keySpec.notes);
    }
    reply.bulk('flags');
    reply.setHeader(keySpec.flags.length);
    for (const flag of keySpec.flags) reply.status(flag);
    reply.bulk('begin_search');
    writeBegin(reply, keySpec.begin);
    reply.bulk('find_keys');
    writeFind(reply, keySpec.find);
  }
}

/** addReplyCommandInfo: [name, arity, flags, first, last, step, categories, tips, key specs, subcommands]. */
export function writeCommandInfo(reply: ReplyWriter, spec: CommandSpec): void {
  reply.arrayHeader(10);
  reply.bulk(spec.name);
  reply.integer(spec.arity);
  const flags = commandFlags(spec);
  reply.setHeader(flags.length);
  for (const flag of flags) reply.status(flag);
  reply.integer(spec.firstKey);
  reply.integer(spec.lastKey);
  reply.integer(spec.keyStep);
  const categories = ordered(spec.categories, CATEGORY_ORDER);
  reply.setHeader(categories.length);
  for (const category of categories) reply.status(`@${category}`);
  const tips = commandMetadata[spec.name]?.tips ?? [];
  reply.setHeader(tips.length);
  for (const tip of tips) reply.bulk(tip);
  writeKeySpecs(reply, spec);
  const subcommands = spec.subcommands ?? [];
  // addReplyCommandSubCommands: an empty set when there are none, else an array.
  if (subcommands.length === 0) reply.setHeader(0);
  else reply.arrayHeader(subcommands.length);
  for (const subcommand of subcommands) writeCommandInfo(reply, subcommand);
}

/** The key positions of argv for a spec (getKeysFromCommand), or undefined when it has none. */
export function commandKeyPositions(spec: CommandSpec, argv: readonly Buffer[]): number[] {
  if (spec.getKeys !== undefined) return spec.getKeys(argv);
  if (spec.firstKey <= 0) return [];
  const last = spec.lastKey < 0 ? argv.length + spec.lastKey : spec.lastKey;
  const positions: number[] = [];
  for (let index = spec.firstKey; index <= last && index < argv.length; index += Math.max(1, spec.keyStep)) positions.push(index);
  return positions;
}
