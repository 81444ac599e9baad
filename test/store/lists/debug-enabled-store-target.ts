import { storeTarget } from '../differential/store-target.js';
import type { DifferentialTarget } from '../differential/target.js';

/**
 * The differential harness's store target with DEBUG enabled, as the
 * reference server has it: the final read-back compares DEBUG DIGEST-VALUE.
 */
export function debugEnabledStoreTarget(label: string): DifferentialTarget {
  const inner = storeTarget(label);
  return {
    label,
    begin: (config, clockMs) => inner.begin({ ...config, 'enable-debug-command': 'yes' }, clockMs),
    run: (commands) => inner.run(commands),
    close: () => inner.close(),
  };
}
