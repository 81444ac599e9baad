import { accessSync, constants, openSync, closeSync, statSync } from 'node:fs';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EROFS: 'Read-only file system',
  EISDIR: 'Is a directory',
};

/** strerror-like text for a failed fs call. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && REASONS[code] !== undefined) return REASONS[code];
  return error instanceof Error ? error.message : String(error);
}

/**
 * The data directory must exist, be a directory and be writable: the RDB,
 * the AOF and their temporary files go there. Returns why not, or undefined.
 */
export function directoryProblem(path: string): string | undefined {
  try {
    if (!statSync(path).isDirectory()) return REASONS['ENOTDIR'];
    accessSync(path, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (error: unknown) {
    return describeFsError(error);
  }
}

/** Redis opens the log file for appending while reading the config: a bad path fails early. */
export function logFileProblem(path: string): string | undefined {
  try {
    closeSync(openSync(path, 'a'));
    return undefined;
  } catch (error: unknown) {
    return `Can't open the log file: ${describeFsError(error)}`;
  }
}
