/**
 * Always-on assertions. A failed assertion is a bug in redsim (harness or
 * store), never an operating error: it crashes the run with the seed, and the
 * scenario runner maps it to exit code 4.
 */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
  constructor(readonly contract: string) {
    super(`invariant broken: ${contract}`);
  }
}

/** Asserts that `condition` holds; `contract` names the rule that broke. */
export function assert(condition: unknown, contract: string): asserts condition {
  if (!condition) throw new InvariantError(contract);
}

/** Exhaustiveness guard for `switch` over a closed union. */
export function assertNever(value: never, contract = 'unreachable case'): never {
  throw new InvariantError(`${contract}: ${String(value)}`);
}

export function assertDefined<T>(value: T | undefined | null, contract: string): T {
  if (value === undefined || value === null) throw new InvariantError(contract);
  return value;
}

export function isInvariantError(error: unknown): error is InvariantError {
  return error instanceof InvariantError;
}
