import { EnvError, InputError } from '../../core/errors.js';
import type { Connection } from '../../env/network.js';
import { encodeRequest } from '../protocol/request-encoder.js';
import { fullSyncAofHooks } from '../persistence/replication-hooks.js';
import type { Client } from '../server/client.js';
import { freeClient } from '../server/event-loop.js';
import { LinkInput } from './link-input.js';
import { dataPath } from './master-sync.js';
import { MasterStream } from './master-stream.js';
import { loadSnapshot } from './rdb-snapshot.js';
import type { Replication } from './replication.js';
import { SyncPayloadReader } from './sync-payload.js';

/** server.repl_state on a replica (the handshake steps folded into their reply waits). */
export type LinkState = 'connect' | 'connecting' | 'receive-pong' | 'receive-port' | 'receive-capa' | 'receive-psync' | 'transfer' | 'connected';

/** The state word ROLE prints for a replica. */
export function roleStateOf(state: LinkState): string {
  switch (state) {
    case 'connect':
    case 'connecting':
    case 'connected':
      return state;
    case 'transfer':
      return 'sync';
    case 'receive-pong':
    case 'receive-port':
    case 'receive-capa':
    case 'receive-psync':
      return 'handshake';
  }
}

/**
 * A replica's link to its master (replication.c connectWithMaster,
 * syncWithMaster, readSyncBulkPayload): connect, PING, REPLCONF
 * listening-port and capa, PSYNC with our history, then either load the
 * full RDB or continue from our offset, and apply the stream from then on.
 */
export class MasterLink {
  state: LinkState = 'connect';
  /** Host ms of the last byte from the master (repl_transfer_lastio / master->lastinteraction). */
  lastIoMs: number;
  /** Host ms since when the link is down (repl_down_since), 0 while it is up. */
  downSinceMs: number;
  stream: MasterStream | undefined;
  payload: SyncPayloadReader | undefined;
  private connection: Connection | undefined;
  private input = new LinkInput();
  private fullSync: { readonly replicationId: string; readonly offset: number } | undefined;
  /** The db the master stream had selected (the cached master's db), kept across reconnects and master changes. */
  streamDb: number;

  constructor(
    private readonly repl: Replication,
    readonly host: string,
    readonly port: number,
    initialStreamDb: number,
  ) {
    this.streamDb = initialStreamDb;
    this.lastIoMs = repl.node.env.clock.nowMs();
    this.downSinceMs = this.lastIoMs;
  }

  get masterClient(): Client | undefined {
    return this.stream?.client;
  }

  /** connectWithMaster */
  connect(): void {
    const node = this.repl.node;
    this.state = 'connecting';
    this.lastIoMs = node.env.clock.nowMs();
    this.input = new LinkInput();
    const timeoutMs = node.config.integer('repl-timeout') * 1000;
    const connection: Connection = node.env.net.connect({ host: this.host, port: this.port, timeoutMs }, {
      onConnect: () => {
        if (this.connection === connection) this.onConnected();
      },
      onData: (data) => {
        if (this.connection === connection) this.onData(data);
      },
      onClose: (reason) => {
        if (this.connection === connection) this.onClosed(reason);
      },
    });
    this.connection = connection;
    node.env.log('notice', `MASTER <-> REPLICA sync started`);
  }

  /** cancelReplicationHandshake / freeClient(server.master): the link goes back to CONNECT. */
  drop(why: string): void {
    const node = this.repl.node;
    const wasConnected = this.state === 'connected';
    const connection = this.connection;
    this.connection = undefined;
    const client = this.stream?.client;
    if (client !== undefined) {
      this.streamDb = client.dbIndex;
      freeClient(node, client);
    } else {
      connection?.close();
    }
    this.stream = undefined;
    this.payload = undefined;
    this.fullSync = undefined;
    this.state = 'connect';
    if (wasConnected) this.downSinceMs = node.env.clock.nowMs();
    if (why.length > 0) node.env.log('notice', why);
  }

  /** Stops for good (REPLICAOF NO ONE or another master). */
  close(): void {
    this.drop('');
  }

  private onConnected(): void {
    this.repl.node.env.log('notice', 'Master replied to PING, replication can continue...');
    this.state = 'receive-pong';
    this.send(['PING']);
  }

  private onClosed(reason: string): void {
    const wasConnected = this.state === 'connected';
    this.drop(wasConnected ? `Connection with master lost (${reason}).` : `Error condition on socket for SYNC: ${reason}`);
    if (wasConnected && this.repl.node.cronTimerActive) this.connect();
  }

