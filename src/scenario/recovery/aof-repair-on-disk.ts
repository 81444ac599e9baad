import { EnvError } from '../../core/errors.js';
import { Prng } from '../../core/prng.js';
import type { SimDisk } from '../../sim/disk/sim-disk.js';
import { type AofFixPlan, checkAofFileBytes, planAofFix } from '../../store/persistence/aof/check-aof.js';
import { MANIFEST_SUFFIX } from '../../store/persistence/aof/manifest.js';
import { pathIn } from '../../store/persistence/files.js';
import { loadRdb } from '../../store/persistence/rdb/rdb-loader.js';
import type { StoreConfig } from '../../store/server/config.js';

/** Lines of the tool's output kept per repair. */
const OUTPUT_LINES_KEPT_MAX = 24;

export interface DiskRepairResult {
  readonly plan: AofFixPlan;
  readonly command: string;
  /** The truncation failed on the disk (e.g. the file vanished); null when none was needed or it worked. */
  readonly applyError: string | null;
}

function rdbEndOffset(data: Uint8Array, config: StoreConfig): number | undefined {
  const loaded = loadRdb(data, { file: 'base', databaseCount: config.integer('databases'), encodingConfig: config.encoding, rng: Prng.root(0), skipExpiredBeforeMs: undefined });
  return loaded instanceof Error ? undefined : loaded.endOffset;
}

function readOrUndefined(disk: SimDisk, path: string): Uint8Array | undefined {
  const data = disk.readFile(path);
  return data instanceof EnvError ? undefined : data;
}

/**
 * `redis-check-aof --fix <dir>/<appenddirname>/<appendfilename>.manifest`
 * run by an operator on the host's disk while the node is down: reads what
 * the OS shows (the page cache), cuts the last file as the tool would, and
 * like the tool does not fsync (a later power loss may undo the cut).
 */
export function repairAofOnDisk(disk: SimDisk, config: StoreConfig, planted = false): DiskRepairResult {
  const directory = pathIn(config.get('dir'), config.get('appenddirname'));
  const manifestName = `${config.get('appendfilename')}${MANIFEST_SUFFIX}`;
  const command = `redis-check-aof --fix ${directory}/${manifestName}`;
  const manifest = readOrUndefined(disk, pathIn(directory, manifestName));
  if (manifest === undefined) return { plan: { kind: 'failed', reason: `Cannot open file ${directory}/${manifestName}`, output: [] }, command, applyError: null };
  const plan = planAofFix({
    directory,
    manifestText: Buffer.from(manifest).toString('latin1'),
    readFile: (name) => readOrUndefined(disk, pathIn(directory, name)),
    rdbEndOffset: (data) => rdbEndOffset(data, config),
  });
  const bounded = { ...plan, output: plan.output.slice(0, OUTPUT_LINES_KEPT_MAX) };
  if (plan.kind !== 'truncate') return { plan: bounded, command, applyError: null };
  const file = disk.open(pathIn(directory, plan.file), { create: false, truncate: false });
  if (file instanceof EnvError) return { plan: bounded, command, applyError: file.message };
  if (planted) return plantedHalfMultiCut(disk, file, { ...plan, output: bounded.output }, command);
  const truncated = disk.truncateFile(file, plan.toBytes);
  return { plan: bounded, command, applyError: truncated instanceof EnvError ? truncated.message : null };
}

const EXEC_COMMAND = Buffer.from('*1\r\n$4\r\nEXEC\r\n', 'latin1');

/**
 * The planted bug `planted-keep-half-multi`: a careless repair that cuts
 * at the last whole command even inside a MULTI and closes the MULTI with an
 * EXEC, so the node loads half a transaction. The durability checker must
 * call such a run invalid (half-transaction).
 */
function plantedHalfMultiCut(disk: SimDisk, file: Exclude<ReturnType<SimDisk['open']>, EnvError>, plan: Extract<AofFixPlan, { kind: 'truncate' }>, command: string): DiskRepairResult {
  const { check } = checkAofFileBytes(file.cache.view(), 0, { fileName: plan.file, filePath: plan.file });
  const cut = check.wholeCommandsUpTo;
  const truncated = disk.truncateFile(file, cut);
  if (truncated instanceof EnvError) return { plan, command, applyError: truncated.message };
  const written = check.multiOpenAtWholeCommands ? disk.writeAt(file, cut, EXEC_COMMAND) : 0;
  const toBytes = cut + (check.multiOpenAtWholeCommands ? EXEC_COMMAND.length : 0);
  return { plan: { ...plan, toBytes, output: [...plan.output, `planted: kept ${cut} bytes${check.multiOpenAtWholeCommands ? ' and closed the open MULTI with EXEC' : ''}`] }, command, applyError: written instanceof EnvError ? written.message : null };
}
