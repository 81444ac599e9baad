/**
 * The point search of geo.c: walk the score range of each cell of the
 * search area (centre and neighbours, in Redis's order), keep the points
 * inside the shape, then sort by distance as georadiusGeneric does.
 */
import { decodeScore } from '../../types/geohash.js';
import { cellScoreRange, distanceWithinShape, searchAreas, type GeoShape } from '../../types/geohash-distance.js';
import { partialQuicksort } from '../../types/partial-quicksort.js';
import { scoreLteMax, type ScoreRange } from '../../types/zset-range-spec.js';
import type { ZsetValue } from '../../types/zset.js';
import type { StepCounter } from '../../types/set.js';

/** geoPoint: a found member with its decoded position, distance to the centre (meters) and score. */
export interface GeoPoint {
  readonly longitude: number;
  readonly latitude: number;
  readonly distanceMeters: number;
  readonly score: number;
  readonly member: Buffer;
}

/** geoGetPointsInRange: the points of [min, max) inside the shape; stops at `limit` found (0: no limit). */
function pointsInScoreRange(zset: ZsetValue, range: ScoreRange, shape: GeoShape, found: GeoPoint[], limit: number, step: StepCounter): void {
  for (const entry of zset.walk({ by: 'score', range }, false, step)) {
    if (!scoreLteMax(entry.score, range)) break;
    const [longitude, latitude] = decodeScore(entry.score);
    const distanceMeters = distanceWithinShape(shape, longitude, latitude);
    if (distanceMeters !== undefined) found.push({ longitude, latitude, distanceMeters, score: entry.score, member: entry.member });
    if (found.length > 0 && limit > 0 && found.length >= limit) break;
  }
}

/** membersOfAllNeighbors: a cell equal to the last one searched is skipped (huge radii make neighbours coincide). */
export function searchPoints(zset: ZsetValue, shape: GeoShape, limit: number, step: StepCounter): GeoPoint[] {
  const cells = searchAreas(shape).cells;
  const found: GeoPoint[] = [];
  let lastProcessed = 0;
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    if (cell === undefined) continue;
    const last = cells[lastProcessed];
    if (lastProcessed !== 0 && last !== undefined && cell.step === last.step && cell.latitudeIndex === last.latitudeIndex && cell.longitudeIndex === last.longitudeIndex) continue;
    if (found.length > 0 && limit > 0 && found.length >= limit) break;
    const { min, max } = cellScoreRange(cell);
    pointsInScoreRange(zset, { min, max, minExclusive: false, maxExclusive: true }, shape, found, limit, step);
    lastProcessed = index;
  }
  return found;
}

export type GeoSort = 'none' | 'asc' | 'desc';

function compareAscending(left: GeoPoint, right: GeoPoint): number {
  if (left.distanceMeters > right.distanceMeters) return 1;
  return left.distanceMeters === right.distanceMeters ? 0 : -1;
}

function compareDescending(left: GeoPoint, right: GeoPoint): number {
  return -compareAscending(left, right);
}

/** qsort (glibc's stable merge sort) of everything, or pqsort of the first `returned` ranks. */
export function sortPoints(points: GeoPoint[], sort: GeoSort, returned: number): void {
  if (sort === 'none') return;
  const compare = sort === 'asc' ? compareAscending : compareDescending;
  if (returned === points.length) points.sort(compare);
  else partialQuicksort(points, compare, 0, returned - 1);
}
