import { RequestParser } from '../protocol/request-parser.js';
import type { Client } from '../server/client.js';
import { processCommand } from '../server/dispatch.js';
import type { StoreNode } from '../server/node.js';

/** What happened to a chunk of the master's stream. */
export type StreamOutcome = 'ok' | 'protocol-error';

/**
 * The master link's command stream on a replica: each complete command runs
 * as the master client (no replies, writes allowed, expiry kept), and only
 * then its exact bytes count into the replica's offset (c->reploff) and go
 * on to the replica's own backlog and sub-replicas
 * (replicationFeedStreamFromMasterStream).
 */
export class MasterStream {
  private readonly parser = new RequestParser();
  /** Bytes received and not yet part of an applied command. */
  private unapplied: Buffer = Buffer.alloc(0);
  /** read_reploff: the offset of the last byte read from the master. */
  readOffset: number;

  constructor(
    private readonly node: StoreNode,
    readonly client: Client,
    startOffset: number,
    private readonly onApplied: (commandBytes: Buffer) => void,
  ) {
    this.readOffset = startOffset;
  }

  feed(data: Uint8Array): StreamOutcome {
    if (data.length === 0) return 'ok';
    this.readOffset += data.length;
    this.client.lastInteractionMs = this.node.env.clock.nowMs();
    this.unapplied = this.unapplied.length === 0 ? Buffer.from(data) : Buffer.concat([this.unapplied, data]);
    this.parser.append(data);
    for (;;) {
      if (this.client.closed) return 'ok';
      const request = this.parser.next({ protoMaxBulkLen: Number.MAX_SAFE_INTEGER, trusted: true, authRequired: false });
      if (request === undefined) break;
      if (request.kind === 'protocolError') return 'protocol-error';
      const commandBytes = this.unapplied.length - this.parser.pendingBytes();
      const frame = this.unapplied.subarray(0, commandBytes);
      this.unapplied = this.unapplied.subarray(commandBytes);
      if (request.kind === 'command') processCommand(this.node, this.client, request.argv);
      this.onApplied(Buffer.from(frame));
    }
    this.parser.compact();
    this.node.scheduleBeforeSleep();
    return 'ok';
  }
}
