import { describe, expect, it } from 'vitest';
import { session } from '../strings/session.js';

/** The propagated forms below are what redis-server 7.0.15 writes to its AOF for the same commands. */
describe('GEO commands propagate as Redis 7.0 does', () => {
  it('GEOADD becomes the ZADD of the geohash scores, only when something changed', () => {
    const { run, takePropagated } = session();
    run('GEOADD', 'g', '13.361389', '38.115556', 'Palermo');
    run('GEOADD', 'g', 'NX', 'CH', '13.361389', '38.115556', 'Palermo');
    run('GEOADD', 'g', 'CH', '15.087269', '37.502669', 'Catania', '13.361389', '38.115556', 'Palermo');
    expect(takePropagated()).toEqual(['0: zadd g 3479099956230698 Palermo', '0: zadd g CH 3479447370796909 Catania 3479099956230698 Palermo']);
  });

  it('GEORADIUS STORE and GEOSEARCHSTORE propagate as themselves, also when they delete the destination', () => {
    const { run, takePropagated } = session();
    run('GEOADD', 'g', '13.361389', '38.115556', 'Palermo');
    takePropagated();
    run('GEORADIUS', 'g', '15', '37', '200', 'km', 'STORE', 's');
    run('GEOSEARCHSTORE', 's2', 'g', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'STOREDIST');
    run('GEORADIUS', 'g', '0', '0', '1', 'km', 'STORE', 's');
    run('GEORADIUS', 'g', '0', '0', '1', 'km', 'STORE', 's');
    run('GEORADIUS_RO', 'g', '15', '37', '200', 'km');
    expect(takePropagated()).toEqual([
      '0: GEORADIUS g 15 37 200 km STORE s',
      '0: GEOSEARCHSTORE s2 g FROMLONLAT 15 37 BYRADIUS 200 km STOREDIST',
      '0: GEORADIUS g 0 0 1 km STORE s',
    ]);
  });
});
