import { EnvError, type Errno } from '../../core/errors.js';

const knownErrnos: ReadonlySet<string> = new Set<Errno>([
  'ENOENT', 'EEXIST', 'EIO', 'ENOSPC', 'EBADF', 'ENOTDIR', 'EISDIR', 'ENOTEMPTY', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EADDRINUSE',
]);

/** A Node system error as an EnvError; codes outside the env's list become EIO (with the real code in the detail). */
export function toEnvError(error: unknown, detail: string): EnvError {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && knownErrnos.has(code)) return new EnvError(code as Errno, detail);
  const message = error instanceof Error ? error.message : String(error);
  return new EnvError('EIO', `${detail}: ${message}`);
}