  private send(argv: readonly string[]): void {
    this.connection?.write(encodeRequest(argv));
  }

  private onData(data: Uint8Array): void {
    this.lastIoMs = this.repl.node.env.clock.nowMs();
    if (this.state === 'connected' && this.stream !== undefined) {
      if (this.stream.feed(data) === 'protocol-error') this.drop('Protocol error from MASTER');
      return;
    }
    this.input.append(data);
    this.advance();
  }

  /** Runs the handshake as far as the buffered replies allow. */
  private advance(): void {
    for (let step = 0; step < 16 && this.connection !== undefined; step++) {
      if (this.state === 'transfer') {
        this.readPayload();
        return;
      }
      if (this.state === 'connected' || this.state === 'connect' || this.state === 'connecting') return;
      const line = this.input.readLine();
      if (line === undefined) return;
      this.onHandshakeReply(line);
    }
  }

  private onHandshakeReply(line: string): void {
    const node = this.repl.node;
    switch (this.state) {
      case 'receive-pong':
        if (line.startsWith('-') && !/^-(NOAUTH|NOPERM|ERR operation not permitted)/.test(line)) {
          this.drop(`Error reply to PING from master: '${line}'`);
          return;
        }
        this.state = 'receive-port';
        this.send(['REPLCONF', 'listening-port', String(node.config.integer('port'))]);
        this.send(['REPLCONF', 'capa', 'eof', 'capa', 'psync2']);
        return;
      case 'receive-port':
        if (line.startsWith('-')) node.env.log('notice', `(Non critical) Master does not understand REPLCONF listening-port: ${line}`);
        this.state = 'receive-capa';
        return;
      case 'receive-capa':
        if (line.startsWith('-')) node.env.log('notice', `(Non critical) Master does not understand REPLCONF capa: ${line}`);
        this.state = 'receive-psync';
        this.sendPsync();
        return;
      case 'receive-psync':
        this.onPsyncReply(line);
        return;
      default:
        return;
    }
  }

  /** slaveTryPartialResynchronization's request: our own history when we have one, else `? -1`. */
  private sendPsync(): void {
    const history = this.repl.history;
    // A master handing over (FAILOVER) asks its target to become master with the same request.
    const failover = this.repl.failover.state === 'failover-in-progress' ? ['FAILOVER'] : [];
    if (this.repl.hasCachedMaster) {
      this.repl.node.env.log('notice', `Trying a partial resynchronization (request ${history.replicationId}:${history.offset + 1}).`);
      this.send(['PSYNC', history.replicationId, String(history.offset + 1), ...failover]);
    } else {
      this.repl.node.env.log('notice', 'Partial resynchronization not possible (no cached master)');
      this.send(['PSYNC', '?', '-1', ...failover]);
    }
  }

  private onPsyncReply(line: string): void {
    if (line.length === 0) return;
    const words = line.split(' ');
    // syncWithMaster: the target of our failover accepted (a full resync is fine too) or refused it.
    const failover = this.repl.failover;
    if (failover.state === 'failover-in-progress') {
      if (words[0] === '+CONTINUE' || words[0] === '+FULLRESYNC') failover.clear();
      else {
        failover.abort('Failover target rejected psync request');
        return;
      }
    }
    if (words[0] === '+FULLRESYNC' && words.length >= 3) {
      this.fullSync = { replicationId: words[1] as string, offset: Number(words[2]) };
      this.repl.node.env.log('notice', `Full resync from master: ${words[1]}:${words[2]}`);
      this.state = 'transfer';
      this.payload = new SyncPayloadReader();
      return;
    }
    if (words[0] === '+CONTINUE') {
      this.continueFrom(words[1]);
      return;
    }
    this.drop(`Unexpected reply to PSYNC from master: ${line}`);
  }

  /** replicationResurrectCachedMaster: keep our data and offset, adopt the master's new id if it changed. */
  private continueFrom(newReplicationId: string | undefined): void {
    const repl = this.repl;
    repl.node.env.log('notice', 'Successful partial resynchronization with master.');
    if (newReplicationId !== undefined && newReplicationId !== repl.history.replicationId) {
      repl.history.switchToMasterId(newReplicationId);
      repl.disconnectReplicas();
    }
    repl.history.ensureBacklog();
    this.becomeConnected(this.streamDb);
    const rest = this.input.takeAll();
    if (rest.length > 0 && this.stream?.feed(rest) === 'protocol-error') this.drop('Protocol error from MASTER');
  }

