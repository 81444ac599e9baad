import type { Env } from '../../env/env.js';
import type { Connection } from '../../env/network.js';
import { ReplyDecoder, type RespValue } from '../protocol/reply-decoder.js';
import { encodeRequest } from '../protocol/request-encoder.js';

/** SENTINEL_MAX_PENDING_COMMANDS: a link with more unanswered commands is closed and reopened. */
const PENDING_COMMANDS_MAX = 100;

export type ReplyCallback = (reply: RespValue) => void;

/**
 * One outgoing link of a sentinel (instanceLink's cc or pc): a RESP
 * connection with the callbacks of its unanswered commands in order, and
 * for the pub/sub link a handler of published messages.
 */
export class InstanceConnection {
  /** The link is down (or connecting); Redis's link->disconnected. */
  disconnected = true;
  /** Host ms of the last successful connect. */
  connectedAtMs = 0;
  private connection: Connection | undefined;
  private decoder = new ReplyDecoder();
  private pending: ReplyCallback[] = [];

  constructor(
    private readonly env: Env,
    readonly host: string,
    readonly port: number,
    private readonly onMessage?: (channel: string, payload: string) => void,
    private readonly onOpen?: () => void,
  ) {}

  get isOpen(): boolean {
    return this.connection !== undefined;
  }

  /** Connects if no connection exists (sentinelReconnectInstance). */
  ensureOpen(): void {
    if (this.connection !== undefined) return;
    this.decoder = new ReplyDecoder();
    this.pending = [];
    const connection: Connection = this.env.net.connect({ host: this.host, port: this.port, timeoutMs: 1000 }, {
      onConnect: () => {
        if (this.connection !== connection) return;
        this.disconnected = false;
        this.connectedAtMs = this.env.clock.nowMs();
        this.onOpen?.();
      },
      onData: (data) => {
        if (this.connection === connection) this.onData(data);
      },
      onClose: () => {
        if (this.connection === connection) this.reset();
      },
    });
    this.connection = connection;
  }

  /** Sends a command; its reply goes to `onReply` (in order). False if the link is not open. */
  send(argv: readonly string[], onReply: ReplyCallback = () => undefined): boolean {
    if (this.connection === undefined || this.disconnected) return false;
    if (this.pending.length >= PENDING_COMMANDS_MAX) {
      this.close();
      return false;
    }
    this.pending.push(onReply);
    this.connection.write(encodeRequest(argv));
    return true;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** instanceLinkCloseConnection */
  close(): void {
    const connection = this.connection;
    this.reset();
    connection?.close();
  }

  private reset(): void {
    this.connection = undefined;
    this.disconnected = true;
    this.pending = [];
  }

  private onData(data: Uint8Array): void {
    try {
      this.decoder.feed(data);
    } catch {
      this.close();
      return;
    }
    for (let reply = this.decoder.next(); reply !== undefined; reply = this.decoder.next()) {
      if (this.onMessage !== undefined && Array.isArray(reply) && String(reply[0]) === 'message') {
        this.onMessage(String(reply[1]), String(reply[2]));
        continue;
      }
      this.pending.shift()?.(reply);
      if (this.connection === undefined) return;
    }
  }
}
