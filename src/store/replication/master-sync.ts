import { EnvError } from '../../core/errors.js';
import type { Client } from '../server/client.js';
import { encodeSnapshot } from './rdb-snapshot.js';
import type { ReplicaRecord } from './replica-registry.js';
import { randomReplicationId } from './replication-ids.js';
import type { Replication } from './replication.js';

/** RDB_EOF_MARK_SIZE */
const EOF_MARK_BYTES = 40;

/**
 * syncCommand / masterTryPartialResynchronization: continue from the
 * backlog when the replica's history is ours and still held, else queue a
 * full resynchronization.
 */
export function handleSyncRequest(repl: Replication, client: Client, request: { readonly replicationId: string; readonly offset: number; readonly legacy: boolean }): void {
  const node = repl.node;
  const handshake = repl.replicas.handshakeOf(client);
  if (!request.legacy && repl.history.canContinue(request.replicationId, request.offset)) {
    client.kind = 'replica';
    const record = newRecord(repl, client, 'online', false);
    record.streaming = true;
    repl.replicas.add(record);
    const backlog = repl.history.backlog;
    const header = handshake.capaPsync2 ? `+CONTINUE ${repl.history.replicationId}\r\n` : '+CONTINUE\r\n';
    client.reply.raw(header);
    if (backlog !== undefined) {
      const missed = backlog.bytesFrom(request.offset);
      client.reply.raw(missed);
      repl.partialSyncBytesSent += missed.length;
    }
    repl.stats.syncPartialOk++;
    node.env.log('notice', `Partial resynchronization request from ${replicaName(record)} accepted. Sending ${repl.history.offset + 1 - request.offset} bytes of backlog starting from offset ${request.offset}.`);
    repl.refreshGoodReplicas();
    return;
  }
  if (!request.legacy && request.replicationId !== '?') repl.stats.syncPartialErr++;
  client.kind = 'replica';
  const record = newRecord(repl, client, 'wait_bgsave', request.legacy);
  repl.replicas.add(record);
  repl.stats.syncFull++;
  if (repl.replicas.count() === 1 && repl.history.backlog === undefined) {
    // A new history starts with the first replica (changeReplicationId + clearReplicationId2).
    repl.history.replicationId = randomReplicationId(repl.rng);
    repl.history.replicationId2 = '0'.repeat(40);
    repl.history.secondOffset = -1;
    repl.history.ensureBacklog();
  }
  node.env.log('notice', `Replica ${replicaName(record)} asks for synchronization`);
  scheduleFullSync(repl);
}

function newRecord(repl: Replication, client: Client, state: ReplicaRecord['state'], legacy: boolean): ReplicaRecord {
  return {
    client,
    handshake: repl.replicas.handshakeOf(client),
    state,
    ackOffset: 0,
    ackTimeMs: repl.node.env.clock.nowMs(),
    streaming: false,
    streamStartOffset: undefined,
    legacySync: legacy,
  };
}

/** Disk-based syncs start at once; diskless ones wait repl-diskless-sync-delay for more replicas to join. */
function scheduleFullSync(repl: Replication): void {
  const node = repl.node;
  const diskless = node.config.flag('repl-diskless-sync');
  const delaySeconds = diskless ? node.config.integer('repl-diskless-sync-delay') : 0;
  if (delaySeconds === 0) {
    startFullSyncs(repl);
    return;
  }
  if (repl.fullSyncPending) return;
  repl.fullSyncPending = true;
  node.env.timers.after(delaySeconds * 1000, () => {
    repl.fullSyncPending = false;
    startFullSyncs(repl);
    node.scheduleBeforeSleep();
  });
}

/**
 * startBgsaveForReplication: one snapshot at the current offset for every
 * waiting replica. The sim takes it at once (the fork's copy-on-write
 * snapshot); disk-based syncs also write it to dbfilename, as BGSAVE does.
 */
export function startFullSyncs(repl: Replication): void {
  const waiting = repl.replicas.all().filter((record) => record.state === 'wait_bgsave');
  if (waiting.length === 0) return;
  const node = repl.node;
  const diskless = node.config.flag('repl-diskless-sync');
  // A master SELECTs again after a snapshot; a replica passes its master's stream on unchanged, so it names the db that stream is in.
  const streamDb = repl.isReplica ? (repl.link?.masterClient?.dbIndex ?? 0) : 0;
  if (!repl.isReplica) repl.history.streamDb = -1;
  const position = { replicationId: repl.history.replicationId, offset: repl.history.offset, streamDb };
  const rdb = encodeSnapshot(node, position);
  if (!diskless) writeSnapshotFile(repl, rdb);
  repl.fullSyncBytesSent += rdb.length * waiting.length;
  for (const record of waiting) sendSnapshot(repl, record, rdb, diskless, position.offset);
}

function sendSnapshot(repl: Replication, record: ReplicaRecord, rdb: Buffer, diskless: boolean, offset: number): void {
  const client = record.client;
  if (!record.legacySync) client.reply.raw(`+FULLRESYNC ${repl.history.replicationId} ${offset}\r\n`);
  if (diskless && record.handshake.capaEof && !record.legacySync) {
    const mark = randomEofMark(repl);
    client.reply.raw(`$EOF:${mark}\r\n`);
    client.reply.raw(rdb);
    client.reply.raw(mark);
    record.state = 'online';
    record.streamStartOffset = offset + 1;
  } else {
    client.reply.raw(`$${rdb.length}\r\n`);
    client.reply.raw(rdb);
    record.state = 'online';
    record.streaming = true;
  }
  record.ackTimeMs = repl.node.env.clock.nowMs();
  repl.node.env.log('notice', `Synchronization with replica ${replicaName(record)} succeeded`);
}

function randomEofMark(repl: Replication): string {
  return randomReplicationId(repl.rng).slice(0, EOF_MARK_BYTES);
}

/** rdbSaveBackground for a disk-based sync: temp file, fsync, rename over dbfilename. */
function writeSnapshotFile(repl: Replication, rdb: Buffer): void {
  const node = repl.node;
  const fs = node.env.fs;
  const target = dataPath(node.config.get('dir'), node.config.get('dbfilename'));
  const temp = dataPath(node.config.get('dir'), `temp-${node.env.pid}.rdb`);
  const handle = fs.open(temp, { create: true, truncate: true });
  if (handle instanceof EnvError) {
    node.env.log('warning', `Failed opening the temp RDB file ${temp} (in server root dir ${node.config.get('dir')}) for saving: ${handle.message}`);
    return;
  }
  const written = handle.append(rdb);
  const synced = written instanceof EnvError ? written : handle.fsync();
  handle.close();
  if (synced instanceof EnvError) {
    node.env.log('warning', `Write error saving DB on disk: ${synced.message}`);
    return;
  }
  fs.rename(temp, target);
}

/** A data file's path under `dir` (the process's working directory when `dir` is `.`). */
export function dataPath(dir: string, file: string): string {
  return dir === '.' || dir === '' ? file : `${dir.replace(/\/+$/, '')}/${file}`;
}

/** replicationGetSlaveName: ip:listening-port. */
export function replicaName(record: ReplicaRecord): string {
  return `${replicaAddress(record)}:${record.handshake.listeningPort}`;
}

/** The replica's address: the announced ip, else the host part of the connection's remote address. */
export function replicaAddress(record: ReplicaRecord): string {
  if (record.handshake.announcedIp !== undefined) return record.handshake.announcedIp;
  const remote = record.client.transport.remoteAddress;
  const colon = remote.lastIndexOf(':');
  return colon === -1 ? remote : remote.slice(0, colon);
}
