import { assert } from '../core/assert.js';
import type { Env } from '../env/env.js';
import type { World } from '../sim/world.js';
import { ReplyDecoder, RespError, type RespValue } from '../store/protocol/reply-decoder.js';
import { encodeRequest } from '../store/protocol/request-encoder.js';

/** The control node's host (Jepsen's control node: the nemesis reaches store nodes from here, like the clients). */
export const CONTROL_HOST = 'ops';
/** How long the control node waits for a store node to accept its connection. */
const CONNECT_TIMEOUT_MS = 1_000;

/** What one admin command got back. */
export interface AdminReply {
  readonly host: string;
  readonly command: string;
  /** The reply as redis-cli would show it (`OK`, `(error) ERR ...`, `(integer) 1`), or how the connection ended without one. */
  readonly reply: string;
}

/** A reply as one line, the way redis-cli prints simple replies. */
export function adminReplyText(reply: RespValue): string {
  if (reply instanceof RespError) return `(error) ${reply.message}`;
  if (reply === null) return '(nil)';
  if (typeof reply === 'number' || typeof reply === 'bigint') return `(integer) ${reply}`;
  if (Buffer.isBuffer(reply)) return reply.toString('latin1');
  if (Array.isArray(reply)) return `[${reply.map(adminReplyText).join(', ')}]`;
  return String(reply);
}

/**
 * The run's control node: sends the nemesis's `admin` commands to store
 * nodes over the simulated network (one short connection each, so
 * partitions and dead nodes affect it as they affect clients) and hands
 * each reply to `onReply`. Exists only in runs whose timeline has admin
 * faults, so other runs keep their hosts and traces.
 */
export class AdminConsole {
  private env: Env | null = null;

  constructor(
    private readonly world: World,
    private readonly port: number,
    private readonly onReply: (reply: AdminReply) => void,
  ) {
    world.addHost({ name: CONTROL_HOST });
  }

  start(): void {
    this.world.host(CONTROL_HOST).start((env) => {
      this.env = env;
    });
  }

  send(host: string, argv: readonly string[]): void {
    const env = this.env;
    assert(env !== null, 'the control node started before the faults phase');
    const command = argv.join(' ');
    const decoder = new ReplyDecoder();
    let answered = false;
    const finish = (reply: string): void => {
      if (answered) return;
      answered = true;
      this.onReply({ host, command, reply });
    };
    const connection = env.net.connect(
      { host, port: this.port, timeoutMs: CONNECT_TIMEOUT_MS },
      {
        onConnect: () => connection.write(encodeRequest(argv)),
        onData: (data) => {
          decoder.feed(data);
          const reply = decoder.next();
          if (reply === undefined) return;
          finish(adminReplyText(reply));
          connection.close();
        },
        onClose: (reason) => finish(`(no reply: connection ${reason})`),
      },
    );
  }
}
