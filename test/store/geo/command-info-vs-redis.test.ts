import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerPair, type ServerPair } from '../hyperloglog/pair.js';

/** COMMAND INFO / GETKEYS of the HLL and GEO commands answer like redis-server 7.0.15 (flags, ACL categories, key specs). */
let pair: ServerPair;

beforeAll(async () => {
  pair = await startServerPair();
});

afterAll(async () => {
  await pair?.stop();
});

const names = ['pfadd', 'pfcount', 'pfmerge', 'pfdebug', 'pfselftest', 'geoadd', 'geodist', 'geohash', 'geopos', 'georadius', 'georadius_ro', 'georadiusbymember', 'georadiusbymember_ro', 'geosearch', 'geosearchstore'];

describe('command metadata of the PF* and GEO commands', () => {
  it.each(names)('COMMAND INFO %s', async (name) => {
    const { real, ours } = await pair.run(['COMMAND', 'INFO', name]);
    expect(ours.toString('latin1')).toBe(real.toString('latin1'));
  });

  it.each(names)('COMMAND DOCS %s', async (name) => {
    const { real, ours } = await pair.run(['COMMAND', 'DOCS', name]);
    expect(ours.toString('latin1')).toBe(real.toString('latin1'));
  });

  it.each([
    ['GEORADIUS', 'g', '1', '2', '3', 'km', 'STORE', 'dst'],
    ['GEORADIUS', 'g', '1', '2', '3', 'km', 'STORE', 'a', 'STOREDIST', 'b'],
    ['GEORADIUSBYMEMBER', 'g', 'm', '3', 'km', 'STOREDIST', 'dst'],
    ['GEORADIUS', 'g', '1', '2', '3', 'km'],
    ['GEOSEARCHSTORE', 'dst', 'src', 'FROMMEMBER', 'm', 'BYRADIUS', '1', 'km'],
    ['PFMERGE', 'd', 'a', 'b'],
    ['PFDEBUG', 'GETREG', 'h'],
  ])('COMMAND GETKEYS %s ...', async (...argv) => {
    const { real, ours } = await pair.run(['COMMAND', 'GETKEYS', ...argv]);
    expect(ours.toString('latin1')).toBe(real.toString('latin1'));
  });
});
