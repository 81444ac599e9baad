import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDifference, startServerPair, type ServerPair } from '../hyperloglog/pair.js';

/**
 * Generated GEO sequences (GEOADD with options, GEOPOS, GEOHASH, GEODIST,
 * GEORADIUS*, GEOSEARCH*, STORE/STOREDIST, ZADD of arbitrary scores) over
 * clustered and edge coordinates must answer byte for byte like
 * redis-server 7.0.15: distances, coordinates, hashes, order and errors.
 */
let pair: ServerPair;

beforeAll(async () => {
  pair = await startServerPair();
});

afterAll(async () => {
  await pair?.stop();
});

type Command = readonly string[];

const key = fc.constantFrom('g1', 'g1', 'g1', 'g2');
const member = fc.oneof(fc.integer({ min: 0, max: 12 }).map((index) => `m${index}`), fc.constantFrom('7', '-3', ''));
const centres: readonly (readonly [number, number])[] = [
  [13.36, 38.11],
  [0, 0],
  [179.99, 1],
  [-180, -85.05112878],
  [180, 85.05112878],
  [-122.4, 37.7],
  [100, 80.5],
];
const jitter = fc.constantFrom(0, 1e-7, 0.001, 0.05, 0.5, 0.5, 3, 3, 20);
/** Points around one of the centres (a sequence mostly stays around its own centre). */
const positionNear = (home: readonly [number, number]): fc.Arbitrary<readonly [number, number]> => fc
  .tuple(fc.oneof({ weight: 5, arbitrary: fc.constant(home) }, { weight: 1, arbitrary: fc.constantFrom(...centres) }), jitter, fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }))
  .map(([[longitude, latitude], spread, dx, dy]) => [clamp(longitude + spread * dx, 180), clamp(latitude + spread * dy, 85.05112878)] as const);
const coordinatesNear = (home: readonly [number, number]): fc.Arbitrary<readonly [string, string]> => fc.oneof(
  { weight: 12, arbitrary: positionNear(home).map(([longitude, latitude]) => [String(longitude), String(latitude)] as const) },
  { weight: 1, arbitrary: fc.constantFrom<readonly [string, string]>(['180.0000001', '0'], ['0', '85.06'], ['abc', '1'], ['1', 'nan'], ['-0', '-0'], ['1e-300', '-1e-300']) },
);
const unit = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('m', 'km', 'km', 'km', 'mi', 'ft', 'KM') }, { weight: 1, arbitrary: fc.constant('yd') });
const distance = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('0', '1', '150', '1000', '5000', '20000', '200000', '2000000', '5000000') }, { weight: 1, arbitrary: fc.constantFrom('-1', 'x') });
const withOptions = fc.subarray(['WITHDIST', 'WITHHASH', 'WITHCOORD']);
const sorting = fc.oneof(fc.constant([] as string[]), fc.constantFrom(['ASC'], ['DESC']), fc.tuple(fc.integer({ min: 0, max: 6 }).map((count) => (count === 6 ? 0 : count + 1)), fc.boolean(), fc.constantFrom([], ['ASC'], ['DESC'])).map(([count, any, order]) => ['COUNT', String(count), ...(any ? ['ANY'] : []), ...order]));

function clamp(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}

