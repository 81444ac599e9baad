import type { Client } from '../server/client.js';

/** slave->replstate as INFO prints it. */
export type ReplicaState = 'wait_bgsave' | 'send_bulk' | 'online';

/** What a replica told us with REPLCONF before it sent PSYNC. */
export interface ReplicaHandshake {
  listeningPort: number;
  announcedIp: string | undefined;
  capaEof: boolean;
  capaPsync2: boolean;
}

/** One replica connected to this node (a client flagged CLIENT_SLAVE). */
export interface ReplicaRecord {
  readonly client: Client;
  readonly handshake: ReplicaHandshake;
  state: ReplicaState;
  /** repl_ack_off: the last offset it acknowledged. */
  ackOffset: number;
  /** repl_ack_time, host ms. */
  ackTimeMs: number;
  /** The stream flows to it (false while its full sync waits, or a diskless payload waits for the first ACK). */
  streaming: boolean;
  /** Diskless: the first stream offset to send once it ACKs (repl_start_cmd_stream_on_ack). */
  streamStartOffset: number | undefined;
  /** SYNC (not PSYNC): no +FULLRESYNC line. */
  readonly legacySync: boolean;
}

/** server.slaves: the replicas in the order they attached; closed clients are pruned on every read. */
export class ReplicaRegistry {
  private records: ReplicaRecord[] = [];
  private readonly handshakes = new WeakMap<Client, ReplicaHandshake>();

  /** The REPLCONF values a client sent so far (created on first use). */
  handshakeOf(client: Client): ReplicaHandshake {
    let handshake = this.handshakes.get(client);
    if (handshake === undefined) {
      handshake = { listeningPort: 0, announcedIp: undefined, capaEof: false, capaPsync2: false };
      this.handshakes.set(client, handshake);
    }
    return handshake;
  }

  add(record: ReplicaRecord): void {
    this.records.push(record);
  }

  all(): readonly ReplicaRecord[] {
    if (this.records.some((record) => record.client.closed)) this.records = this.records.filter((record) => !record.client.closed);
    return this.records;
  }

  recordOf(client: Client): ReplicaRecord | undefined {
    return this.all().find((record) => record.client === client);
  }

  count(): number {
    return this.all().length;
  }
}
