import { EnvError, InputError } from '../../../core/errors.js';
import type { ClientTransport } from '../../server/client.js';
import { replaceDataset } from '../dataset.js';
import { ensureDirectory, pathIn, strerror } from '../files.js';
import type { Persistence } from '../persistence.js';
import { loadRdb } from '../rdb/rdb-loader.js';
import { parseAofCommands, type ParsedCommand } from './aof-parser.js';
import { emptyManifest, MANIFEST_SUFFIX, parseManifest, type AofFileInfo, type AofManifest } from './manifest.js';

/** What loading one file or all of them came to (AOF_OK, AOF_TRUNCATED, ...). */
export type AofLoadStatus = 'ok' | 'truncated' | 'empty' | 'not-exist' | 'failed';

const silentTransport: ClientTransport = { localAddress: 'aof:0', remoteAddress: 'aof:0', write: () => undefined, close: () => undefined, pendingBytes: () => 0 };

/** aofLoadManifestFromDisk: no directory or no manifest is an empty manifest; a bad one is fatal. */
export function readManifestFromDisk(persistence: Persistence): AofManifest | undefined {
  const aof = persistence.aof;
  const fs = persistence.node.env.fs;
  const name = `${aof.baseName()}${MANIFEST_SUFFIX}`;
  const data = fs.readFile(aof.filePath(name));
  if (data instanceof EnvError) {
    if (data.code === 'ENOENT') return emptyManifest;
    persistence.fatal(`Fatal error: can't open the AOF manifest file ${name} for reading: ${strerror(data)}`);
    return undefined;
  }
  const parsed = parseManifest(Buffer.from(data).toString('latin1'));
  if ('error' in parsed) {
    persistence.fatal(`*** FATAL AOF MANIFEST FILE ERROR *** Reading the manifest file, at line ${parsed.line}: ${parsed.error}`);
    return undefined;
  }
  return parsed;
}

/** aofUpgradePrepare: an old single-file AOF in `dir` moves into the AOF directory as the base. */
function upgradeOldStyleAof(persistence: Persistence, manifest: AofManifest): AofManifest | undefined {
  const aof = persistence.aof;
  const fs = persistence.node.env.fs;
  const oldPath = pathIn(persistence.node.config.get('dir'), aof.baseName());
  if (!fs.exists(oldPath)) return manifest;
  const onlyOldBase = manifest.base?.name === aof.baseName() && manifest.incr.length === 0 && !fs.exists(aof.filePath(aof.baseName()));
  if (!(manifest.base === undefined && manifest.incr.length === 0) && !onlyOldBase) return manifest;
  if (ensureDirectory(fs, aof.directory()) instanceof EnvError) return void persistence.fatal(`Can't open or create append-only dir ${aof.directory()}`);
  const upgraded: AofManifest = { ...manifest, base: { name: aof.baseName(), seq: 1, type: 'b' }, currentBaseSeq: 1 };
  if (aof.persistManifest(upgraded) instanceof EnvError) return void persistence.fatal('Can\'t persist the AOF manifest while upgrading');
  if (fs.rename(oldPath, aof.filePath(aof.baseName())) instanceof EnvError) return void persistence.fatal(`Error trying to move the old AOF file ${aof.baseName()} into dir ${aof.directory()}`);
  aof.log('notice', `Successfully migrated an old-style AOF file (${aof.baseName()}) into the AOF directory (${aof.directory()}).`);
  return upgraded;
}

function executeCommands(persistence: Persistence, name: string, commands: readonly ParsedCommand[]): AofLoadStatus {
  const node = persistence.node;
  const loader = node.createClient(silentTransport, { kind: 'loader' });
  for (const { argv } of commands) {
    const commandName = (argv[0] as Buffer).toString('latin1').toLowerCase();
    if (!node.commandTable.has(commandName)) {
      node.env.log('warning', `Unknown command '${(argv[0] as Buffer).toString('latin1')}' reading the append only file ${name}`);
      return 'failed';
    }
    node.executeCommand(loader, argv);
  }
  node.env.countSteps?.('persistence:aof-load-commands', commands.length);
  return 'ok';
}

/** Loads an RDB preamble (base file) into the node; the offset where commands may follow, or failure. */
function loadPreamble(persistence: Persistence, name: string, data: Uint8Array): number | undefined {
  const node = persistence.node;
  const loaded = loadRdb(data, { file: name, databaseCount: node.databaseCount(), encodingConfig: node.config.encoding, rng: node.rng, skipExpiredBeforeMs: undefined });
  if (loaded instanceof InputError) {
    node.env.log('warning', `Error reading the RDB base file ${name}, AOF loading aborted: ${loaded.message}`);
    return undefined;
  }
  replaceDataset(node, loaded.databases);
  return loaded.endOffset;
}

