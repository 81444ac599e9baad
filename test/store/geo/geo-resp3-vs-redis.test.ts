import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerPair, type ServerPair } from '../hyperloglog/pair.js';

/** After HELLO 3 the GEO and PF* replies are byte for byte those of redis-server 7.0.15 (coordinates as `,` doubles, distances as bulk strings). */
let pair: ServerPair;

beforeAll(async () => {
  pair = await startServerPair();
});

afterAll(async () => {
  await pair?.stop();
});

describe('RESP3 replies of the GEO and PF* commands', () => {
  it('are identical to the real server', async () => {
    await pair.reset();
    await pair.run(['HELLO', '3']);
    const commands = [
      ['GEOADD', 'g', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania'],
      ['GEOPOS', 'g', 'Palermo', 'missing'],
      ['GEOHASH', 'g', 'Palermo', 'missing'],
      ['GEODIST', 'g', 'Palermo', 'Catania'],
      ['GEODIST', 'g', 'Palermo', 'missing'],
      ['GEORADIUS', 'g', '15', '37', '200', 'km', 'WITHDIST', 'WITHCOORD', 'WITHHASH', 'ASC'],
      ['GEOSEARCH', 'nokey', 'FROMLONLAT', '15', '37', 'BYRADIUS', '1', 'km'],
      ['GEORADIUS', 'nokey', '15', '37', '200', 'km'],
      ['PFADD', 'h', 'a'],
      ['PFCOUNT', 'h'],
      ['PFDEBUG', 'ENCODING', 'h'],
    ];
    const mismatches: string[] = [];
    for (const argv of commands) {
      const { real, ours } = await pair.run(argv);
      if (!real.equals(ours)) mismatches.push(`${argv.join(' ')}: real ${JSON.stringify(real.toString('latin1'))} ours ${JSON.stringify(ours.toString('latin1'))}`);
    }
    await pair.run(['HELLO', '2']);
    expect(mismatches).toEqual([]);
  });
});
