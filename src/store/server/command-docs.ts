import type { CommandSpec } from '../commands/command.js';
import type { ReplyWriter } from '../protocol/reply-writer.js';
import { commandDocs, type ArgumentDoc, type CommandDoc } from './command-docs-data.js';

/** A command the Redis docs do not know (test and extension commands): its group only. */
const UNDOCUMENTED: CommandDoc = { summary: '', since: '', group: 'generic' };

/**
 * addReplyCommandDocs (server.c): a map (flat in RESP2) of summary, since,
 * group, complexity, doc_flags, deprecated_since, replaced_by, history,
 * arguments and subcommands, each only when the command has it.
 */
export function writeCommandDocs(reply: ReplyWriter, spec: CommandSpec): void {
  const doc = commandDocs[spec.name] ?? UNDOCUMENTED;
  const subcommands = spec.subcommands ?? [];
  const optional: readonly [string, boolean][] = [
    ['summary', doc.summary !== ''], ['since', doc.since !== ''], ['complexity', doc.complexity !== undefined], ['doc_flags', doc.docFlags !== undefined],
    ['deprecated_since', doc.deprecatedSince !== undefined], ['replaced_by', doc.replacedBy !== undefined], ['history', doc.history !== undefined],
    ['arguments', doc.arguments !== undefined], ['subcommands', subcommands.length > 0],
  ];
  reply.mapHeader(1 + optional.filter(([, present]) => present).length);
  if (doc.summary !== '') writePair(reply, 'summary', doc.summary);
  if (doc.since !== '') writePair(reply, 'since', doc.since);
  writePair(reply, 'group', doc.group);
  if (doc.complexity !== undefined) writePair(reply, 'complexity', doc.complexity);
  if (doc.docFlags !== undefined) {
    reply.bulk('doc_flags');
    reply.setHeader(doc.docFlags.length);
    for (const flag of doc.docFlags) reply.status(flag);
  }
  if (doc.deprecatedSince !== undefined) writePair(reply, 'deprecated_since', doc.deprecatedSince);
  if (doc.replacedBy !== undefined) writePair(reply, 'replaced_by', doc.replacedBy);
  if (doc.history !== undefined) {
    reply.bulk('history');
    reply.setHeader(doc.history.length);
    for (const [version, change] of doc.history) reply.bulkArray([version, change]);
  }
  if (doc.arguments !== undefined) {
    reply.bulk('arguments');
    writeArguments(reply, doc.arguments);
  }
  if (subcommands.length > 0) {
    reply.bulk('subcommands');
    reply.mapHeader(subcommands.length);
    for (const subcommand of subcommands) {
      reply.bulk(subcommand.name);
      writeCommandDocs(reply, subcommand);
    }
  }
}

/** addReplyCommandArgList: one map per argument, nested for oneof and block. */
function writeArguments(reply: ReplyWriter, argumentDocs: readonly ArgumentDoc[]): void {
  reply.arrayHeader(argumentDocs.length);
  for (const argument of argumentDocs) {
    const fields: [string, string | number][] = [['name', argument.name], ['type', argument.type]];
    if (argument.keySpecIndex !== undefined) fields.push(['key_spec_index', argument.keySpecIndex]);
    if (argument.token !== undefined) fields.push(['token', argument.token]);
    if (argument.since !== undefined) fields.push(['since', argument.since]);
    if (argument.deprecatedSince !== undefined) fields.push(['deprecated_since', argument.deprecatedSince]);
    const nested = argument.type === 'oneof' || argument.type === 'block';
    reply.mapHeader(fields.length + (argument.flags === undefined ? 0 : 1) + (nested ? 1 : 0));
    for (const [name, value] of fields) {
      reply.bulk(name);
      if (typeof value === 'number') reply.integer(value);
      else reply.bulk(value);
    }
    if (argument.flags !== undefined) {
      reply.bulk('flags');
      reply.setHeader(argument.flags.length);
      for (const flag of argument.flags) reply.status(flag);
    }
    if (nested) {
      reply.bulk('arguments');
      writeArguments(reply, argument.arguments ?? []);
    }
  }
}

function writePair(reply: ReplyWriter, name: string, value: string): void {
  reply.bulk(name);
  reply.bulk(value);
}