function truncateFile(persistence: Persistence, path: string, size: number): boolean {
  const handle = persistence.node.env.fs.open(path, { create: false, truncate: false });
  if (handle instanceof EnvError) return false;
  const result = handle.truncate(size);
  handle.close();
  return !(result instanceof EnvError);
}

/**
 * The fmterr and uxeof lines of loadSingleAppendOnlyFile, word for word (an
 * operator greps for them); where and why goes to a verbose line first.
 */
function logLoadFailure(persistence: Persistence, name: string, parsed: { readonly reason: string; readonly offset: number; readonly formatError: boolean }): void {
  const aof = persistence.aof;
  aof.log('verbose', `${parsed.reason} (file ${name}, offset ${parsed.offset})`);
  if (parsed.formatError) {
    aof.log('warning', `Bad file format reading the append only file ${name}: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>`);
    return;
  }
  if (parsed.reason.startsWith('Revert')) aof.log('warning', `Revert incomplete MULTI/EXEC transaction in AOF file ${name}`);
  aof.log(
    'warning',
    `Unexpected end of file reading the append only file ${name}. You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.`,
  );
}

/** loadSingleAppendOnlyFile */
export function loadSingleFile(persistence: Persistence, info: AofFileInfo): AofLoadStatus {
  const aof = persistence.aof;
  const path = aof.filePath(info.name);
  const data = persistence.node.env.fs.readFile(path);
  if (data instanceof EnvError) {
    aof.log('warning', `The append log file ${info.name} doesn't exist: ${strerror(data)}`);
    return data.code === 'ENOENT' ? 'not-exist' : 'failed';
  }
  if (data.length === 0) return 'empty';
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.length);
  const isRdb = buffer.subarray(0, 5).toString('latin1') === 'REDIS';
  const start = isRdb ? loadPreamble(persistence, info.name, buffer) : 0;
  if (start === undefined) return 'failed';
  const parsed = parseAofCommands(buffer, start, persistence.node.config.flag('aof-load-truncated'));
  if (parsed.status === 'failed') {
    logLoadFailure(persistence, info.name, parsed);
    return 'failed';
  }
  if (executeCommands(persistence, info.name, parsed.commands) === 'failed') return 'failed';
  if (parsed.status === 'ok') return 'ok';
  aof.log('warning', `!!! Warning: short read while loading the AOF file ${info.name}!!! (${parsed.reason})`);
  aof.log('warning', `!!! Truncating the AOF ${info.name} at offset ${parsed.validUpTo} !!!`);
  if (!truncateFile(persistence, path, parsed.validUpTo)) return 'failed';
  aof.log('warning', `AOF ${info.name} loaded anyway because aof-load-truncated is enabled`);
  return 'truncated';
}

function fileSizes(persistence: Persistence, files: readonly AofFileInfo[]): number | undefined {
  let total = 0;
  for (const info of files) {
    const stat = persistence.node.env.fs.stat(persistence.aof.filePath(info.name));
    if (stat instanceof EnvError) return undefined;
    total += stat.size;
  }
  return total;
}

/**
 * loadAppendOnlyFiles: the base, then every incr file in order. A truncated
 * file other than the last, a missing file, a format error or an unknown
 * command fail the load.
 */
export function loadAppendOnlyFiles(persistence: Persistence): AofLoadStatus {
  const read = readManifestFromDisk(persistence);
  const manifest = read === undefined ? undefined : upgradeOldStyleAof(persistence, read);
  if (manifest === undefined) return 'failed';
  persistence.aof.manifest = manifest;
  const files = [...(manifest.base === undefined ? [] : [manifest.base]), ...manifest.incr];
  if (files.length === 0) return 'not-exist';
  const total = fileSizes(persistence, files);
  if (total === undefined) return 'failed';
  if (total === 0) return 'empty';
  let status: AofLoadStatus = 'ok';
  for (const [index, info] of files.entries()) {
    status = loadSingleFile(persistence, info);
    if (status === 'empty' || status === 'not-exist') status = status === 'not-exist' ? 'failed' : 'ok';
    if (status === 'truncated' && index !== files.length - 1) {
      persistence.aof.log('warning', 'Fatal error: the truncated file is not the last file');
      status = 'failed';
    }
    if (status === 'failed') return status;
  }
  persistence.aof.currentSize = total;
  const baseSize = manifest.base === undefined ? 0 : (fileSizes(persistence, [manifest.base]) ?? 0);
  persistence.aof.rewriteBaseSize = baseSize;
  return status;
}
