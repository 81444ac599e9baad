import { EnvError, type Errno } from '../../core/errors.js';
import type { FileHandle, FileSystem, FsResult } from '../../env/filesystem.js';

/** A path under Redis's `dir` (the process's working directory; '.' means the directory itself). */
export function pathIn(directory: string, name: string): string {
  if (directory === '' || directory === '.' || directory === './') return name;
  return `${directory.replace(/\/+$/, '')}/${name}`;
}

/** The directory part of a path ('.' for a bare name). */
export function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? (slash === 0 ? '/' : '.') : path.slice(0, slash);
}

const errnoTexts: Readonly<Partial<Record<Errno, string>>> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  EIO: 'Input/output error',
  ENOSPC: 'No space left on device',
  EBADF: 'Bad file descriptor',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
};

/** strerror(errno) as glibc prints it, for log lines and MISCONF replies. */
export function strerror(error: EnvError): string {
  return errnoTexts[error.code] ?? error.code;
}

/** Writes all of `data` at the end of the handle (aofWrite / fwrite loop). */
export function appendAll(handle: FileHandle, data: Uint8Array): FsResult {
  const written = handle.append(data);
  if (written instanceof EnvError) return written;
  if (written !== data.length) return new EnvError('ENOSPC', `${handle.path}: short write`);
  return undefined;
}

/**
 * Creates (or truncates) `path` with `data`, fsyncs and closes it. The
 * directory entry is durable only after the caller fsyncs the directory.
 */
export function writeWholeFile(fs: FileSystem, path: string, data: Uint8Array): FsResult {
  const handle = fs.open(path, { create: true, truncate: true });
  if (handle instanceof EnvError) return handle;
  const result = appendAll(handle, data) ?? handle.fsync();
  handle.close();
  return result;
}

/**
 * mkdir unless the directory is there (dirCreateIfMissing), then fsync its
 * parent. Redis does not fsync the parent; on ext4 and xfs the journal makes
 * the new entry durable with the first fsync inside it, which the simulated
 * disk (strict POSIX: an entry is durable only once its directory is
 * fsynced) models by this explicit fsync. The documented deviation.
 */
export function ensureDirectory(fs: FileSystem, path: string): FsResult {
  if (path === '.' || path === '') return undefined;
  const stat = fs.stat(path);
  if (!(stat instanceof EnvError)) return stat.isDirectory ? undefined : new EnvError('ENOTDIR', path);
  const made = fs.mkdir(path);
  if (made instanceof EnvError) return made;
  return fs.fsyncDirectory(directoryOf(path));
}
