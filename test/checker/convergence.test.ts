import { describe, expect, it } from 'vitest';
import { checkConvergence } from '../../src/checker/convergence.js';

describe('convergence checker', () => {
  it('is valid when every node has the same digest', () => {
    const digests = [{ host: 'n1', role: 'master', digest: 'ab' }, { host: 'n2', role: 'replica', digest: 'ab' }];
    expect(checkConvergence(digests)).toEqual({ valid: true, nodes: 2, digest: 'ab' });
  });

  it('reports a liveness failure with the hosts grouped by digest otherwise', () => {
    const digests = [
      { host: 'n1', role: 'master', digest: 'ab' },
      { host: 'n2', role: 'replica', digest: 'cd' },
      { host: 'n3', role: 'replica', digest: 'ab' },
    ];
    expect(checkConvergence(digests)).toEqual({
      valid: false,
      liveness: true,
      nodes: 3,
      groups: [
        { digest: 'ab', hosts: ['n1', 'n3'], roles: ['master', 'replica'] },
        { digest: 'cd', hosts: ['n2'], roles: ['replica'] },
      ],
    });
  });

  it('cannot say anything without nodes', () => {
    expect(checkConvergence([]).valid).toBe('unknown');
  });
});
