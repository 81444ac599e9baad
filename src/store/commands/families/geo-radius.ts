/**
 * georadiusGeneric (geo.c): GEORADIUS, GEORADIUSBYMEMBER, their _RO forms,
 * GEOSEARCH and GEOSEARCHSTORE.
 */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import type { GeoShape } from '../../types/geohash-distance.js';
import { ZsetValue } from '../../types/zset.js';
import { longitudeLatitudeOrReply, radiusOrReply, replyCoordinate, replyDistance } from './geo-arguments.js';
import { memberPositionOrReply, parseGeoOptions, type GeoRequest, type GeoVariant } from './geo-radius-options.js';
import { searchPoints, sortPoints, type GeoPoint } from './geo-search.js';
import { stepsOf } from './sets-shared.js';
import { lookupZsetRead } from './zsets-shared.js';

function emptyRequest(): GeoRequest {
  return { longitude: 0, latitude: 0, shape: undefined, withDistance: false, withHash: false, withCoordinates: false, fromMember: false, fromLongitudeLatitude: false, any: false, sort: 'none', count: 0, storeKey: undefined, storeDistance: false };
}

/** The centre and radius GEORADIUS / GEORADIUSBYMEMBER take positionally; the index options start at, or undefined once replied. */
function parsePositional(ctx: CommandContext, variant: GeoVariant, zset: ZsetValue | undefined, request: GeoRequest): number | undefined {
  if (variant.search) {
    if (variant.searchStore) request.storeKey = ctx.argv[1] as Buffer;
    return variant.searchStore ? 3 : 2;
  }
  if (variant.byMember && zset === undefined) return 5;
  let position: readonly [number, number] | undefined;
  if (variant.byMember) position = memberPositionOrReply(ctx, zset as ZsetValue, ctx.argv[2] as Buffer);
  else position = longitudeLatitudeOrReply(ctx, 2);
  if (position === undefined) return undefined;
  [request.longitude, request.latitude] = position;
  const base = variant.byMember ? 5 : 6;
  const radius = radiusOrReply(ctx, base - 2);
  if (radius === undefined) return undefined;
  request.shape = { kind: 'circle', ...radius };
  return base;
}

/** The checks after the options, in Redis's order; false once an error was replied. */
function acceptsCombination(ctx: CommandContext, variant: GeoVariant, request: GeoRequest): boolean {
  const commandName = (ctx.argv[0] as Buffer).toString('latin1').split('\0')[0] ?? '';
  if (request.storeKey !== undefined && (request.withDistance || request.withHash || request.withCoordinates)) {
    ctx.reply.error(`ERR ${variant.searchStore ? 'GEOSEARCHSTORE' : 'STORE option in GEORADIUS'} is not compatible with WITHDIST, WITHHASH and WITHCOORD options`);
  } else if (variant.search && !(request.fromMember || request.fromLongitudeLatitude)) {
    ctx.reply.error(`ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for ${commandName}`);
  } else if (variant.search && request.shape === undefined) {
    ctx.reply.error(`ERR exactly one of BYRADIUS and BYBOX can be specified for ${commandName}`);
  } else if (request.any && request.count === 0) {
    ctx.reply.error('ERR the ANY argument requires COUNT argument');
  } else return true;
  return false;
}

/** The source key is missing: STORE deletes the destination and answers 0, the others answer an empty array. */
function replyMissingSource(ctx: CommandContext, storeKey: Buffer | undefined): void {
  if (storeKey === undefined) {
    ctx.reply.arrayHeader(0);
    return;
  }
  if (ctx.db.delete(storeKey)) {
    ctx.keyModified(storeKey);
    ctx.notifyKeyspaceEvent('generic', 'del', storeKey);
    ctx.dirty();
  }
  ctx.reply.integer(0);
}

export function georadiusGeneric(ctx: CommandContext, sourceIndex: number, variant: GeoVariant): void {
  const zset = lookupZsetRead(ctx, ctx.argv[sourceIndex] as Buffer);
  if (zset === WRONG_TYPE) return;
  const request = emptyRequest();
  const optionsStart = parsePositional(ctx, variant, zset, request);
  if (optionsStart === undefined) return;
  if (!parseGeoOptions(ctx, optionsStart, variant, zset, request)) return;
  if (!acceptsCombination(ctx, variant, request)) return;
  if (zset === undefined || request.shape === undefined) {
    replyMissingSource(ctx, request.storeKey);
    return;
  }
  if (request.count !== 0 && request.sort === 'none' && !request.any) request.sort = 'asc';
  const shape: GeoShape = { ...request.shape, longitude: request.longitude, latitude: request.latitude };
  const points = searchPoints(zset, shape, request.any ? request.count : 0, stepsOf(ctx));
  if (points.length === 0 && request.storeKey === undefined) {
    ctx.reply.arrayHeader(0);
    return;
  }
  const returned = request.count === 0 || points.length < request.count ? points.length : request.count;
  sortPoints(points, request.sort, returned);
  if (request.storeKey === undefined) replyPoints(ctx, request, points.slice(0, returned), shape.conversion);
  else storePoints(ctx, variant, request, request.storeKey, points.slice(0, returned), shape.conversion);
}

/** The (long long) cast of a score as x86-64 performs it (out of range: LLONG_MIN). */
function scoreAsLongLong(score: number): number | bigint {
  const integer = Math.trunc(score);
  if (Number.isSafeInteger(integer)) return integer;
  if (integer >= 2 ** 63 || integer < -(2 ** 63)) return -(1n << 63n);
  return BigInt(integer);
}

function replyPoints(ctx: CommandContext, request: GeoRequest, points: readonly GeoPoint[], conversion: number): void {
  const optionCount = (request.withDistance ? 1 : 0) + (request.withCoordinates ? 1 : 0) + (request.withHash ? 1 : 0);
  ctx.reply.arrayHeader(points.length);
  for (const point of points) {
    if (optionCount > 0) ctx.reply.arrayHeader(optionCount + 1);
    ctx.reply.bulk(point.member);
    if (request.withDistance) replyDistance(ctx, point.distanceMeters / conversion);
    if (request.withHash) ctx.reply.integer(scoreAsLongLong(point.score));
    if (request.withCoordinates) {
      ctx.reply.arrayHeader(2);
      replyCoordinate(ctx, point.longitude);
      replyCoordinate(ctx, point.latitude);
    }
  }
}

/** STORE / STOREDIST / GEOSEARCHSTORE: a new zset of the points (scores or distances), or the destination deleted. */
function storePoints(ctx: CommandContext, variant: GeoVariant, request: GeoRequest, storeKey: Buffer, points: readonly GeoPoint[], conversion: number): void {
  if (points.length === 0) {
    replyMissingSource(ctx, storeKey);
    return;
  }
  const result = new ZsetValue(ctx.rng, 'skiplist');
  const step = stepsOf(ctx);
  for (const point of points) result.add(point.member, request.storeDistance ? point.distanceMeters / conversion : point.score, {}, ctx.encodingConfig, step);
  result.convertToListpackIfFits(ctx.encodingConfig, step);
  const existed = ctx.db.lookupWrite(storeKey) !== undefined;
  ctx.db.set(storeKey, result);
  ctx.keyModified(storeKey);
  if (!existed) ctx.keyReady(storeKey);
  ctx.notifyKeyspaceEvent('zset', variant.search ? 'geosearchstore' : 'georadiusstore', storeKey);
  ctx.dirty(points.length);
  ctx.reply.integer(points.length);
}
