import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { realNotifications, storeNotifications } from '../../support/keyspace-notifications.js';
import { startRealRedis, type RealRedisServer } from '../../support/real-redis-server.js';

/** PF* and GEO commands on every notifying path: pfadd (also for PFMERGE), zadd (GEOADD), georadiusstore, geosearchstore, del, keymiss. */
const SCRIPT: readonly (readonly string[])[] = [
  ['PFADD', 'h', 'a', 'b'],
  ['PFADD', 'h', 'a'],
  ['PFCOUNT', 'h'],
  ['PFCOUNT', 'missing'],
  ['PFMERGE', 'd', 'h', 'missing'],
  ['PFDEBUG', 'TODENSE', 'd'],
  ['GEOADD', 'g', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania'],
  ['GEOADD', 'g', 'NX', '13.361389', '38.115556', 'Palermo'],
  ['GEORADIUS', 'g', '15', '37', '200', 'km', 'STORE', 's'],
  ['GEOSEARCHSTORE', 's2', 'g', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'STOREDIST'],
  ['GEORADIUS', 'g', '0', '0', '1', 'km', 'STORE', 's'],
  ['GEOSEARCHSTORE', 's2', 'missing', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km'],
  ['GEOPOS', 'missing', 'a'],
  ['GEODIST', 'missing', 'a', 'b'],
  ['GEOSEARCH', 'missing', 'FROMLONLAT', '15', '37', 'BYRADIUS', '1', 'km'],
];

describe('keyspace notifications of the PF* and GEO commands against redis-server 7.0.15', () => {
  let server: RealRedisServer;
  beforeAll(async () => {
    server = await startRealRedis();
  });
  afterAll(async () => {
    await server.stop();
  });

  for (const flags of ['KEA', 'KEAm', 'E$z', 'Kg']) {
    it(`publishes the same messages in the same order with notify-keyspace-events ${flags}`, async () => {
      const expected = await realNotifications(server, flags, SCRIPT);
      expect(expected.length).toBeGreaterThan(0);
      expect(storeNotifications(createStore(), flags, SCRIPT)).toEqual(expected);
    });
  }
});
