/**
 * Redis's geohash (geohash.c): a longitude/latitude pair becomes two
 * `step`-bit cell indices interleaved (latitude on the even bits, longitude
 * on the odd ones) over the Web Mercator limits; GEO scores are the 52-bit
 * (step 26) hashes. Indices are kept apart so every value stays a safe
 * integer; `bits` interleaves them on demand.
 */
import { assert } from '../../core/assert.js';

export const geoLongitudeMin = -180;
export const geoLongitudeMax = 180;
export const geoLatitudeMin = -85.05112878;
export const geoLatitudeMax = 85.05112878;
/** GEO_STEP_MAX: 26 * 2 = 52 bits. */
export const geoStepMax = 26;

/** A coordinate interval (GeoHashRange). */
export interface CoordinateRange {
  readonly min: number;
  readonly max: number;
}

/** GeoHashBits as cell indices: the hash is their interleaving, `step` bits each. */
export interface GeoHashCell {
  readonly latitudeIndex: number;
  readonly longitudeIndex: number;
  readonly step: number;
}

/** A decoded cell (GeoHashArea). */
export interface GeoArea {
  readonly longitude: CoordinateRange;
  readonly latitude: CoordinateRange;
}

export const mercatorLongitudeRange: CoordinateRange = { min: geoLongitudeMin, max: geoLongitudeMax };
export const mercatorLatitudeRange: CoordinateRange = { min: geoLatitudeMin, max: geoLatitudeMax };

/** geohashEncode: undefined when the point is outside the GEO limits or the ranges. */
export function encodeCell(longitude: number, latitude: number, step: number, longitudeRange: CoordinateRange = mercatorLongitudeRange, latitudeRange: CoordinateRange = mercatorLatitudeRange): GeoHashCell | undefined {
  assert(step >= 1 && step <= 32, 'a geohash step is 1..32');
  if (longitude > geoLongitudeMax || longitude < geoLongitudeMin || latitude > geoLatitudeMax || latitude < geoLatitudeMin) return undefined;
  if (latitude < latitudeRange.min || latitude > latitudeRange.max || longitude < longitudeRange.min || longitude > longitudeRange.max) return undefined;
  const latitudeOffset = ((latitude - latitudeRange.min) / (latitudeRange.max - latitudeRange.min)) * 2 ** step;
  const longitudeOffset = ((longitude - longitudeRange.min) / (longitudeRange.max - longitudeRange.min)) * 2 ** step;
  return { latitudeIndex: Math.trunc(latitudeOffset) >>> 0, longitudeIndex: Math.trunc(longitudeOffset) >>> 0, step };
}

/** interleave64 of the two 32-bit indices (latitude on even bits): exact, as an index may be 2^step at the upper edge. */
export function cellBits(cell: GeoHashCell): bigint {
  let bits = 0n;
  for (let bit = 0; bit < 32; bit++) {
    if (Math.floor(cell.latitudeIndex / 2 ** bit) % 2 === 1) bits |= 1n << BigInt(2 * bit);
    if (Math.floor(cell.longitudeIndex / 2 ** bit) % 2 === 1) bits |= 1n << BigInt(2 * bit + 1);
  }
  return bits;
}

/** geohashAlign52Bits: the hash shifted to 52 bits (the score of the cell's first point), modulo 2^64. */
export function alignTo52Bits(bits: bigint, step: number): bigint {
  return BigInt.asUintN(64, bits << BigInt(52 - step * 2));
}

/** Even bits of a 32-bit value, compacted into 16 bits. */
function evenBits(value: number): number {
  let result = 0;
  for (let bit = 0; bit < 16; bit++) result |= ((value >>> (2 * bit)) & 1) << bit;
  return result;
}

/**
 * deinterleave64 of a 64-bit hash given as unsigned 32-bit halves: the
 * latitude index (even bits) and longitude index (odd bits), 32 bits each.
 */
export function deinterleave(high: number, low: number): { readonly latitudeIndex: number; readonly longitudeIndex: number } {
  const latitudeIndex = (evenBits(low) | (evenBits(high) << 16)) >>> 0;
  const longitudeIndex = (evenBits(low >>> 1) | (evenBits(high >>> 1) << 16)) >>> 0;
  return { latitudeIndex, longitudeIndex };
}

