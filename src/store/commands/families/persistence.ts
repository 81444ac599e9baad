/** SAVE, BGSAVE, BGREWRITEAOF, SHUTDOWN (rdb.c, aof.c, server.c) and DUMP, RESTORE (cluster.c). */
import { EnvError } from '../../../core/errors.js';
import { lruClock } from '../../server/access-clock.js';
import { keyless } from '../../server/commands/spec.js';
import { serverContext } from '../../server/execution-context.js';
import { createDumpPayload, readDumpPayload, verifyDumpPayload } from '../../persistence/dump-payload.js';
import { flushAppendOnlyFile } from '../../persistence/aof/aof-flush.js';
import { killAofChild, startBackgroundRewrite } from '../../persistence/aof/aof-rewrite.js';
import { persistenceOf, type Persistence } from '../../persistence/persistence.js';
import { killRdbChild, saveRdbNow, startBackgroundSave } from '../../persistence/rdb-save.js';
import { getLongLongOrReply } from '../../types/number-parsing.js';
import type { CommandContext, CommandSpec } from '../command.js';
import { errors } from '../errors.js';

function persistence(ctx: CommandContext): Persistence {
  const found = persistenceOf(serverContext(ctx).node);
  if (found === undefined) throw new Error('every node has its persistence attached');
  return found;
}

function argumentIs(ctx: CommandContext, index: number, word: string): boolean {
  return ctx.argv[index]?.toString('latin1').toLowerCase() === word;
}

function save(ctx: CommandContext): void {
  const state = persistence(ctx);
  if (state.rdbChildActive()) {
    ctx.reply.error('ERR Background save already in progress');
    return;
  }
  if (saveRdbNow(state) instanceof EnvError) ctx.reply.error('ERR');
  else ctx.reply.ok();
}

function bgsave(ctx: CommandContext): void {
  const schedule = ctx.argv.length === 2 && argumentIs(ctx, 1, 'schedule');
  if (ctx.argv.length > 1 && !schedule) {
    ctx.reply.error(errors.syntax);
    return;
  }
  const state = persistence(ctx);
  const inExec = serverContext(ctx).executingTransaction;
  if (state.rdbChildActive()) {
    ctx.reply.error('ERR Background save already in progress');
  } else if (state.childActive() || inExec) {
    if (schedule || inExec) {
      state.rdb.bgsaveScheduled = true;
      ctx.reply.status('Background saving scheduled');
    } else {
      ctx.reply.error('ERR Another child process is active (AOF?): can\'t BGSAVE right now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.');
    }
  } else if (startBackgroundSave(state)) {
    ctx.reply.status('Background saving started');
  } else {
    ctx.reply.error('ERR');
  }
}

function bgrewriteaof(ctx: CommandContext): void {
  const state = persistence(ctx);
  if (state.aofChildActive()) {
    ctx.reply.error('ERR Background append only file rewriting already in progress');
  } else if (state.childActive() || serverContext(ctx).executingTransaction) {
    state.aof.rewriteScheduled = true;
    state.aof.rewriteConsecutiveFailures = 0;
    ctx.reply.status('Background append only file rewriting scheduled');
  } else if (startBackgroundRewrite(state)) {
    ctx.reply.status('Background append only file rewriting started');
  } else {
    ctx.reply.error('ERR Can\'t execute an AOF background rewriting. Please check the server logs for more information.');
  }
}

/** SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE]: AOF flushed and fsynced, RDB saved when asked or configured, then exit. */
function shutdown(ctx: CommandContext): void {
  const words = ctx.argv.slice(1).map((argument) => argument.toString('latin1').toLowerCase());
  if (words.some((word) => !['nosave', 'save', 'now', 'force', 'abort'].includes(word)) || (words.includes('save') && words.includes('nosave'))) {
    ctx.reply.error(errors.syntax);
    return;
  }
  if (words.includes('abort')) {
    ctx.reply.error('ERR No shutdown in progress.');
    return;
  }
  // While a script is busy only NOSAVE may stop the server: a save would snapshot half a script.
  if (!words.includes('nosave') && serverContext(ctx).node.insideYieldingLongCommand) {
    ctx.reply.error(errors.busyScript);
    return;
  }
  const state = persistence(ctx);
  killRdbChild(state);
  killAofChild(state);
  if (state.aof.state !== 'off') {
    flushAppendOnlyFile(state.aof, true);
    state.aof.incrHandle?.fsync();
  }
  const wantsSave = words.includes('save') || (!words.includes('nosave') && state.savePoints().length > 0);
  if (wantsSave && saveRdbNow(state) instanceof EnvError && !words.includes('force')) {
    ctx.reply.error('ERR Errors trying to SHUTDOWN. Check logs.');
    return;
  }
  const node = serverContext(ctx).node;
  node.env.log('warning', 'Redis is now ready to exit, bye bye...');
  node.env.exit(0);
  node.stop();
}

function dump(ctx: CommandContext): void {
  const value = ctx.db.lookupRead(ctx.argv[1] as Buffer);
  if (value === undefined) {
    ctx.reply.nullBulk();
    return;
  }
  const config = serverContext(ctx).node.config;
  ctx.reply.bulk(createDumpPayload(value, { compress: config.flag('rdbcompression'), listMaxListpackSize: config.integer('list-max-listpack-size') }));
}

