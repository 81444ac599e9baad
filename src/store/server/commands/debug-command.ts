import type { CommandContext, CommandSpec } from '../../commands/command.js';
import { errors } from '../../commands/errors.js';
import { estimateIdleTimeMs } from '../access-clock.js';
import { valueDigestHex } from '../digest.js';
import { serverContext } from '../execution-context.js';
import { argIs, keyless, replySubcommandSyntaxError } from './spec.js';

/**
 * DEBUG (debug.c), the subcommands the simulation needs: DIGEST,
 * DIGEST-VALUE, SET-ACTIVE-EXPIRE, SLEEP (replies at once: the simulated
 * process cannot stall), OBJECT (address printed as 0x0, serializedlength
 * estimated as the value's byte length).
 */
function debug(ctx: CommandContext): void {
  const { node } = serverContext(ctx);
  if (argIs(ctx, 1, 'digest') && ctx.argv.length === 2) {
    ctx.reply.status(node.datasetDigest());
  } else if (argIs(ctx, 1, 'digest-value')) {
    ctx.reply.arrayHeader(ctx.argv.length - 2);
    const db = node.database(serverContext(ctx).clientState.dbIndex);
    for (const key of ctx.argv.slice(2)) ctx.reply.status(valueDigestHex(db.peek(key), db.getExpire(key) !== undefined));
  } else if (argIs(ctx, 1, 'set-active-expire') && ctx.argv.length === 3) {
    node.activeExpire.enabled = atoi(ctx.argv[2] as Buffer) !== 0;
    ctx.reply.ok();
  } else if (argIs(ctx, 1, 'sleep') && ctx.argv.length === 3) {
    ctx.reply.ok();
  } else if (argIs(ctx, 1, 'object') && ctx.argv.length === 3) {
    debugObject(ctx);
  } else if (node.debugExtensions.has((ctx.argv[1] as Buffer).toString('latin1').toLowerCase())) {
    node.debugExtensions.get((ctx.argv[1] as Buffer).toString('latin1').toLowerCase())?.(ctx);
  } else {
    replySubcommandSyntaxError(ctx);
  }
}

function debugObject(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  const db = node.database(clientState.dbIndex);
  const key = ctx.argv[2] as Buffer;
  const value = db.peek(key);
  if (value === undefined) {
    ctx.reply.error(errors.noKey);
    return;
  }
  const access = db.accessField(key) ?? 0;
  const idleSeconds = Math.floor(estimateIdleTimeMs(access, ctx.nowMs) / 1000);
  let extra = '';
  let serializedLength = 0;
  if (value.type === 'string') serializedLength = value.bytes().length + 1;
  if (value.type === 'list') {
    const elements = value.toArray();
    serializedLength = elements.reduce((sum, element) => sum + element.length + 2, 0);
    const fill = node.config.integer('list-max-listpack-size');
    extra = ` ql_nodes:1 ql_avg_node:${elements.length.toFixed(2)} ql_listpack_max:${fill} ql_compressed:${node.config.integer('list-compress-depth') !== 0 ? 1 : 0} ql_uncompressed_size:${serializedLength + 7}`;
  }
  ctx.reply.status(`Value at:0x0 refcount:1 encoding:${value.encoding()} serializedlength:${serializedLength} lru:${access} lru_seconds_idle:${idleSeconds}${extra}`);
}

/** C atoi: leading digits (with an optional sign), 0 if none. */
function atoi(data: Buffer): number {
  const match = /^\s*([+-]?\d+)/.exec(data.toString('latin1'));
  return match === null ? 0 : Number.parseInt(match[1] ?? '0', 10);
}

export const debugCommand: CommandSpec = keyless('debug', -2, ['admin', 'noscript', 'loading', 'stale'], ['admin', 'slow', 'dangerous'], debug);
