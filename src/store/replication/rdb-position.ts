import type { RdbReplicationInfo } from '../persistence/rdb/rdb-writer.js';
import type { StoreNode } from '../server/node.js';
import { REPLICATION_ID_LENGTH } from './replication-ids.js';
import { installedReplication, replicationOf } from './replication.js';

/**
 * rdbPopulateSaveInfo: where an RDB saved now sits in the replication
 * stream (repl-id, repl-offset, repl-stream-db aux fields), or undefined when
 * the node never replicated. The persistence layer passes it to writeRdb.
 */
export function replicationSaveInfo(node: StoreNode): RdbReplicationInfo | undefined {
  const repl = installedReplication(node);
  if (repl === undefined || (repl.history.backlog === undefined && !repl.isReplica)) return undefined;
  const streamDb = repl.isReplica ? (repl.link?.masterClient?.dbIndex ?? repl.link?.streamDb ?? 0) : Math.max(0, repl.history.streamDb);
  return { replicationId: repl.history.replicationId, offset: repl.history.offset, streamDb };
}

/**
 * loadDataFromDisk's replication part: an RDB with repl-id/repl-offset lets
 * a restarted replica PSYNC from where its data stands (a cached master made
 * from itself), and a restarted master keep its history so its replicas can
 * continue. Call it right after the dataset was loaded from the file.
 * Returns false when the aux fields are missing or malformed.
 */
export function restoreReplicationPosition(node: StoreNode, aux: ReadonlyMap<string, Buffer>): boolean {
  const replicationId = aux.get('repl-id')?.toString('latin1');
  const offset = Number(aux.get('repl-offset')?.toString('latin1'));
  const streamDb = Number(aux.get('repl-stream-db')?.toString('latin1') ?? '0');
  if (replicationId === undefined || replicationId.length !== REPLICATION_ID_LENGTH || !Number.isSafeInteger(offset) || offset < 0) return false;
  if (!Number.isInteger(streamDb) || streamDb < 0 || streamDb >= node.databaseCount()) return false;
  const repl = replicationOf(node);
  repl.history.freeBacklog();
  if (repl.link !== undefined) {
    repl.history.replicationId = replicationId;
    repl.history.offset = offset;
    repl.hasCachedMaster = true;
    repl.link.streamDb = streamDb;
  } else {
    // A master keeps the saved history as its secondary id, so its replicas can continue.
    repl.history.replicationId2 = replicationId;
    repl.history.secondOffset = offset + 1;
    repl.history.offset += offset;
  }
  repl.history.ensureBacklog();
  return true;
}
