/**
 * Distances and search areas of geohash_helper.c: the haversine distance on
 * Redis's earth radius, the step estimate for a radius, the bounding box of
 * a circle or box, and the centre cell plus its eight neighbours.
 */
import { asinRounded, cosRounded, sinRounded } from './geohash-libm.js';
import { alignTo52Bits, cellBits, decodeCell, encodeCell, geoStepMax, type GeoArea, type GeoHashCell } from './geohash.js';

const degreesToRadians = Math.PI / 180.0;
export const earthRadiusMeters = 6372797.560856;
const mercatorMax = 20037726.37;

function toRadians(degrees: number): number {
  return degrees * degreesToRadians;
}

function toDegrees(radians: number): number {
  return radians / degreesToRadians;
}

/** geohashGetLatDistance */
export function latitudeDistance(latitude1: number, latitude2: number): number {
  return earthRadiusMeters * Math.abs(toRadians(latitude2) - toRadians(latitude1));
}

/** geohashGetDistance (haversine), in meters. */
export function geoDistance(longitude1: number, latitude1: number, longitude2: number, latitude2: number): number {
  const longitude1Radians = toRadians(longitude1);
  const longitude2Radians = toRadians(longitude2);
  const v = sinRounded((longitude2Radians - longitude1Radians) / 2);
  if (v === 0.0) return latitudeDistance(latitude1, latitude2);
  const latitude1Radians = toRadians(latitude1);
  const latitude2Radians = toRadians(latitude2);
  const u = sinRounded((latitude2Radians - latitude1Radians) / 2);
  const a = u * u + cosRounded(latitude1Radians) * cosRounded(latitude2Radians) * v * v;
  return 2.0 * earthRadiusMeters * asinRounded(Math.sqrt(a));
}

/** A search shape (GeoShape): its centre, a circle's radius or a box's size, in units of `conversion` meters. */
export type GeoShape =
  | { readonly kind: 'circle'; readonly longitude: number; readonly latitude: number; readonly conversion: number; readonly radius: number }
  | { readonly kind: 'box'; readonly longitude: number; readonly latitude: number; readonly conversion: number; readonly width: number; readonly height: number };

/** geoWithinShape's test: the distance to the centre (meters) when the point is inside, else undefined. */
export function distanceWithinShape(shape: GeoShape, longitude: number, latitude: number): number | undefined {
  if (shape.kind === 'circle') {
    const distance = geoDistance(shape.longitude, shape.latitude, longitude, latitude);
    return distance > shape.radius * shape.conversion ? undefined : distance;
  }
  const widthMeters = shape.width * shape.conversion;
  const heightMeters = shape.height * shape.conversion;
  if (latitudeDistance(latitude, shape.latitude) > heightMeters / 2) return undefined;
  if (geoDistance(longitude, latitude, shape.longitude, latitude) > widthMeters / 2) return undefined;
  return geoDistance(shape.longitude, shape.latitude, longitude, latitude);
}

/** geohashEstimateStepsByRadius */
export function estimateSteps(rangeMeters: number, latitude: number): number {
  if (rangeMeters === 0) return geoStepMax;
  let range = rangeMeters;
  let step = 1;
  while (range < mercatorMax) {
    range *= 2;
    step++;
  }
  step -= 2;
  if (latitude > 66 || latitude < -66) {
    step--;
    if (latitude > 80 || latitude < -80) step--;
  }
  return Math.min(geoStepMax, Math.max(1, step));
}

/** geohashBoundingBox: [min longitude, min latitude, max longitude, max latitude]. */
export function boundingBox(shape: GeoShape): readonly [number, number, number, number] {
  const { longitude, latitude } = shape;
  const height = shape.conversion * (shape.kind === 'circle' ? shape.radius : shape.height / 2);
  const width = shape.conversion * (shape.kind === 'circle' ? shape.radius : shape.width / 2);
  const latitudeDelta = toDegrees(height / earthRadiusMeters);
  const longitudeDeltaTop = toDegrees(width / earthRadiusMeters / cosRounded(toRadians(latitude + latitudeDelta)));
  const longitudeDeltaBottom = toDegrees(width / earthRadiusMeters / cosRounded(toRadians(latitude - latitudeDelta)));
  const southern = latitude < 0;
  const minLongitude = southern ? longitude - longitudeDeltaBottom : longitude - longitudeDeltaTop;
  const maxLongitude = southern ? longitude + longitudeDeltaBottom : longitude + longitudeDeltaTop;
  return [minLongitude, latitude - latitudeDelta, maxLongitude, latitude + latitudeDelta];
}

