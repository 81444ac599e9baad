import { describe, expect, it } from 'vitest';
import { session } from '../strings/session.js';

/** The propagated forms below are what redis-server 7.0.15 writes to its AOF for the same commands. */
describe('PF* commands propagate as Redis 7.0 does', () => {
  it('PFADD propagates when a register changed; PFCOUNT only when it refreshed the cached cardinality', () => {
    const { run, takePropagated } = session();
    run('PFADD', 'h', 'a', 'b');
    run('PFADD', 'h', 'a');
    run('PFCOUNT', 'h');
    run('PFCOUNT', 'h');
    run('PFADD', 'h2', 'x');
    run('PFCOUNT', 'h', 'h2');
    expect(takePropagated()).toEqual(['0: PFADD h a b', '0: PFCOUNT h', '0: PFADD h2 x']);
  });

  it('PFMERGE always propagates; PFDEBUG TODENSE and GETREG only when they converted', () => {
    const { run, takePropagated } = session();
    run('PFADD', 'h', 'a');
    run('PFMERGE', 'd', 'h', 'missing');
    run('PFDEBUG', 'TODENSE', 'd');
    run('PFDEBUG', 'TODENSE', 'd');
    run('PFDEBUG', 'GETREG', 'h');
    run('PFDEBUG', 'GETREG', 'h');
    expect(takePropagated()).toEqual(['0: PFADD h a', '0: PFMERGE d h missing', '0: PFDEBUG TODENSE d', '0: PFDEBUG GETREG h']);
  });

  it('a replayed propagation stream rebuilds the same HLL bytes', () => {
    const first = session();
    const replayed = session();
    first.run('PFADD', 'h', ...Array.from({ length: 400 }, (_, index) => `e${index}`));
    first.run('PFCOUNT', 'h');
    first.run('PFMERGE', 'd', 'h');
    for (const line of first.takePropagated()) replayed.run(...line.slice(3).split(' '));
    expect(replayed.run('GET', 'h')).toBe(first.run('GET', 'h'));
    expect(replayed.run('GET', 'd')).toBe(first.run('GET', 'd'));
  });
});
