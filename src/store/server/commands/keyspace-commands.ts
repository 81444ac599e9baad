import type { CommandContext } from '../../commands/command.js';
import { errors } from '../../commands/errors.js';
import { parseStrictInteger } from '../../protocol/integer-text.js';
import { serverContext } from '../execution-context.js';
import type { StoreNode } from '../node.js';
import type { Database } from '../../keyspace/database.js';
import { PROPAGATE_ALL } from '../propagation.js';
import { argIs } from './spec.js';

/** getFlushCommandFlags: [ASYNC|SYNC]; replies the syntax error and returns false otherwise. */
function checkFlushArguments(ctx: CommandContext): boolean {
  if (ctx.argv.length > 2) {
    ctx.reply.error(errors.syntax);
    return false;
  }
  if (ctx.argv.length === 2 && !argIs(ctx, 1, 'async') && !argIs(ctx, 1, 'sync')) {
    ctx.reply.error(errors.syntax);
    return false;
  }
  return true;
}

/** emptyData for one db: WATCH is touched first (signalFlushedDb), then the keys go. */
export function flushDatabase(node: StoreNode, index: number): number {
  const db = node.database(index);
  node.watches.touchAllInDb(db, undefined);
  const streamsWaitedOn = blockedStreamKeys(node, db);
  const removed = db.clear();
  // scanDatabaseForDeletedStreams: XREADGROUP waiters learn their stream is gone.
  for (const key of streamsWaitedOn) node.blocking.signalReady(db, key);
  return removed;
}

/** The keys clients wait on that hold a stream. */
function blockedStreamKeys(node: StoreNode, db: Database): Buffer[] {
  return node.blocking.keysWithBlockedClients(db.id).filter((key) => db.peek(key)?.type === 'stream');
}

export function flushdb(ctx: CommandContext): void {
  if (!checkFlushArguments(ctx)) return;
  const { node, clientState } = serverContext(ctx);
  ctx.dirty(flushDatabase(node, clientState.dbIndex));
  serverContext(ctx).forcedPropagation = PROPAGATE_ALL;
  ctx.reply.ok();
}

export function flushall(ctx: CommandContext): void {
  if (!checkFlushArguments(ctx)) return;
  const { node } = serverContext(ctx);
  let removed = 0;
  for (let index = 0; index < node.databaseCount(); index++) removed += flushDatabase(node, index);
  ctx.dirty(removed);
  for (const hook of node.flushAllHooks) hook();
  serverContext(ctx).forcedPropagation = PROPAGATE_ALL;
  ctx.reply.ok();
}

function dbIndexArgument(ctx: CommandContext, index: number, which: string): number | undefined {
  const value = parseStrictInteger(ctx.argv[index] as Buffer);
  if (value === undefined || value < -2147483648n || value > 2147483647n) {
    ctx.reply.error(`ERR invalid ${which} DB index`);
    return undefined;
  }
  return Number(value);
}

/** SWAPDB: datasets change places; watchers are touched and blocked clients re-checked. */
export function swapdb(ctx: CommandContext): void {
  const { node } = serverContext(ctx);
  if (node.config.flag('cluster-enabled')) {
    ctx.reply.error('ERR SWAPDB is not allowed in cluster mode');
    return;
  }
  const first = dbIndexArgument(ctx, 1, 'first');
  if (first === undefined) return;
  const second = dbIndexArgument(ctx, 2, 'second');
  if (second === undefined) return;
  const count = node.databaseCount();
  if (first < 0 || first >= count || second < 0 || second >= count) {
    ctx.reply.error(errors.dbIndexOutOfRange);
    return;
  }
  const dbA = node.database(first);
  const dbB = node.database(second);
  if (first !== second) {
    node.watches.touchAllInDb(dbA, dbB);
    node.watches.touchAllInDb(dbB, dbA);
    const streamsWaitedOn = new Map([dbA, dbB].map((db) => [db, blockedStreamKeys(node, db)]));
    dbA.swapContents(dbB);
    for (const db of [dbA, dbB]) {
      for (const key of streamsWaitedOn.get(db) ?? []) if (db.peek(key)?.type !== 'stream') node.blocking.signalReady(db, key);
      for (const key of node.blocking.keysWithBlockedClients(db.id)) {
        const value = db.peek(key);
        if (value !== undefined && (value.type === 'list' || value.type === 'zset' || value.type === 'stream')) node.blocking.signalReady(db, key);
      }
    }
  }
  ctx.dirty();
  ctx.reply.ok();
}
