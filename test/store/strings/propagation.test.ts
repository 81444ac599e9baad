import { describe, expect, it } from 'vitest';
import { session, startEpochMs } from './session.js';

/** The propagated forms below are what redis-server 7.0.15 writes to its AOF for the same commands. */
describe('string commands propagate as Redis 7.0 does', () => {
  it('SET with a relative or absolute expiry becomes SET key value PXAT ms', () => {
    const { run, takePropagated } = session();
    run('SET', 'k', 'v', 'EX', '10');
    run('SET', 'k', 'v', 'px', '1500', 'get');
    run('SET', 'k', 'v', 'EXAT', String(startEpochMs / 1000 + 5), 'XX');
    run('SETEX', 's', '10', 'v');
    run('PSETEX', 's', '250', 'v');
    expect(takePropagated()).toEqual([
      `0: SET k v PXAT ${startEpochMs + 10_000}`,
      `0: SET k v PXAT ${startEpochMs + 1500}`,
      `0: SET k v PXAT ${startEpochMs + 5000}`,
      `0: SET s v PXAT ${startEpochMs + 10_000}`,
      `0: SET s v PXAT ${startEpochMs + 250}`,
    ]);
  });

  it('SET ... GET drops every GET token; a SET that did not happen is not propagated', () => {
    const { run, takePropagated } = session();
    run('SET', 'k', 'v', 'GET', 'KEEPTTL', 'get');
    run('SET', 'k', 'w', 'NX');
    run('SETNX', 'k', 'w');
    run('MSETNX', 'k', '1', 'j', '2');
    expect(takePropagated()).toEqual(['0: SET k v KEEPTTL']);
  });

  it('GETSET becomes SET, INCRBYFLOAT becomes SET ... KEEPTTL, GETDEL becomes DEL', () => {
    const { run, takePropagated } = session();
    run('GETSET', 'g', 'b');
    run('INCRBYFLOAT', 'f', '1.5');
    run('INCRBYFLOAT', 'f', '0.1');
    run('GETDEL', 'f');
    run('GETDEL', 'f');
    run('INCR', 'i');
    run('APPEND', 'i', 'x');
    expect(takePropagated()).toEqual(['0: SET g b', '0: SET f 1.5 KEEPTTL', '0: SET f 1.6 KEEPTTL', '0: DEL f', '0: INCR i', '0: APPEND i x']);
  });

  it('GETEX becomes PEXPIREAT, PERSIST, or DEL for a time already past', () => {
    const { run, takePropagated } = session();
    run('SET', 'e', 'v');
    takePropagated();
    run('GETEX', 'e');
    run('GETEX', 'e', 'PERSIST');
    run('GETEX', 'e', 'EX', '100');
    run('GETEX', 'e', 'PERSIST');
    run('GETEX', 'e', 'EXAT', '1');
    expect(takePropagated()).toEqual([`0: PEXPIREAT e ${startEpochMs + 100_000}`, '0: PERSIST e', '0: DEL e']);
  });

  it('lazyfree settings turn those DELs into UNLINKs', () => {
    const { run, takePropagated } = session({ 'lazyfree-lazy-user-del': 'yes', 'lazyfree-lazy-expire': 'yes' });
    run('MSET', 'a', '1', 'b', '2');
    takePropagated();
    run('GETDEL', 'a');
    run('GETEX', 'b', 'PXAT', '1');
    expect(takePropagated()).toEqual(['0: UNLINK a', '0: UNLINK b']);
  });
});
