import type { Env } from '../env/env.js';
import type { Connection } from '../env/network.js';
import { ReplyDecoder, type RespValue } from '../store/protocol/reply-decoder.js';
import { encodeRequest } from '../store/protocol/request-encoder.js';

/** One client connection to a sentinel: at most one question in flight, reopened when it drops. */
export class SentinelQueryLink {
  private connection: Connection | undefined;
  private decoder = new ReplyDecoder();
  private waiting: ((reply: RespValue) => void) | undefined;
  private askedAtMs = 0;

  constructor(
    private readonly env: Env,
    private readonly host: string,
    private readonly port: number,
    /** A question unanswered this long is given up and the connection reopened. */
    private readonly answerTimeoutMs: number,
  ) {}

  /** Sends `argv` unless a question is still in flight; `onReply` gets the answer. */
  ask(argv: readonly string[], onReply: (reply: RespValue) => void): void {
    const nowMs = this.env.clock.nowMs();
    if (this.waiting !== undefined && nowMs - this.askedAtMs > this.answerTimeoutMs) this.reopen();
    if (this.waiting !== undefined) return;
    const connection = this.open();
    this.waiting = onReply;
    this.askedAtMs = nowMs;
    connection.write(encodeRequest(argv));
  }

  private open(): Connection {
    if (this.connection !== undefined) return this.connection;
    this.decoder = new ReplyDecoder();
    const connection: Connection = this.env.net.connect({ host: this.host, port: this.port, timeoutMs: this.answerTimeoutMs }, {
      onData: (data) => {
        if (this.connection !== connection) return;
        this.decoder.feed(data);
        for (let reply = this.decoder.next(); reply !== undefined; reply = this.decoder.next()) {
          const waiting = this.waiting;
          this.waiting = undefined;
          waiting?.(reply);
        }
      },
      onClose: () => {
        if (this.connection !== connection) return;
        this.connection = undefined;
        this.waiting = undefined;
      },
    });
    this.connection = connection;
    return connection;
  }

  private reopen(): void {
    const connection = this.connection;
    this.connection = undefined;
    this.waiting = undefined;
    connection?.close();
  }
}
