import { InputError } from '../../src/core/errors.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import { validateScenario } from '../../src/scenario/validate.js';

/** The file name validation errors name in these tests. */
const scenarioFile = 'scenarios/foo.ts';

/** The error message validating `value` (as if read from `file`) gives, or 'valid'. */
export function problemOf(value: unknown, file: string = scenarioFile): string {
  try {
    validateScenario(value, file);
    return 'valid';
  } catch (error: unknown) {
    if (!(error instanceof InputError)) throw error;
    return error.message;
  }
}

/** A deep copy of `base` with `change` applied (to break it on purpose). */
export function withChange(base: Scenario, change: (copy: Record<string, any>) => void): unknown {
  const copy = structuredClone(base) as Record<string, any>;
  change(copy);
  return copy;
}