interface RestoreOptions {
  replace: boolean;
  absoluteTtl: boolean;
  idleSeconds: bigint | undefined;
  frequency: bigint | undefined;
}

/** RESTORE's option loop; undefined after replying an error. */
function restoreOptions(ctx: CommandContext): RestoreOptions | undefined {
  const options: RestoreOptions = { replace: false, absoluteTtl: false, idleSeconds: undefined, frequency: undefined };
  for (let index = 4; index < ctx.argv.length; index++) {
    const additional = ctx.argv.length - index - 1;
    if (argumentIs(ctx, index, 'replace')) options.replace = true;
    else if (argumentIs(ctx, index, 'absttl')) options.absoluteTtl = true;
    else if (argumentIs(ctx, index, 'idletime') && additional >= 1 && options.frequency === undefined) {
      const idle = getLongLongOrReply(ctx.reply, ctx.argv[++index] as Buffer);
      if (idle === undefined) return undefined;
      if (idle < 0n) return void ctx.reply.error('ERR Invalid IDLETIME value, must be >= 0');
      options.idleSeconds = idle;
    } else if (argumentIs(ctx, index, 'freq') && additional >= 1 && options.idleSeconds === undefined) {
      const frequency = getLongLongOrReply(ctx.reply, ctx.argv[++index] as Buffer);
      if (frequency === undefined) return undefined;
      if (frequency < 0n || frequency > 255n) return void ctx.reply.error('ERR Invalid FREQ value, must be >= 0 and <= 255');
      options.frequency = frequency;
    } else {
      return void ctx.reply.error(errors.syntax);
    }
  }
  return options;
}

/** objectSetLRUOrLFU with the RESTORE options, under the node's maxmemory policy. */
function restoredAccessField(ctx: CommandContext, options: RestoreOptions): number | undefined {
  const node = serverContext(ctx).node;
  if (node.accessPolicy().lfu) {
    return options.frequency === undefined ? undefined : ((Math.floor(ctx.nowMs / 60_000) & 65535) << 8) | Number(options.frequency);
  }
  if (options.idleSeconds === undefined) return undefined;
  const absolute = lruClock(ctx.nowMs) - Number(options.idleSeconds);
  return absolute >= 0 ? absolute : absolute + (1 << 24);
}

function restore(ctx: CommandContext): void {
  const options = restoreOptions(ctx);
  if (options === undefined) return;
  const key = ctx.argv[1] as Buffer;
  if (!options.replace && ctx.db.lookupWrite(key) !== undefined) return ctx.reply.error(errors.busyKey);
  const ttl = getLongLongOrReply(ctx.reply, ctx.argv[2] as Buffer);
  if (ttl === undefined) return;
  if (ttl < 0n) return ctx.reply.error('ERR Invalid TTL value, must be >= 0');
  const payload = ctx.argv[3] as Buffer;
  if (!verifyDumpPayload(payload)) return ctx.reply.error('ERR DUMP payload version or checksum are wrong');
  const { node } = serverContext(ctx);
  const value = readDumpPayload(payload, { encodingConfig: ctx.encodingConfig, rng: ctx.rng });
  if (value === undefined) return ctx.reply.error('ERR Bad data format');
  const deleted = options.replace && ctx.db.delete(key);
  const expireAtMs = ttl !== 0n && !options.absoluteTtl ? Number(ttl) + ctx.nowMs : Number(ttl);
  if (ttl !== 0n && expireAtMs <= ctx.nowMs && !node.loading && !node.isReplica) {
    if (deleted) {
      ctx.propagateAs([node.config.flag('lazyfree-lazy-server-del') ? 'UNLINK' : 'DEL', key]);
      ctx.keyModified(key);
      ctx.notifyKeyspaceEvent('generic', 'del', key);
      ctx.dirty();
    }
    ctx.reply.ok();
    return;
  }
  ctx.db.add(key, value);
  if (ttl !== 0n) {
    ctx.db.setExpire(key, expireAtMs);
    if (!options.absoluteTtl) ctx.propagateAs([...ctx.argv.slice(0, 2), String(expireAtMs), ...ctx.argv.slice(3), 'ABSTTL']);
  }
  const field = restoredAccessField(ctx, options);
  if (field !== undefined) serverContext(ctx).db.setAccessField(key, field);
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('generic', 'restore', key);
  ctx.reply.ok();
  ctx.dirty();
}

const keyCommand = (name: string, arity: number, flags: CommandSpec['flags'], categories: readonly string[], handler: (ctx: CommandContext) => void): CommandSpec => ({
  name,
  arity,
  flags,
  categories,
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  handler,
});

export const persistenceCommands: readonly CommandSpec[] = [
  keyless('save', 1, ['admin', 'noscript', 'no_multi'], ['admin', 'slow', 'dangerous'], save),
  keyless('bgsave', -1, ['admin', 'noscript'], ['admin', 'slow', 'dangerous'], bgsave),
  keyless('bgrewriteaof', 1, ['admin', 'noscript'], ['admin', 'slow', 'dangerous'], bgrewriteaof),
  keyless('shutdown', -1, ['admin', 'noscript', 'loading', 'stale', 'no_multi', 'allow_busy'], ['admin', 'slow', 'dangerous'], shutdown),
  keyCommand('dump', 2, ['readonly'], ['keyspace', 'read', 'slow'], dump),
  keyCommand('restore', -4, ['write', 'denyoom'], ['keyspace', 'write', 'slow', 'dangerous'], restore),
];
