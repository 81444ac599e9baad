/**
 * Operating errors: bad input or an injected fault. They are values, never
 * crashes. `UsageError` maps to exit code 64.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A file (scenario, history, RDB, AOF) that cannot be read; names the file and where. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly file: string,
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${file}: ${where}: ${problem}`);
  }
}

/** POSIX-like error codes the env layers return. */
export type Errno = 'ENOENT' | 'EEXIST' | 'EIO' | 'ENOSPC' | 'EBADF' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'ECONNREFUSED' | 'ECONNRESET' | 'ETIMEDOUT' | 'EADDRINUSE';

export class EnvError extends Error {
  override readonly name = 'EnvError';
  constructor(
    readonly code: Errno,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** The process exit codes of the CLI contract (README, DESIGN.md). */
export const exitCodes = {
  valid: 0,
  invalid: 1,
  unknown: 2,
  liveness: 3,
  crash: 4,
  usage: 64,
} as const;
export type ExitCodeName = keyof typeof exitCodes;
