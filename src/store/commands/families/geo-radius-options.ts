/**
 * The options loop of georadiusGeneric (geo.c): WITHDIST WITHHASH WITHCOORD
 * ANY ASC DESC COUNT, STORE/STOREDIST (GEORADIUS*), STOREDIST
 * (GEOSEARCHSTORE), FROMMEMBER FROMLONLAT BYRADIUS BYBOX (GEOSEARCH*).
 */
import type { CommandContext } from '../command.js';
import { decodeScore } from '../../types/geohash.js';
import { getLongLongOrReply } from '../../types/number-parsing.js';
import type { ZsetValue } from '../../types/zset.js';
import { boxOrReply, longitudeLatitudeOrReply, radiusOrReply } from './geo-arguments.js';
import type { GeoSort } from './geo-search.js';
import { isOption } from './strings-shared.js';

/** Which command variant runs (georadiusGeneric's flags). */
export interface GeoVariant {
  readonly byMember: boolean;
  readonly noStore: boolean;
  readonly search: boolean;
  readonly searchStore: boolean;
}

/** What the arguments asked for; the centre and shape fields are set as they are parsed. */
export interface GeoRequest {
  longitude: number;
  latitude: number;
  shape: { readonly kind: 'circle'; readonly radius: number; readonly conversion: number } | { readonly kind: 'box'; readonly width: number; readonly height: number; readonly conversion: number } | undefined;
  withDistance: boolean;
  withHash: boolean;
  withCoordinates: boolean;
  fromMember: boolean;
  fromLongitudeLatitude: boolean;
  any: boolean;
  sort: GeoSort;
  count: number;
  storeKey: Buffer | undefined;
  storeDistance: boolean;
}

/** longLatFromMember, or the "could not decode" error. */
export function memberPositionOrReply(ctx: CommandContext, zset: ZsetValue, member: Buffer): readonly [number, number] | undefined {
  const score = zset.score(member, (count) => ctx.step(count));
  if (score === undefined) {
    ctx.reply.error('ERR could not decode requested zset member');
    return undefined;
  }
  return decodeScore(score);
}

type OptionOutcome = number | 'error' | 'syntax';

/** One option at argv[index]; returns how many arguments it took, or that it failed (error replied) or is a syntax error. */
function parseOption(ctx: CommandContext, index: number, remainingAfter: number, variant: GeoVariant, zset: ZsetValue | undefined, request: GeoRequest): OptionOutcome {
  const option = ctx.argv[index] as Buffer;
  const storable = !variant.noStore && !variant.search;
  if (isOption(option, 'withdist')) request.withDistance = true;
  else if (isOption(option, 'withhash')) request.withHash = true;
  else if (isOption(option, 'withcoord')) request.withCoordinates = true;
  else if (isOption(option, 'any')) request.any = true;
  else if (isOption(option, 'asc')) request.sort = 'asc';
  else if (isOption(option, 'desc')) request.sort = 'desc';
  else if (isOption(option, 'count') && remainingAfter >= 1) return parseCount(ctx, index + 1, request);
  else if ((isOption(option, 'store') || isOption(option, 'storedist')) && remainingAfter >= 1 && storable) {
    request.storeKey = ctx.argv[index + 1] as Buffer;
    request.storeDistance = isOption(option, 'storedist');
    return 2;
  } else if (isOption(option, 'storedist') && variant.search && variant.searchStore) request.storeDistance = true;
  else if (isOption(option, 'frommember') && remainingAfter >= 1 && variant.search && !request.fromLongitudeLatitude) return parseFromMember(ctx, index + 1, zset, request);
  else if (isOption(option, 'fromlonlat') && remainingAfter >= 2 && variant.search && !request.fromMember) {
    const position = longitudeLatitudeOrReply(ctx, index + 1);
    if (position === undefined) return 'error';
    [request.longitude, request.latitude] = position;
    request.fromLongitudeLatitude = true;
    return 3;
  } else if (isOption(option, 'byradius') && remainingAfter >= 2 && variant.search && request.shape?.kind !== 'box') {
    const radius = radiusOrReply(ctx, index + 1);
    if (radius === undefined) return 'error';
    request.shape = { kind: 'circle', ...radius };
    return 3;
  } else if (isOption(option, 'bybox') && remainingAfter >= 3 && variant.search && request.shape?.kind !== 'circle') {
    const box = boxOrReply(ctx, index + 1);
    if (box === undefined) return 'error';
    request.shape = { kind: 'box', ...box };
    return 4;
  } else return 'syntax';
  return 1;
}

function parseCount(ctx: CommandContext, index: number, request: GeoRequest): OptionOutcome {
  const count = getLongLongOrReply(ctx.reply, ctx.argv[index] as Buffer);
  if (count === undefined) return 'error';
  if (count <= 0n) {
    ctx.reply.error('ERR COUNT must be > 0');
    return 'error';
  }
  request.count = count > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(count);
  return 2;
}

function parseFromMember(ctx: CommandContext, index: number, zset: ZsetValue | undefined, request: GeoRequest): OptionOutcome {
  if (zset !== undefined) {
    const position = memberPositionOrReply(ctx, zset, ctx.argv[index] as Buffer);
    if (position === undefined) return 'error';
    [request.longitude, request.latitude] = position;
  }
  request.fromMember = true;
  return 2;
}

/** Parses argv[start..]; false once an error was replied. */
export function parseGeoOptions(ctx: CommandContext, start: number, variant: GeoVariant, zset: ZsetValue | undefined, request: GeoRequest): boolean {
  for (let index = start; index < ctx.argv.length; ) {
    const outcome = parseOption(ctx, index, ctx.argv.length - index - 1, variant, zset, request);
    if (outcome === 'error') return false;
    if (outcome === 'syntax') {
      ctx.reply.error('ERR syntax error');
      return false;
    }
    index += outcome;
  }
  return true;
}
