import type { CommandSpec } from '../commands/command.js';
import { persistenceOf } from '../persistence/persistence.js';
import { diskErrorRefusal } from '../persistence/disk-error-guard.js';
import { installedReplication } from '../replication/replication.js';
import type { Client } from '../server/client.js';
import type { StoreNode } from '../server/node.js';
import type { ScriptFlags } from './script-flags.js';
import { mustObey } from './script-call.js';
import { oomError } from '../server/eviction.js';

const MASTER_DOWN = "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.";
/** A stand-in write command for asking the disk-error check. */
const WRITE_PROBE: CommandSpec = { name: 'set', arity: -3, flags: ['write'], categories: [], firstKey: 1, lastKey: 1, keyStep: 1, handler: () => undefined };

/** running_stale: a replica whose link is down and that must not serve stale data. */
function runningStale(node: StoreNode): boolean {
  if (!node.isReplica || node.config.flag('replica-serve-stale-data')) return false;
  return installedReplication(node)?.link?.state !== 'connected';
}

/** writeCommandsDeniedByDiskError, in the words scriptPrepareForRun uses for writable scripts. */
function diskErrorOf(node: StoreNode, caller: Client): string | undefined {
  const persistence = persistenceOf(node);
  if (persistence === undefined) return undefined;
  const refusal = diskErrorRefusal(persistence, caller, WRITE_PROBE);
  if (refusal === undefined) return undefined;
  if (refusal.startsWith('MISCONF Redis is configured to save RDB')) {
    return "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Writable scripts are blocked. Use 'no-writes' flag for read only scripts.";
  }
  const cause = refusal.slice(refusal.indexOf(': ') + 2);
  return `MISCONF Redis is configured to persist data to AOF, but it's currently unable to persist to disk. Writable scripts are blocked. Use 'no-writes' flag for read only scripts. AOF error: ${cause}`;
}

/** checkGoodReplicasStatus on a master. */
function tooFewReplicas(node: StoreNode): boolean {
  const wanted = node.config.integer('min-replicas-to-write');
  if (node.isReplica || wanted === 0 || node.config.integer('min-replicas-max-lag') === 0) return false;
  return (installedReplication(node)?.goodReplicas ?? 0) < wanted;
}

function writableScriptRefusal(node: StoreNode, caller: Client, readOnlyCommand: boolean): string | undefined {
  if (node.isReplica && node.config.flag('replica-read-only') && !mustObey(caller)) return 'READONLY Can not run script with write flag on readonly replica';
  const diskError = mustObey(caller) ? undefined : diskErrorOf(node, caller);
  if (diskError !== undefined) return diskError;
  if (readOnlyCommand) return 'ERR Can not execute a script with write flag using *_ro command.';
  if (tooFewReplicas(node)) return 'NOREPLICAS Not enough good replicas to write.';
  return undefined;
}

/**
 * scriptPrepareForRun's refusals (script.c): with a shebang, the declared
 * flags are checked against the node's state (cluster, stale replica,
 * writes on a read-only replica or after disk errors or through *_RO, too
 * few replicas, OOM); without one only a stale replica refuses.
 */
export function scriptRunRefusal(node: StoreNode, caller: Client, flags: ScriptFlags, readOnlyCommand: boolean, outOfMemory: boolean): string | undefined {
  if (flags.evalCompatible) return runningStale(node) ? MASTER_DOWN : undefined;
  if (flags.noCluster && node.config.flag('cluster-enabled')) return "ERR Can not run script on cluster, 'no-cluster' flag is set.";
  if (runningStale(node) && !flags.allowStale) {
    return "MASTERDOWN Link with MASTER is down, replica-serve-stale-data is set to 'no' and 'allow-stale' flag is not set on the script.";
  }
  if (!flags.noWrites) {
    const refusal = writableScriptRefusal(node, caller, readOnlyCommand);
    if (refusal !== undefined) return refusal;
  }
  if (outOfMemory && !flags.allowOom && !flags.noWrites) {
    return "OOM allow-oom flag is not set on the script, can not run it when used memory > 'maxmemory'";
  }
  return undefined;
}

/**
 * processCommand's refusals for FCALL/FCALL_RO once fcallGetCommandFlags
 * gave the command its function's flags (scriptFlagsToCmdFlags: deny-oom
 * unless allow-oom or no-writes, write unless no-writes, stale only with
 * allow-stale), in processCommand's order and words: OOM, MISCONF,
 * NOREPLICAS, READONLY, MASTERDOWN. The master link and the AOF obey.
 */
export function functionCommandRefusal(node: StoreNode, caller: Client, flags: ScriptFlags, outOfMemory: boolean): string | undefined {
  const obeys = mustObey(caller);
  const isWrite = !flags.noWrites;
  if (outOfMemory && !flags.allowOom && isWrite && !obeys) return oomError;
  const persistence = persistenceOf(node);
  const diskError = isWrite && persistence !== undefined ? diskErrorRefusal(persistence, caller, WRITE_PROBE) : undefined;
  if (diskError !== undefined) return diskError;
  if (isWrite && tooFewReplicas(node) && !obeys) return 'NOREPLICAS Not enough good replicas to write.';
  if (isWrite && node.isReplica && node.config.flag('replica-read-only') && !obeys) return "READONLY You can't write against a read only replica.";
  if (runningStale(node) && !flags.allowStale) return MASTER_DOWN;
  return undefined;
}
