import type { CommandContext, CommandSpec } from '../../../../src/store/commands/command.js';
import { lookupReadOfType, lookupWriteOfType, WRONG_TYPE } from '../../../../src/store/commands/command.js';
import type { ListObject, StringObject } from '../../../../src/store/keyspace/object.js';

/**
 * Minimal string and list commands (prefixed `x`) so the server core can be
 * tested without depending on the command families under construction.
 */
export class TestString implements StringObject {
  readonly type = 'string';
  constructor(private readonly value: Buffer) {}
  encoding(): 'raw' | 'embstr' | 'int' {
    return /^(0|-?[1-9]\d{0,17})$/.test(this.value.toString('latin1')) ? 'int' : this.value.length <= 44 ? 'embstr' : 'raw';
  }
  bytes(): Buffer {
    return this.value;
  }
  clone(): TestString {
    return new TestString(Buffer.from(this.value));
  }
}

export class TestList implements ListObject {
  readonly type = 'list';
  constructor(readonly elements: Buffer[] = []) {}
  encoding(): 'quicklist' {
    return 'quicklist';
  }
  length(): number {
    return this.elements.length;
  }
  toArray(): Buffer[] {
    return this.elements.slice();
  }
  clone(): TestList {
    return new TestList(this.elements.slice());
  }
}

function spec(name: string, arity: number, flags: CommandSpec['flags'], handler: (ctx: CommandContext) => void, firstKey = 1): CommandSpec {
  return { name, arity, flags, categories: [], firstKey, lastKey: firstKey === 0 ? 0 : 1, keyStep: firstKey === 0 ? 0 : 1, handler };
}

function xset(ctx: CommandContext): void {
  const key = ctx.argv[1] as Buffer;
  ctx.db.set(key, new TestString(ctx.argv[2] as Buffer));
  if (ctx.argv.length === 5) ctx.db.setExpire(key, ctx.nowMs + Number((ctx.argv[4] as Buffer).toString()));
  ctx.keyModified(key);
  ctx.dirty();
  ctx.reply.ok();
}

function xget(ctx: CommandContext): void {
  const value = lookupReadOfType(ctx, ctx.argv[1] as Buffer, 'string');
  if (value === WRONG_TYPE) return;
  ctx.reply.bulk(value === undefined ? null : value.bytes());
}

function xdel(ctx: CommandContext): void {
  let deleted = 0;
  for (const key of ctx.argv.slice(1)) {
    ctx.db.lookupWrite(key);
    if (ctx.db.delete(key)) {
      ctx.keyModified(key);
      ctx.dirty();
      deleted++;
    }
  }
  ctx.reply.integer(deleted);
}

function xpexpire(ctx: CommandContext): void {
  const key = ctx.argv[1] as Buffer;
  if (ctx.db.lookupWrite(key) === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const atMs = ctx.nowMs + Number((ctx.argv[2] as Buffer).toString());
  ctx.db.setExpire(key, atMs);
  ctx.keyModified(key);
  ctx.dirty();
  ctx.propagateAs(['PEXPIREAT', key, String(atMs)]);
  ctx.reply.integer(1);
}

function xpush(ctx: CommandContext): void {
  const key = ctx.argv[1] as Buffer;
  const list = lookupWriteOfType(ctx, key, 'list');
  if (list === WRONG_TYPE) return;
  const target = list ?? new TestList();
  if (list === undefined) ctx.db.add(key, target);
  (target as TestList).elements.push(...ctx.argv.slice(2));
  ctx.keyModified(key);
  ctx.keyReady(key);
  ctx.dirty(ctx.argv.length - 2);
  ctx.reply.integer(target.length());
}

/** Pops the head of a non-empty list: replies [key, element], propagates XPOPNOW. */
function popInto(ctx: CommandContext, key: Buffer): boolean {
  const list = lookupWriteOfType(ctx, key, 'list');
  if (list === undefined || list === WRONG_TYPE) return false;
  const element = (list as TestList).elements.shift() as Buffer;
  if (list.length() === 0) ctx.db.delete(key);
  ctx.keyModified(key);
  ctx.dirty();
  ctx.propagateAs(['XPOPNOW', key]);
  ctx.reply.bulkArray([key, element]);
  return true;
}

/** xbpop key timeout-ms: BLPOP on one key with a millisecond timeout (0 = forever). */
function xbpop(ctx: CommandContext): void {
  const key = ctx.argv[1] as Buffer;
  if (popInto(ctx, key)) return;
  if (!ctx.canBlock) {
    ctx.reply.nullArray();
    return;
  }
  const timeoutMs = Number((ctx.argv[2] as Buffer).toString());
  ctx.block({ keys: [key], deadlineMs: timeoutMs === 0 ? 0 : ctx.nowMs + timeoutMs, onReady: (served, readyKey) => popInto(served, readyKey) });
}

export const testCommands: readonly CommandSpec[] = [
  spec('xset', -3, ['write', 'denyoom'], xset),
  spec('xget', 2, ['readonly', 'fast'], xget),
  spec('xdelkeys', -2, ['write'], xdel),
  spec('xpexpire', 3, ['write', 'fast'], xpexpire),
  spec('xpush', -3, ['write', 'denyoom', 'fast'], xpush),
  spec('xbpop', 3, ['write', 'blocking'], xbpop),
  spec('xnomulti', 1, ['no_multi'], (ctx) => ctx.reply.ok(), 0),
];
