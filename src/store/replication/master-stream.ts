import { RequestParser } from '../protocol/request-parser.js';
import type { Client } from '../server/client.js';
import { existingClientPause } from '../server/client-pause.js';
import { processCommand } from '../server/dispatch.js';
import type { StoreNode } from '../server/node.js';

/** What happened to a chunk of the master's stream. */
export type StreamOutcome = 'ok' | 'protocol-error';

/**
 * The master link's command stream on a replica: each complete command runs
 * as the master client (no replies, writes allowed, expiry kept), and only
 * then its exact bytes count into the replica's offset (c->reploff) and go
 * on to the replica's own backlog and sub-replicas
 * (replicationFeedStreamFromMasterStream). A CLIENT PAUSE on the replica
 * postpones the master client too: the command waits unapplied (the offset
 * stands still, what follows stays buffered) until the pause ends.
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
    private readonly onProtocolErrorAfterPause: () => void = () => undefined,
  ) {
    this.readOffset = startOffset;
  }

  feed(data: Uint8Array): StreamOutcome {
    if (data.length === 0) return 'ok';
    this.readOffset += data.length;
    this.client.lastInteractionMs = this.node.env.clock.nowMs();
    this.unapplied = this.unapplied.length === 0 ? Buffer.from(data) : Buffer.concat([this.unapplied, data]);
    this.parser.append(data);
    return this.applyBuffered();
  }

  /** Runs every complete buffered command, unless the master client is postponed. */
  private applyBuffered(): StreamOutcome {
    for (;;) {
      if (this.client.closed || this.client.blocked !== undefined) return 'ok';
      const request = this.parser.next({ protoMaxBulkLen: Number.MAX_SAFE_INTEGER, trusted: true, authRequired: false });
      if (request === undefined) break;
      if (request.kind === 'protocolError') return 'protocol-error';
      const commandBytes = this.unapplied.length - this.parser.pendingBytes();
      const frame = Buffer.from(this.unapplied.subarray(0, commandBytes));
      this.unapplied = this.unapplied.subarray(commandBytes);
      if (request.kind === 'command' && !this.applied(request.argv, frame)) return 'ok';
      if (request.kind !== 'command') this.onApplied(frame);
    }
    this.parser.compact();
    this.node.scheduleBeforeSleep();
    return 'ok';
  }

  /** Runs one command; false when a pause postponed it (it runs again, then the rest, once the pause lets it). */
  private applied(argv: Buffer[], frame: Buffer): boolean {
    processCommand(this.node, this.client, argv);
    if (this.client.blocked === undefined || this.client.closed) {
      this.onApplied(frame);
      return true;
    }
    existingClientPause(this.node)?.setResume(this.client, () => {
      if (this.applied(argv, frame) && this.applyBuffered() === 'protocol-error') this.onProtocolErrorAfterPause();
    });
    return false;
  }
}