/** geohashDecode */
export function decodeCell(cell: GeoHashCell, longitudeRange: CoordinateRange = mercatorLongitudeRange, latitudeRange: CoordinateRange = mercatorLatitudeRange): GeoArea {
  const cells = 2 ** cell.step;
  const latitudeScale = latitudeRange.max - latitudeRange.min;
  const longitudeScale = longitudeRange.max - longitudeRange.min;
  const nextLatitude = (cell.latitudeIndex + 1) >>> 0;
  const nextLongitude = (cell.longitudeIndex + 1) >>> 0;
  return {
    latitude: { min: latitudeRange.min + (cell.latitudeIndex / cells) * latitudeScale, max: latitudeRange.min + (nextLatitude / cells) * latitudeScale },
    longitude: { min: longitudeRange.min + (cell.longitudeIndex / cells) * longitudeScale, max: longitudeRange.min + (nextLongitude / cells) * longitudeScale },
  };
}

/** geohashDecodeAreaToLongLat: the cell's centre, clamped to the GEO limits. */
export function areaCentre(area: GeoArea): readonly [number, number] {
  let longitude = (area.longitude.min + area.longitude.max) / 2;
  if (longitude > geoLongitudeMax) longitude = geoLongitudeMax;
  if (longitude < geoLongitudeMin) longitude = geoLongitudeMin;
  let latitude = (area.latitude.min + area.latitude.max) / 2;
  if (latitude > geoLatitudeMax) latitude = geoLatitudeMax;
  if (latitude < geoLatitudeMin) latitude = geoLatitudeMin;
  return [longitude, latitude];
}

const TWO_POW_32 = 2 ** 32;
const TWO_POW_64 = 2 ** 64;

/** The (uint64_t) cast of a score as x86-64 performs it, as unsigned 32-bit halves. */
function scoreToUint64Halves(score: number): { readonly high: number; readonly low: number } {
  if (score >= 0 && score < Number.MAX_SAFE_INTEGER) {
    const integer = Math.trunc(score);
    return { high: Math.floor(integer / TWO_POW_32), low: integer % TWO_POW_32 };
  }
  // gcc: below 2^63 cvttsd2si (out of range or NaN: 2^63); from 2^63, cvttsd2si(x - 2^63) with bit 63 flipped.
  let value: bigint;
  if (score >= TWO_POW_64) value = 0n;
  else if (score >= 2 ** 63) value = BigInt(score);
  else if (Number.isNaN(score) || score < -(2 ** 63)) value = 1n << 63n;
  else value = BigInt.asUintN(64, BigInt(Math.trunc(score)));
  return { high: Number(value >> 32n), low: Number(value & 0xffffffffn) };
}

/** decodeGeohash: the [longitude, latitude] a GEO score stands for. */
export function decodeScore(score: number): readonly [number, number] {
  const { high, low } = scoreToUint64Halves(score);
  const { latitudeIndex, longitudeIndex } = deinterleave(high, low);
  return areaCentre(decodeCell({ latitudeIndex, longitudeIndex, step: geoStepMax }));
}

/** The score GEOADD passes to ZADD for a valid point, as the exact integer (sdsfromlonglong). */
export function encodeScore(longitude: number, latitude: number): bigint {
  const cell = encodeCell(longitude, latitude, geoStepMax);
  assert(cell !== undefined, 'GEOADD encodes only validated coordinates');
  return alignTo52Bits(cellBits(cell), geoStepMax);
}

const geoAlphabet = '0123456789bcdefghjkmnpqrstuvwxyz';

/** GEOHASH's 11-character standard geohash of a score: re-encoded over [-180,180] x [-90,90]. */
export function standardGeohash(score: number): string {
  const [longitude, latitude] = decodeScore(score);
  const cell = encodeCell(longitude, latitude, geoStepMax, { min: -180, max: 180 }, { min: -90, max: 90 });
  const bits = cell === undefined ? 0n : cellBits(cell);
  let text = '';
  for (let index = 0; index < 11; index++) {
    const digit = index === 10 ? 0 : Number((bits >> BigInt(52 - (index + 1) * 5)) & 0x1fn);
    text += geoAlphabet[digit];
  }
  return text;
}
