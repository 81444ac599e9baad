import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import { durableFilesOf, type DurableFile } from './durable-files.js';

/**
 * Writes a host's durable files under `directory` (`--export-disk DIR`
 * writes each host to `DIR/<host>/`), so redis-check-rdb, redis-check-aof or
 * a real redis-server can open them. Paths never leave `directory`.
 */
export function writeExportedDisk(directory: string, files: readonly DurableFile[]): void {
  const root = resolve(directory);
  mkdirSync(root, { recursive: true });
  for (const file of files) {
    const target = resolve(join(root, file.path));
    if (!target.startsWith(root + sep)) throw new UsageError(`exported path ${file.path} leaves ${directory}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
  }
}

/** `--export-disk DIR`: each host's durable image to `DIR/<host>/`. */
export function exportDurableDisks(directory: string, hosts: readonly { readonly name: string; readonly disk: Parameters<typeof durableFilesOf>[0] }[]): void {
  for (const host of hosts) writeExportedDisk(join(directory, host.name), durableFilesOf(host.disk));
}
