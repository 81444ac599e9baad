import type { CommandContext } from '../command.js';
import { parseStrictInteger } from '../../protocol/integer-text.js';
import { argText, replyHelp, replySubcommandSyntaxError } from '../../server/commands/spec.js';
import { diagnosticsOf } from '../../server/diagnostics-state.js';
import { serverContext } from '../../server/execution-context.js';

const SLOWLOG_HELP = [
  'GET [<count>]',
  '    Return top <count> entries from the slowlog (default: 10, -1 mean all).',
  '    Entries are made of:',
  '    id, timestamp, time in microseconds, arguments array, client IP and port,',
  '    client name',
  'LEN',
  '    Return the length of the slowlog.',
  'RESET',
  '    Reset the slowlog.',
];

const COUNT_ERROR = 'ERR count should be greater than or equal to -1';
const DEFAULT_COUNT = 10;

/** SLOWLOG GET's count: 10 by default, -1 for all; anything else below -1 (or not a number) is refused. */
function requestedCount(ctx: CommandContext, entriesLength: number): number | undefined {
  const argument = ctx.argv[2];
  if (argument === undefined) return DEFAULT_COUNT;
  const parsed = parseStrictInteger(argument);
  if (parsed === undefined || parsed < -1n) {
    ctx.reply.error(COUNT_ERROR);
    return undefined;
  }
  if (parsed === -1n) return entriesLength;
  return parsed > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(parsed);
}

/** SLOWLOG GET [count]: entries newest first, each [id, time, duration µs, argv, client address, client name]. */
export function slowlogGet(ctx: CommandContext): void {
  if (ctx.argv.length > 3) {
    replySubcommandSyntaxError(ctx);
    return;
  }
  const slowLog = diagnosticsOf(serverContext(ctx).node).slowLog;
  const count = requestedCount(ctx, slowLog.length);
  if (count === undefined) return;
  const entries = slowLog.newestFirst(count);
  ctx.reply.arrayHeader(entries.length);
  for (const entry of entries) {
    ctx.reply.arrayHeader(6);
    ctx.reply.integer(entry.id);
    ctx.reply.integer(entry.timeSeconds);
    ctx.reply.integer(entry.durationUs);
    ctx.reply.bulkArray(entry.argv);
    ctx.reply.bulk(entry.peerId);
    ctx.reply.bulk(entry.clientName);
  }
}

export function slowlogLen(ctx: CommandContext): void {
  ctx.reply.integer(diagnosticsOf(serverContext(ctx).node).slowLog.length);
}

export function slowlogReset(ctx: CommandContext): void {
  diagnosticsOf(serverContext(ctx).node).slowLog.reset();
  ctx.reply.ok();
}

export function slowlogHelp(ctx: CommandContext): void {
  replyHelp(ctx, argText(ctx, 0).toUpperCase(), SLOWLOG_HELP);
}