/** geohash_move_x / geohash_move_y: the neighbouring cell, wrapping around (an index left unmoved keeps an edge overflow, as in C). */
function moved(cell: GeoHashCell, longitudeDelta: number, latitudeDelta: number): GeoHashCell {
  const cells = 2 ** cell.step;
  const wrap = (index: number, delta: number): number => (delta === 0 ? index : (((index + delta) % cells) + cells) % cells);
  return { step: cell.step, longitudeIndex: wrap(cell.longitudeIndex, longitudeDelta), latitudeIndex: wrap(cell.latitudeIndex, latitudeDelta) };
}

/** The centre cell and its neighbours in membersOfAllNeighbors' order; undefined where GZERO'ed. */
export interface SearchAreas {
  readonly cells: readonly (GeoHashCell | undefined)[];
}

/** Neighbour moves in the order Redis visits them: N, S, E, W, NE, NW, SE, SW. */
const neighbourMoves: readonly (readonly [number, number])[] = [
  [0, 1],
  [0, -1],
  [1, 0],
  [-1, 0],
  [1, 1],
  [-1, 1],
  [1, -1],
  [-1, -1],
];

/** Whether the step leaves part of the bounding box outside the four direct neighbours (decrease_step). */
function needsCoarserStep(cell: GeoHashCell, box: readonly [number, number, number, number]): boolean {
  const [minLongitude, minLatitude, maxLongitude, maxLatitude] = box;
  const north = decodeCell(moved(cell, 0, 1));
  const south = decodeCell(moved(cell, 0, -1));
  const east = decodeCell(moved(cell, 1, 0));
  const west = decodeCell(moved(cell, -1, 0));
  return north.latitude.max < maxLatitude || south.latitude.min > minLatitude || east.longitude.max < maxLongitude || west.longitude.min > minLongitude;
}

/** geohashCalculateAreasByShapeWGS84 */
export function searchAreas(shape: GeoShape): SearchAreas {
  const box = boundingBox(shape);
  const radiusMeters = shape.kind === 'circle' ? shape.radius * shape.conversion : Math.sqrt((shape.width / 2) * (shape.width / 2) + (shape.height / 2) * (shape.height / 2)) * shape.conversion;
  let steps = estimateSteps(radiusMeters, shape.latitude);
  let centre = encodeCell(shape.longitude, shape.latitude, steps) as GeoHashCell;
  if (steps > 1 && needsCoarserStep(centre, box)) {
    steps--;
    centre = encodeCell(shape.longitude, shape.latitude, steps) as GeoHashCell;
  }
  const area: GeoArea = decodeCell(centre);
  const neighbours: (GeoHashCell | undefined)[] = neighbourMoves.map(([east, north]) => moved(centre, east, north));
  if (steps >= 2) excludeUselessNeighbours(neighbours, area, box);
  return { cells: [centre, ...neighbours] };
}

/** "Exclude the search areas that are useless": neighbours wholly beyond the bounding box. */
function excludeUselessNeighbours(neighbours: (GeoHashCell | undefined)[], area: GeoArea, box: readonly [number, number, number, number]): void {
  const [minLongitude, minLatitude, maxLongitude, maxLatitude] = box;
  const clear = (...indices: number[]): void => {
    for (const index of indices) neighbours[index] = undefined;
  };
  // Indices into N, S, E, W, NE, NW, SE, SW.
  if (area.latitude.min < minLatitude) clear(1, 7, 6);
  if (area.latitude.max > maxLatitude) clear(0, 4, 5);
  if (area.longitude.min < minLongitude) clear(3, 7, 5);
  if (area.longitude.max > maxLongitude) clear(2, 6, 4);
}

/** scoresOfGeoHashBox: the scores [min, max) of the points in a cell. */
export function cellScoreRange(cell: GeoHashCell): { readonly min: number; readonly max: number } {
  const bits = cellBits(cell);
  return { min: Number(alignTo52Bits(bits, cell.step)), max: Number(alignTo52Bits(bits + 1n, cell.step)) };
}