  private readPayload(): void {
    const payload = this.payload;
    const fullSync = this.fullSync;
    if (payload === undefined || fullSync === undefined) return;
    const progress = payload.read(this.input);
    if (progress.kind === 'waiting') return;
    if (progress.kind === 'error') {
      this.drop(`MASTER aborted replication with an error: ${progress.message}`);
      return;
    }
    if (!this.loadFullSync(progress.rdb, fullSync)) return;
    const rest = this.input.takeAll();
    if (rest.length > 0 && this.stream?.feed(rest) === 'protocol-error') this.drop('Protocol error from MASTER');
  }

  private loadFullSync(rdb: Buffer, fullSync: { readonly replicationId: string; readonly offset: number }): boolean {
    const repl = this.repl;
    const node = repl.node;
    node.env.log('notice', `MASTER <-> REPLICA sync: receiving ${rdb.length} bytes from master to disk`);
    repl.disconnectReplicas();
    repl.history.freeBacklog();
    if (node.config.get('repl-diskless-load') === 'disabled') writeReceivedRdb(repl, rdb);
    node.env.log('notice', 'MASTER <-> REPLICA sync: Flushing old data');
    const aofWasOn = fullSyncAofHooks.before(node);
    const loaded = loadSnapshot(node, rdb);
    fullSyncAofHooks.after(node, aofWasOn);
    if (loaded instanceof InputError) {
      this.drop(`Failed trying to load the MASTER synchronization DB from disk: ${loaded.message}`);
      return false;
    }
    repl.history.adoptMasterHistory(fullSync.replicationId, fullSync.offset);
    repl.hasCachedMaster = true;
    repl.fullSyncBytesReceived += rdb.length;
    this.fullSync = undefined;
    this.payload = undefined;
    this.becomeConnected(loaded.streamDb);
    this.sendAck();
    node.env.log('notice', 'MASTER <-> REPLICA sync: Finished with success');
    return true;
  }

  /** replicationCreateMasterClient: the stream from here on runs as the master client. */
  private becomeConnected(dbIndex: number): void {
    const connection = this.connection;
    if (connection === undefined) return;
    const repl = this.repl;
    const client = repl.node.createClient(connection, { kind: 'master' });
    client.dbIndex = dbIndex;
    this.stream = new MasterStream(repl.node, client, repl.history.offset, (frame) => repl.feedFromMasterStream(frame), () => this.drop('Protocol error from MASTER'));
    this.state = 'connected';
    this.downSinceMs = 0;
  }

  /** replicationSendAck: REPLCONF ACK <offset>, straight to the socket (the master client gets no replies). */
  sendAck(): void {
    if (this.state !== 'connected') return;
    this.send(['REPLCONF', 'ACK', String(this.repl.history.offset)]);
  }

  /** replicationCron's replica part: timeouts, reconnects, the ACK every second. */
  cron(): void {
    const node = this.repl.node;
    const nowMs = node.env.clock.nowMs();
    const timeoutMs = node.config.integer('repl-timeout') * 1000;
    if (this.state !== 'connect' && this.state !== 'connected' && nowMs - this.lastIoMs > timeoutMs) {
      this.drop('Timeout connecting to the MASTER...');
    }
    const client = this.masterClient;
    if (this.state === 'connected' && client !== undefined && nowMs - client.lastInteractionMs > timeoutMs) {
      this.drop('MASTER timeout: no data nor PING received...');
    }
    if (this.state === 'connect') {
      node.env.log('notice', `Connecting to MASTER ${this.host}:${this.port}`);
      this.connect();
    }
    if (this.state === 'connected') this.sendAck();
  }
}

/** Disk-based load: the payload is written to a temp file and renamed over dbfilename, as Redis does. */
function writeReceivedRdb(repl: Replication, rdb: Buffer): void {
  const node = repl.node;
  const dir = node.config.get('dir');
  const temp = dataPath(dir, `temp-${Math.floor(node.env.clock.nowMs() / 1000)}.${node.env.pid}.rdb`);
  const handle = node.env.fs.open(temp, { create: true, truncate: true });
  if (handle instanceof EnvError) return;
  const written = handle.append(rdb);
  const synced = written instanceof EnvError ? written : handle.fsync();
  handle.close();
  if (synced instanceof EnvError) return;
  node.env.fs.rename(temp, dataPath(dir, node.config.get('dbfilename')));
}
