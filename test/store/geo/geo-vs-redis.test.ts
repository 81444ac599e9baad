import { describe, it } from 'vitest';
import { useSideBySide } from '../../support/side-by-side.js';

/** Scripted GEO sequences, each reply compared byte for byte with redis-server 7.0.15. */
const both = useSideBySide();

const sicily = ['13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania', '12.758489', '38.788135', 'edge1', '17.241510', '38.788135', 'edge2'];

describe('GEO commands answer like redis-server 7.0.15', () => {
  it('GEOADD options, GEOPOS, GEOHASH, GEODIST', async () => {
    await both.script([
      ['GEOADD', 'g', ...sicily],
      ['GEOADD', 'g', 'CH', 'XX', '13.5', '38.2', 'Palermo', '1', '1', 'new'],
      ['GEOADD', 'g', 'NX', 'CH', '13.6', '38.2', 'Palermo', '1', '1', 'new'],
      ['GEOADD', 'g', 'NX', 'XX', '1', '1', 'x'],
      ['GEOADD', 'g', '1', '1'],
      ['GEOADD', 'g', '200', '1', 'x'],
      ['GEOADD', 'g', '1', '86', 'x'],
      ['GEOADD', 'g', 'a', '1', 'x'],
      ['GEOADD', 'g', '-180', '-85.05112878', 'corner', '180', '85.05112878', 'corner2', '0', '0', 'zero'],
      ['ZRANGE', 'g', '0', '-1', 'WITHSCORES'],
      ['GEOPOS', 'g', 'Palermo', 'missing', 'corner', 'corner2', 'zero', 'new'],
      ['GEOHASH', 'g', 'Palermo', 'Catania', 'missing', 'corner', 'corner2', 'zero'],
      ['GEODIST', 'g', 'Palermo', 'Catania'],
      ['GEODIST', 'g', 'Palermo', 'Catania', 'KM'],
      ['GEODIST', 'g', 'Palermo', 'Catania', 'mi'],
      ['GEODIST', 'g', 'Palermo', 'Catania', 'ft'],
      ['GEODIST', 'g', 'Palermo', 'Catania', 'yd'],
      ['GEODIST', 'g', 'Palermo', 'Catania', 'km', 'x'],
      ['GEODIST', 'g', 'Palermo', 'Palermo'],
      ['GEODIST', 'g', 'Palermo', 'missing'],
      ['GEODIST', 'nokey', 'a', 'b'],
      ['GEOPOS', 'nokey', 'a'],
      ['GEOHASH', 'nokey', 'a', 'b'],
      ['SET', 's', 'x'],
      ['GEOADD', 's', '1', '1', 'a'],
      ['GEOPOS', 's', 'a'],
      ['GEODIST', 's', 'a', 'b'],
    ]);
  });

  it('GEORADIUS and GEORADIUSBYMEMBER with every option', async () => {
    await both.same(['GEOADD', 'g', ...sicily]);
    await both.script([
      ['GEORADIUS', 'g', '15', '37', '200', 'km'],
      ['GEORADIUS', 'g', '15', '37', '200', 'km', 'WITHDIST', 'WITHCOORD', 'WITHHASH'],
      ['GEORADIUS', 'g', '15', '37', '200', 'km', 'ASC', 'WITHDIST'],
      ['GEORADIUS', 'g', '15', '37', '200', 'km', 'DESC', 'COUNT', '1', 'WITHDIST'],
      ['GEORADIUS', 'g', '15', '37', '2000', 'km', 'COUNT', '2', 'ANY'],
      ['GEORADIUS', 'g', '15', '37', '2000', 'km', 'ANY'],
      ['GEORADIUS', 'g', '15', '37', '2000', 'km', 'COUNT', '0'],
      ['GEORADIUS', 'g', '15', '37', '2000', 'km', 'COUNT', 'x'],
      ['GEORADIUS', 'g', '15', '37', '2000', 'km', 'COUNT'],
      ['GEORADIUS', 'g', '15', '37', '-1', 'km'],
      ['GEORADIUS', 'g', '15', '37', 'x', 'km'],
      ['GEORADIUS', 'g', '15', '37', '1', 'parsec'],
      ['GEORADIUS', 'g', '15', '37', '200', 'km', 'STORE', 'dst', 'WITHDIST'],
      ['GEORADIUS', 'g', '15', '37', '200', 'km', 'STORE', 'dst'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['GEORADIUS', 'g', '15', '37', '200', 'km', 'STOREDIST', 'dst2', 'DESC', 'COUNT', '1'],
      ['ZRANGE', 'dst2', '0', '-1', 'WITHSCORES'],
      ['GEORADIUS', 'g', '0', '0', '1', 'km', 'STORE', 'dst'],
      ['EXISTS', 'dst'],
      ['GEORADIUS', 'nokey', '0', '0', '1', 'km', 'STORE', 'dst2'],
      ['EXISTS', 'dst2'],
      ['GEORADIUS_RO', 'g', '15', '37', '200', 'km', 'STORE', 'dst'],
      ['GEORADIUSBYMEMBER', 'g', 'Palermo', '300', 'km', 'WITHDIST', 'ASC'],
      ['GEORADIUSBYMEMBER', 'g', 'missing', '300', 'km'],
      ['GEORADIUSBYMEMBER', 'nokey', 'missing', '-300', 'km'],
      ['GEORADIUSBYMEMBER_RO', 'g', 'Catania', '100', 'mi', 'WITHCOORD'],
      ['GEORADIUS', 'g', '15', '37', '200', 'km', 'BOGUS'],
      ['GEORADIUS', 'g', '200', '37', '200', 'km'],
    ]);
  });

  it('GEOSEARCH and GEOSEARCHSTORE', async () => {
    await both.same(['GEOADD', 'g', ...sicily]);
    await both.script([
      ['GEOSEARCH', 'g', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'ASC'],
      ['GEOSEARCH', 'g', 'FROMMEMBER', 'Palermo', 'BYBOX', '400', '400', 'km', 'ASC', 'WITHDIST', 'WITHCOORD'],
      ['GEOSEARCH', 'g', 'FROMLONLAT', '15', '37', 'BYBOX', '400', '400', 'km', 'DESC', 'COUNT', '3', 'WITHHASH'],
      ['GEOSEARCH', 'g', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'BYBOX', '1', '1', 'km'],
      ['GEOSEARCH', 'g', 'FROMLONLAT', '15', '37', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km'],
      ['GEOSEARCH', 'g', 'BYRADIUS', '1', 'km', 'ASC'],
      ['GEOSEARCH', 'g', 'FROMMEMBER', 'Palermo', 'ASC', 'DESC'],
      ['GEOSEARCH', 'g', 'FROMMEMBER', 'missing', 'BYRADIUS', '1', 'km'],
      ['GEOSEARCH', 'g', 'FROMMEMBER', 'Palermo', 'BYBOX', '-1', '1', 'km'],
      ['GEOSEARCH', 'g', 'FROMMEMBER', 'Palermo', 'BYBOX', 'x', '1', 'km'],
      ['GEOSEARCH', 'g', 'FROMMEMBER', 'Palermo', 'BYBOX', '1', 'x', 'km'],
      ['GEOSEARCH', 'g', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'STORE', 'x'],
      ['GEOSEARCH', 'g', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'STOREDIST'],
      ['GEOSEARCH', 'nokey', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km'],
      ['GEOSEARCHSTORE', 'dst', 'g', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'STOREDIST'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['GEOSEARCHSTORE', 'dst', 'g', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'WITHDIST'],
      ['GEOSEARCHSTORE', 'dst', 'g', 'FROMLONLAT', '15', '37', 'BYBOX', '500', '500', 'km', 'COUNT', '2', 'DESC'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['GEOSEARCHSTORE', 'dst', 'nokey', 'FROMLONLAT', '15', '37', 'BYBOX', '500', '500', 'km'],
      ['EXISTS', 'dst'],
      ['geosearch', 'g', 'fromlonlat', '15', '37', 'byradius', '20000', 'km'],
      ['geosearch', 'g', 'fromlonlat', '15', '37', 'byradius', '20000', 'km', 'withdist', 'asc'],
      ['geosearch', 'g', 'fromlonlat', '0', '85', 'bybox', '40000', '100', 'km', 'withdist', 'asc'],
    ]);
  });
});

describe('ties in distance come out in redis-server 7.0.15 order', () => {
  it('COUNT over many points at equal distances (pqsort) and without COUNT (stable qsort)', async () => {
    const points: string[] = [];
    for (let index = 0; index < 90; index++) points.push(index % 3 === 0 ? '13.361389' : '13.4', index % 3 === 0 ? '38.115556' : '38.2', `p${(index * 37) % 90}`);
    await both.same(['GEOADD', 'g', ...points]);
    for (const count of ['1', '5', '7', '41', '60', '89']) {
      await both.same(['GEORADIUS', 'g', '13.361389', '38.115556', '100', 'km', 'COUNT', count, 'ASC']);
      await both.same(['GEORADIUS', 'g', '13.361389', '38.115556', '100', 'km', 'COUNT', count, 'DESC', 'WITHDIST']);
      await both.same(['GEOSEARCH', 'g', 'FROMLONLAT', '13.4', '38.2', 'BYBOX', '100', '100', 'km', 'COUNT', count]);
    }
    await both.same(['GEORADIUS', 'g', '13.361389', '38.115556', '100', 'km', 'ASC']);
    await both.same(['GEORADIUS', 'g', '13.361389', '38.115556', '100', 'km', 'DESC']);
  });
});

