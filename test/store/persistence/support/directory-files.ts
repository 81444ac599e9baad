import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Every regular file under `root`, with paths relative to it (what a real redis-server left in its dir). */
export function readDirectoryFiles(root: string, skip: (path: string) => boolean = () => false): { path: string; bytes: Uint8Array }[] {
  const files: { path: string; bytes: Uint8Array }[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const directory = pending.pop() as string;
    for (const name of readdirSync(directory)) {
      const full = join(directory, name);
      const path = relative(root, full);
      if (skip(path)) continue;
      if (statSync(full).isDirectory()) pending.push(full);
      else files.push({ path, bytes: readFileSync(full) });
    }
  }
  return files;
}

export function writeDirectoryFiles(root: string, files: readonly { readonly path: string; readonly bytes: Uint8Array }[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.bytes);
  }
}