function geoCommandNear(home: readonly [number, number]): fc.Arbitrary<Command> {
  const coordinates = coordinatesNear(home);
  const geoadd: fc.Arbitrary<Command> = fc
    .tuple(key, fc.subarray(['NX', 'XX', 'CH']), fc.array(fc.tuple(coordinates, member), { minLength: 1, maxLength: 8 }))
    .map(([name, options, items]) => ['GEOADD', name, ...options, ...items.flatMap(([[longitude, latitude], who]) => [longitude, latitude, who])]);
  const radiusSearch: fc.Arbitrary<Command> = fc
    .tuple(fc.constantFrom('GEORADIUS', 'GEORADIUS_RO'), key, coordinates, distance, unit, withOptions, sorting)
    .map(([name, source, [longitude, latitude], radius, units, withs, sort]) => [name, source, longitude, latitude, radius, units, ...withs, ...sort]);
  const memberSearch: fc.Arbitrary<Command> = fc
    .tuple(fc.constantFrom('GEORADIUSBYMEMBER', 'GEORADIUSBYMEMBER_RO'), key, member, distance, unit, withOptions, sorting)
    .map(([name, source, centre, radius, units, withs, sort]) => [name, source, centre, radius, units, ...withs, ...sort]);
  const from = fc.oneof(member.map((who) => ['FROMMEMBER', who]), coordinates.map(([longitude, latitude]) => ['FROMLONLAT', longitude, latitude]));
  const by = fc.oneof(fc.tuple(distance, unit).map(([radius, units]) => ['BYRADIUS', radius, units]), fc.tuple(distance, distance, unit).map(([width, height, units]) => ['BYBOX', width, height, units]));
  const geosearch: fc.Arbitrary<Command> = fc.tuple(key, from, by, withOptions, sorting).map(([source, origin, shape, withs, sort]) => ['GEOSEARCH', source, ...origin, ...shape, ...withs, ...sort]);
  const geosearchstore: fc.Arbitrary<Command> = fc
    .tuple(key, from, by, fc.boolean(), sorting)
    .map(([source, origin, shape, storeDistance, sort]) => ['GEOSEARCHSTORE', 'dst', source, ...origin, ...shape, ...(storeDistance ? ['STOREDIST'] : []), ...sort]);
  const radiusStore: fc.Arbitrary<Command> = fc
    .tuple(key, coordinates, distance, unit, fc.constantFrom('STORE', 'STOREDIST'), sorting)
    .map(([source, [longitude, latitude], radius, units, store, sort]) => ['GEORADIUS', source, longitude, latitude, radius, units, store, 'dst', ...sort]);

  return fc.oneof(
    { weight: 8, arbitrary: geoadd },
    { weight: 2, arbitrary: fc.tuple(key, fc.array(member, { maxLength: 3 })).map(([name, who]) => ['GEOPOS', name, ...who]) },
    { weight: 2, arbitrary: fc.tuple(key, fc.array(member, { maxLength: 3 })).map(([name, who]) => ['GEOHASH', name, ...who]) },
    { weight: 2, arbitrary: fc.tuple(key, member, member, fc.option(unit, { nil: undefined })).map(([name, a, b, units]) => ['GEODIST', name, a, b, ...(units === undefined ? [] : [units])]) },
    { weight: 4, arbitrary: radiusSearch },
    { weight: 3, arbitrary: memberSearch },
    { weight: 5, arbitrary: geosearch },
    { weight: 2, arbitrary: geosearchstore },
    { weight: 2, arbitrary: radiusStore },
    { weight: 2, arbitrary: fc.constantFrom(['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'], ['OBJECT', 'ENCODING', 'dst'], ['DUMP', 'dst'], ['DUMP', 'g1']) },
    { weight: 1, arbitrary: fc.tuple(key, fc.constantFrom('-1', '1.5', '4503599627370495', '4503599627370496', '9007199254740993', '1e30', '-inf'), member).map(([name, score, who]) => ['ZADD', name, score, who]) },
    { weight: 1, arbitrary: fc.constantFrom(['SET', 'g2', 'x'], ['DEL', 'g1'], ['CONFIG', 'SET', 'zset-max-listpack-entries', '2']) },
  );
}

const geoSequence = fc.constantFrom(...centres).chain((home) => fc.array(geoCommandNear(home), { minLength: 8, maxLength: 30 }));

describe('generated GEO sequences answer byte for byte like redis-server 7.0.15', () => {
  it('every reply is identical', async () => {
    let searchesWithSeveralResults = 0;
    const observe = (argv: readonly (string | Buffer)[], real: Buffer): void => {
      const name = String(argv[0]);
      if (name.startsWith('GEORADIUS') || name === 'GEOSEARCH') {
        const length = /^\*(\d+)/.exec(real.toString('latin1'))?.[1];
        if (length !== undefined && Number(length) >= 2) searchesWithSeveralResults++;
      }
    };
    await fc.assert(
      fc.asyncProperty(geoSequence, async (commands) => {
        await pair.reset();
        const difference = await firstDifference(pair, commands, observe);
        expect(difference).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    // The generator must reach the interesting part: searches that find several points.
    expect(searchesWithSeveralResults).toBeGreaterThan(50);
  });
});
