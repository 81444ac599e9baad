import type { CommandContext } from '../commands/command.js';
import { errors } from '../commands/errors.js';
import { parseStrictInteger } from '../protocol/integer-text.js';
import { argIs, argText } from '../server/commands/spec.js';
import { serverContext } from '../server/execution-context.js';
import type { FailoverRequest } from './failover.js';
import { replicationOf, type Replication } from './replication.js';

const LONG_MIN = -9_223_372_036_854_775_808n;
const LONG_MAX = 9_223_372_036_854_775_807n;

interface ParsedFailover {
  timeoutMs: number;
  force: boolean;
  host: string | undefined;
  port: number;
}

/** FAILOVER [TO host port [FORCE]] [ABORT] [TIMEOUT ms] (failoverCommand), with its errors in Redis's order. */
export function failover(ctx: CommandContext): void {
  const { node } = serverContext(ctx);
  if (node.config.flag('cluster-enabled')) {
    ctx.reply.error('ERR FAILOVER not allowed in cluster mode. Use CLUSTER FAILOVER command instead.');
    return;
  }
  const repl = replicationOf(node);
  if (ctx.argv.length === 2 && argIs(ctx, 1, 'abort')) {
    if (!repl.failover.active) {
      ctx.reply.error('ERR No failover in progress.');
      return;
    }
    repl.failover.abort('Failover manually aborted');
    ctx.reply.ok();
    return;
  }
  const parsed = parseFailover(ctx);
  if (parsed === undefined) return;
  const refusal = failoverRefusal(repl, parsed);
  if (refusal !== undefined) {
    ctx.reply.error(refusal);
    return;
  }
  const request: FailoverRequest = { target: parsed.host === undefined ? undefined : { host: parsed.host, port: parsed.port }, timeoutMs: parsed.timeoutMs, force: parsed.force };
  repl.failover.start(request);
  ctx.reply.ok();
}

/** The argument loop: each option once (a repeated one is a syntax error), integers as getLongFromObjectOrReply. */
function parseFailover(ctx: CommandContext): ParsedFailover | undefined {
  const parsed: ParsedFailover = { timeoutMs: 0, force: false, host: undefined, port: 0 };
  for (let index = 1; index < ctx.argv.length; index++) {
    if (argIs(ctx, index, 'timeout') && index + 1 < ctx.argv.length && parsed.timeoutMs === 0) {
      const timeoutMs = longArgument(ctx, index + 1);
      if (timeoutMs === undefined) return undefined;
      if (timeoutMs <= 0) {
        ctx.reply.error('ERR FAILOVER timeout must be greater than 0');
        return undefined;
      }
      parsed.timeoutMs = timeoutMs;
      index++;
    } else if (argIs(ctx, index, 'to') && index + 2 < ctx.argv.length && parsed.host === undefined) {
      const port = longArgument(ctx, index + 2);
      if (port === undefined) return undefined;
      parsed.host = argText(ctx, index + 1);
      parsed.port = port;
      index += 2;
    } else if (argIs(ctx, index, 'force') && !parsed.force) {
      parsed.force = true;
    } else {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
  }
  return parsed;
}

/** A `long` argument or the integer error reply (values past 2^53 are clamped: only ports and timeouts come here). */
function longArgument(ctx: CommandContext, index: number): number | undefined {
  const value = parseStrictInteger(ctx.argv[index] as Buffer);
  if (value === undefined || value < LONG_MIN || value > LONG_MAX) {
    ctx.reply.error(errors.notInteger);
    return undefined;
  }
  return Number(value);
}

/** The state checks after parsing, in failoverCommand's order. */
function failoverRefusal(repl: Replication, parsed: ParsedFailover): string | undefined {
  if (repl.failover.active) return 'ERR FAILOVER already in progress.';
  if (repl.isReplica) return 'ERR FAILOVER is not valid when server is a replica.';
  if (repl.replicas.count() === 0) return 'ERR FAILOVER requires connected replicas.';
  if (parsed.force && (parsed.timeoutMs === 0 || parsed.host === undefined)) return 'ERR FAILOVER with force option requires both a timeout and target HOST and IP.';
  if (parsed.host === undefined) return undefined;
  const replica = repl.findReplica(parsed.host, parsed.port);
  if (replica === undefined) return 'ERR FAILOVER target HOST and PORT is not a replica.';
  if (replica.state !== 'online') return 'ERR FAILOVER target replica is not online.';
  return undefined;
}
