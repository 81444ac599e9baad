/** GEOADD, GEOPOS, GEOHASH and GEODIST (geo.c). */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { decodeScore, encodeScore, standardGeohash } from '../../types/geohash.js';
import { geoDistance } from '../../types/geohash-distance.js';
import { longitudeLatitudeOrReply, replyCoordinate, replyDistance, unitOrReply } from './geo-arguments.js';
import { isOption } from './strings-shared.js';
import { zaddCommand } from './zsets-add.js';
import { lookupZsetRead } from './zsets-shared.js';

/** The same context with another argument vector (replaceClientCommandVector before calling ZADD). */
function withArgv(ctx: CommandContext, argv: readonly Buffer[]): CommandContext {
  return {
    argv,
    db: ctx.db,
    reply: ctx.reply,
    get client() {
      return ctx.client;
    },
    encodingConfig: ctx.encodingConfig,
    rng: ctx.rng,
    nowMs: ctx.nowMs,
    canBlock: ctx.canBlock,
    step: (count) => ctx.step(count),
    dirty: (count) => ctx.dirty(count),
    propagateAs: (...commands) => ctx.propagateAs(...commands),
    preventPropagation: () => ctx.preventPropagation(),
    keyModified: (key) => ctx.keyModified(key),
    keyReady: (key) => ctx.keyReady(key),
    block: (options) => ctx.block(options),
    notifyKeyspaceEvent: (type, event, key, dbId) => ctx.notifyKeyspaceEvent(type, event, key, dbId),
  };
}

/** GEOADD key [NX|XX] [CH] longitude latitude member [...]: ZADD of the 52-bit geohashes, propagated as that ZADD. */
export function geoaddCommand(ctx: CommandContext): void {
  let nx = false;
  let xx = false;
  let firstLongitude = 2;
  for (; firstLongitude < ctx.argv.length; firstLongitude++) {
    const option = ctx.argv[firstLongitude] as Buffer;
    if (isOption(option, 'nx')) nx = true;
    else if (isOption(option, 'xx')) xx = true;
    else if (!isOption(option, 'ch')) break;
  }
  const tail = ctx.argv.length - firstLongitude;
  if (tail % 3 !== 0 || (xx && nx)) {
    ctx.reply.error('ERR syntax error');
    return;
  }
  const zaddArgv: Buffer[] = [Buffer.from('zadd'), ...ctx.argv.slice(1, firstLongitude)];
  for (let element = 0; element < tail / 3; element++) {
    const index = firstLongitude + element * 3;
    const position = longitudeLatitudeOrReply(ctx, index);
    if (position === undefined) return;
    zaddArgv.push(Buffer.from(String(encodeScore(position[0], position[1]))), ctx.argv[index + 2] as Buffer);
  }
  ctx.propagateAs(zaddArgv);
  zaddCommand(withArgv(ctx, zaddArgv));
}

/** GEOPOS key [member ...]: [longitude, latitude] per member, a null array for a missing one. */
export function geoposCommand(ctx: CommandContext): void {
  const zset = lookupZsetRead(ctx, ctx.argv[1] as Buffer);
  if (zset === WRONG_TYPE) return;
  ctx.reply.arrayHeader(ctx.argv.length - 2);
  for (let index = 2; index < ctx.argv.length; index++) {
    const score = zset?.score(ctx.argv[index] as Buffer, (count) => ctx.step(count));
    if (score === undefined) {
      ctx.reply.nullArray();
      continue;
    }
    const [longitude, latitude] = decodeScore(score);
    ctx.reply.arrayHeader(2);
    replyCoordinate(ctx, longitude);
    replyCoordinate(ctx, latitude);
  }
}

/** GEOHASH key [member ...]: the 11-character geohash per member, null for a missing one. */
export function geohashCommand(ctx: CommandContext): void {
  const zset = lookupZsetRead(ctx, ctx.argv[1] as Buffer);
  if (zset === WRONG_TYPE) return;
  ctx.reply.arrayHeader(ctx.argv.length - 2);
  for (let index = 2; index < ctx.argv.length; index++) {
    const score = zset?.score(ctx.argv[index] as Buffer, (count) => ctx.step(count));
    if (score === undefined) ctx.reply.nullBulk();
    else ctx.reply.bulk(standardGeohash(score));
  }
}

/** GEODIST key member1 member2 [unit]: null unless both members exist. */
export function geodistCommand(ctx: CommandContext): void {
  let metersPerUnit = 1;
  if (ctx.argv.length === 5) {
    const unit = unitOrReply(ctx, ctx.argv[4] as Buffer);
    if (unit === undefined) return;
    metersPerUnit = unit;
  } else if (ctx.argv.length > 5) {
    ctx.reply.error('ERR syntax error');
    return;
  }
  const zset = lookupZsetRead(ctx, ctx.argv[1] as Buffer);
  if (zset === WRONG_TYPE) return;
  const step = (count: number): void => ctx.step(count);
  const first = zset?.score(ctx.argv[2] as Buffer, step);
  const second = first === undefined ? undefined : zset?.score(ctx.argv[3] as Buffer, step);
  if (first === undefined || second === undefined) {
    ctx.reply.nullBulk();
    return;
  }
  const [longitude1, latitude1] = decodeScore(first);
  const [longitude2, latitude2] = decodeScore(second);
  replyDistance(ctx, geoDistance(longitude1, latitude1, longitude2, latitude2) / metersPerUnit);
}
