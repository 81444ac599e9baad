/** Argument parsing and reply formatting shared by the GEO commands (geo.c input helpers). */
import type { CommandContext } from '../command.js';
import { fromDouble } from '../../types/binary-float.js';
import { formatFixed, formatHumanLongDouble } from '../../types/decimal-format.js';
import { geoLatitudeMax, geoLatitudeMin, geoLongitudeMax, geoLongitudeMin } from '../../types/geohash.js';
import { getDoubleOrReply } from '../../types/number-parsing.js';
import { isOption } from './strings-shared.js';

/** extractLongLatOrReply: [longitude, latitude] from two arguments, inside the GEO limits. */
export function longitudeLatitudeOrReply(ctx: CommandContext, index: number): readonly [number, number] | undefined {
  const longitude = getDoubleOrReply(ctx.reply, ctx.argv[index] as Buffer);
  if (longitude === undefined) return undefined;
  const latitude = getDoubleOrReply(ctx.reply, ctx.argv[index + 1] as Buffer);
  if (latitude === undefined) return undefined;
  if (longitude < geoLongitudeMin || longitude > geoLongitudeMax || latitude < geoLatitudeMin || latitude > geoLatitudeMax) {
    ctx.reply.error(`-ERR invalid longitude,latitude pair ${formatFixed(fromDouble(longitude), 6)},${formatFixed(fromDouble(latitude), 6)}`);
    return undefined;
  }
  return [longitude, latitude];
}

/** extractUnitOrReply: meters per unit (m, km, ft, mi). */
export function unitOrReply(ctx: CommandContext, argument: Buffer): number | undefined {
  if (isOption(argument, 'm')) return 1;
  if (isOption(argument, 'km')) return 1000;
  if (isOption(argument, 'ft')) return 0.3048;
  if (isOption(argument, 'mi')) return 1609.34;
  ctx.reply.error('ERR unsupported unit provided. please use M, KM, FT, MI');
  return undefined;
}

/** extractDistanceOrReply: a non-negative radius and its unit. */
export function radiusOrReply(ctx: CommandContext, index: number): { readonly radius: number; readonly conversion: number } | undefined {
  const radius = getDoubleOrReply(ctx.reply, ctx.argv[index] as Buffer, 'ERR need numeric radius');
  if (radius === undefined) return undefined;
  if (radius < 0) {
    ctx.reply.error('ERR radius cannot be negative');
    return undefined;
  }
  const conversion = unitOrReply(ctx, ctx.argv[index + 1] as Buffer);
  return conversion === undefined ? undefined : { radius, conversion };
}

/** extractBoxOrReply: a non-negative width and height and their unit. */
export function boxOrReply(ctx: CommandContext, index: number): { readonly width: number; readonly height: number; readonly conversion: number } | undefined {
  const width = getDoubleOrReply(ctx.reply, ctx.argv[index] as Buffer, 'ERR need numeric width');
  if (width === undefined) return undefined;
  const height = getDoubleOrReply(ctx.reply, ctx.argv[index + 1] as Buffer, 'ERR need numeric height');
  if (height === undefined) return undefined;
  if (height < 0 || width < 0) {
    ctx.reply.error('ERR height or width cannot be negative');
    return undefined;
  }
  const conversion = unitOrReply(ctx, ctx.argv[index + 2] as Buffer);
  return conversion === undefined ? undefined : { width, height, conversion };
}

/** llrint: round half to even. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** addReplyDoubleDistance: fixedpoint_d2string with 4 decimals, as a bulk string. */
export function replyDistance(ctx: CommandContext, distance: number): void {
  if (distance === 0) {
    ctx.reply.bulk('0.0000');
    return;
  }
  const scaled = roundHalfEven(distance * 10000);
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(5, '0');
  ctx.reply.bulk(`${negative ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`);
}

/** addReplyHumanLongDouble: `%.17Lf` trimmed, a bulk string (RESP2) or a double (RESP3). */
export function replyCoordinate(ctx: CommandContext, value: number): void {
  const text = formatHumanLongDouble(fromDouble(value));
  if (ctx.reply.protocolVersion === 3) ctx.reply.raw(`,${text}\r\n`);
  else ctx.reply.bulk(text);
}
