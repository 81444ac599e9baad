import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerPair, type ServerPair } from '../hyperloglog/pair.js';

/** keyspace_hits / keyspace_misses after PF* and GEO commands equal redis-server 7.0.15's (which lookups count as reads). */
let pair: ServerPair;

beforeAll(async () => {
  pair = await startServerPair();
});

afterAll(async () => {
  await pair?.stop();
});

const statsOf = (reply: Buffer): string[] => reply.toString('latin1').split('\r\n').filter((line) => line.startsWith('keyspace_'));

describe('keyspace hit and miss statistics', () => {
  it('count the same lookups', async () => {
    await pair.reset();
    await pair.run(['CONFIG', 'RESETSTAT']);
    const commands = [
      ['PFADD', 'h', 'a'],
      ['PFCOUNT', 'h'],
      ['PFCOUNT', 'h', 'missing'],
      ['PFMERGE', 'd', 'h', 'missing'],
      ['PFDEBUG', 'ENCODING', 'h'],
      ['GEOADD', 'g', '13.361389', '38.115556', 'Palermo'],
      ['GEOPOS', 'g', 'Palermo'],
      ['GEOPOS', 'missing', 'Palermo'],
      ['GEODIST', 'g', 'Palermo', 'x'],
      ['GEOHASH', 'missing', 'x'],
      ['GEORADIUS', 'g', '15', '37', '200', 'km', 'STORE', 's'],
      ['GEOSEARCHSTORE', 's2', 'missing', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km'],
      ['GEORADIUSBYMEMBER', 'g', 'Palermo', '10', 'km'],
    ];
    for (const argv of commands) await pair.run(argv);
    const { real, ours } = await pair.run(['INFO', 'stats']);
    expect(statsOf(real).length).toBe(2);
    expect(statsOf(ours)).toEqual(statsOf(real));
  });
});
