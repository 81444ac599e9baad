import type { CommandContext, CommandSpec } from '../command.js';
import { errors } from '../errors.js';
import { argIs, argText, keyless } from '../../server/commands/spec.js';
import { serverContext } from '../../server/execution-context.js';
import { handleSyncRequest } from '../../replication/master-sync.js';
import { replicationOf } from '../../replication/replication.js';
import { failover } from '../../replication/failover-command.js';

const ADMIN = ['admin', 'slow', 'dangerous'] as const;

/** A base-10 signed 64-bit-ish integer argument (string2ll), or undefined. */
function integerArgument(ctx: CommandContext, index: number): number | undefined {
  const text = argText(ctx, index);
  if (!/^-?(0|[1-9][0-9]{0,18})$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** REPLICAOF / SLAVEOF host port | NO ONE (replicaofCommand). */
function replicaof(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  if (node.config.flag('cluster-enabled')) {
    ctx.reply.error('ERR REPLICAOF not allowed in cluster mode.');
    return;
  }
  const repl = replicationOf(node);
  if (repl.failover.active) {
    ctx.reply.error('ERR REPLICAOF not allowed while failing over.');
    return;
  }
  if (argIs(ctx, 1, 'no') && argIs(ctx, 2, 'one')) {
    if (repl.isReplica) {
      repl.unsetMaster();
      node.env.log('notice', `MASTER MODE enabled (user request from 'id=${clientState.id}')`);
    }
    ctx.reply.ok();
    return;
  }
  if (clientState.kind === 'replica') {
    ctx.reply.error('ERR Command is not valid when client is a replica.');
    return;
  }
  const port = integerArgument(ctx, 2);
  if (port === undefined || port < 0 || port > 65535) {
    ctx.reply.error('ERR Invalid master port');
    return;
  }
  const host = argText(ctx, 1);
  const current = repl.link;
  if (current !== undefined && current.host.toLowerCase() === host.toLowerCase() && current.port === port) {
    node.env.log('notice', 'REPLICAOF would result into synchronization with the master we are already connected with. No operation performed.');
    ctx.reply.status('OK Already connected to specified master');
    return;
  }
  repl.setMaster(host, port);
  node.env.log('notice', `REPLICAOF ${host}:${port} enabled (user request from 'id=${clientState.id}')`);
  ctx.reply.ok();
}

/** REPLCONF option value ... (replconfCommand). */
function replconf(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  if (ctx.argv.length % 2 === 0) {
    ctx.reply.error(errors.syntax);
    return;
  }
  const repl = replicationOf(node);
  const handshake = repl.replicas.handshakeOf(clientState);
  for (let index = 1; index < ctx.argv.length; index += 2) {
    const option = argText(ctx, index).toLowerCase();
    if (option === 'listening-port') {
      const port = integerArgument(ctx, index + 1);
      if (port === undefined) {
        ctx.reply.error(errors.notInteger);
        return;
      }
      handshake.listeningPort = port;
    } else if (option === 'ip-address') {
      handshake.announcedIp = argText(ctx, index + 1);
    } else if (option === 'capa') {
      if (argIs(ctx, index + 1, 'eof')) handshake.capaEof = true;
      else if (argIs(ctx, index + 1, 'psync2')) handshake.capaPsync2 = true;
    } else if (option === 'ack') {
      const offset = integerArgument(ctx, index + 1);
      if (clientState.kind === 'replica' && offset !== undefined) repl.onAck(clientState, offset);
      return;
    } else if (option === 'getack') {
      if (clientState.kind === 'master') repl.link?.sendAck();
      return;
    } else if (option !== 'rdb-only') {
      ctx.reply.error(`ERR Unrecognized REPLCONF option: ${argText(ctx, index)}`);
      return;
    }
  }
  ctx.reply.ok();
}

/** PSYNC replid offset, and the old SYNC (syncCommand). */
function sync(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  if (clientState.kind === 'replica') return;
  const repl = replicationOf(node);
  if (ctx.argv.length > 3 && argIs(ctx, 0, 'psync') && argIs(ctx, 3, 'failover') && !becomeMasterForFailover(ctx)) return;
  if (repl.failover.active) {
    ctx.reply.error("-NOMASTERLINK Can't SYNC while failing over");
    return;
  }
  if (repl.isReplica && repl.link?.state !== 'connected') {
    ctx.reply.error("-NOMASTERLINK Can't SYNC while not connected with my master");
    return;
  }
  const legacy = argIs(ctx, 0, 'sync');
  let offset = -1;
  if (!legacy) {
    const parsed = integerArgument(ctx, 2);
    if (parsed === undefined) {
      ctx.reply.error(errors.notInteger);
      return;
    }
    offset = parsed;
  }
  handleSyncRequest(repl, clientState, { replicationId: legacy ? '?' : argText(ctx, 1), offset, legacy });
}

/**
 * syncCommand's `PSYNC <replid> <offset> FAILOVER`: our master hands over to
 * us; if we follow its history we turn master (the PSYNC that follows then
 * continues from our replid2). False after replying an error.
 */
function becomeMasterForFailover(ctx: CommandContext): boolean {
  const { node, clientState } = serverContext(ctx);
  const repl = replicationOf(node);
  node.env.log('warning', `Failover request received for replid ${argText(ctx, 1)}.`);
  if (!repl.isReplica) {
    ctx.reply.error("ERR PSYNC FAILOVER can't be sent to a master.");
    return false;
  }
  if (argText(ctx, 1).toLowerCase() !== repl.history.replicationId.toLowerCase()) {
    ctx.reply.error('ERR PSYNC FAILOVER replid must match my replid.');
    return false;
  }
  repl.unsetMaster();
  node.env.log('notice', `MASTER MODE enabled (failover request from 'id=${clientState.id}')`);
  return true;
}

/** WAIT numreplicas timeout (waitCommand). */
function wait(ctx: CommandContext): void {
  const { node, clientState, spec } = serverContext(ctx);
  const repl = replicationOf(node);
  if (repl.isReplica) {
    ctx.reply.error('ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to replicas are just local and are not propagated.');
    return;
  }
  const replicasWanted = integerArgument(ctx, 1);
  if (replicasWanted === undefined) {
    ctx.reply.error(errors.notInteger);
    return;
  }
  const timeoutMs = integerArgument(ctx, 2);
  if (timeoutMs === undefined) {
    ctx.reply.error('ERR timeout is not an integer or out of range');
    return;
  }
  if (timeoutMs < 0) {
    ctx.reply.error('ERR timeout is negative');
    return;
  }
  // Deviation: Redis waits for the client's own last write offset (c->woff); this waits for everything propagated so far.
  const offset = repl.history.offset;
  const acked = repl.countAcked(offset);
  if (acked >= replicasWanted || !ctx.canBlock) {
    ctx.reply.integer(acked);
    return;
  }
  repl.waits.block(clientState, spec, ctx.argv, { offset, replicasWanted, deadlineMs: timeoutMs > 0 ? ctx.nowMs + timeoutMs : 0 });
  repl.requestAcks();
}

export const replicationCommands: readonly CommandSpec[] = [
  keyless('replicaof', 3, ['admin', 'noscript', 'stale'], ADMIN, replicaof),
  keyless('slaveof', 3, ['admin', 'noscript', 'stale'], ADMIN, replicaof),
  keyless('replconf', -1, ['admin', 'noscript', 'loading', 'stale', 'allow_busy'], ADMIN, replconf),
  keyless('psync', -3, ['admin', 'noscript', 'no_multi'], ADMIN, sync),
  keyless('sync', 1, ['admin', 'noscript', 'no_multi'], ADMIN, sync),
  keyless('failover', -1, ['admin', 'noscript', 'stale'], ADMIN, failover),
  keyless('wait', 3, ['noscript'], ['connection', 'slow'], wait),
];
