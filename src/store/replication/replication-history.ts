import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';
import { encodeRequest } from '../protocol/request-encoder.js';
import { ReplicationBacklog } from './backlog.js';
import { EMPTY_REPLICATION_ID, randomReplicationId } from './replication-ids.js';

/**
 * A node's place in replication history (PSYNC2): its replication id and
 * offset, the previous id it may still serve (replid2 up to
 * second_repl_offset), the backlog, and the db the stream last SELECTed.
 */
export class ReplicationHistory {
  replicationId: string;
  replicationId2 = EMPTY_REPLICATION_ID;
  /** The first offset not served under replicationId2 (second_replid_offset); -1 when none. */
  secondOffset = -1;
  /** master_repl_offset */
  offset = 0;
  backlog: ReplicationBacklog | undefined;
  /** server.slaveseldb: the db of the last SELECT in the stream; -1 forces a SELECT. */
  streamDb = -1;

  constructor(
    private readonly rng: Prng,
    private readonly backlogSizeBytes: () => number,
  ) {
    this.replicationId = randomReplicationId(rng);
  }

  /** createReplicationBacklog: from now on the stream is kept, starting after the current offset. */
  ensureBacklog(): ReplicationBacklog {
    if (this.backlog === undefined) this.backlog = new ReplicationBacklog(this.backlogSizeBytes(), this.offset);
    return this.backlog;
  }

  freeBacklog(): void {
    this.backlog = undefined;
  }

  /** Appends stream bytes: the offset always counts them; the backlog keeps them when it exists. */
  append(data: Uint8Array): void {
    this.offset += data.length;
    if (this.backlog !== undefined) {
      this.backlog.append(data);
      assert(this.backlog.masterOffset === this.offset, 'the backlog ends at master_repl_offset');
    }
  }

  /**
   * The bytes replicationFeedSlaves adds for one command: a SELECT when the
   * db changed (dbId undefined: no SELECT, as for PING and REPLCONF GETACK),
   * then the command, RESP-encoded.
   */
  encodeCommand(dbId: number | undefined, argv: readonly (Buffer | string)[]): Buffer {
    const parts: Buffer[] = [];
    if (dbId !== undefined && dbId !== this.streamDb) {
      parts.push(encodeRequest(['SELECT', String(dbId)]));
      this.streamDb = dbId;
    }
    parts.push(encodeRequest(argv));
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  }

  /** shiftReplicationId: a promoted replica keeps serving its old history as replid2. */
  shiftReplicationId(): void {
    this.replicationId2 = this.replicationId;
    this.secondOffset = this.offset + 1;
    this.replicationId = randomReplicationId(this.rng);
  }

  /** A replica adopts its master's history after a full sync (replid, offset, fresh backlog). */
  adoptMasterHistory(replicationId: string, offset: number): void {
    this.replicationId = replicationId;
    this.replicationId2 = EMPTY_REPLICATION_ID;
    this.secondOffset = -1;
    this.offset = offset;
    this.backlog = undefined;
    this.ensureBacklog();
  }

  /** +CONTINUE <newid>: the master's id changed; our old one becomes replid2. */
  switchToMasterId(replicationId: string): void {
    if (replicationId === this.replicationId) return;
    this.replicationId2 = this.replicationId;
    this.secondOffset = this.offset + 1;
    this.replicationId = replicationId;
  }

  /** masterTryPartialResynchronization's test: can a replica with this id continue from `offset`? */
  canContinue(replicationId: string, offset: number): boolean {
    const sameHistory = replicationId === this.replicationId || (replicationId === this.replicationId2 && offset <= this.secondOffset);
    if (!sameHistory) return false;
    return this.backlog !== undefined && this.backlog.holds(offset);
  }
}
