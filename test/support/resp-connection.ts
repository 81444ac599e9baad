import { connect, type Socket } from 'node:net';
import { RespStreamDecoder } from './resp-decoder.js';
import { encodeCommand, type CommandArgument } from './resp-encoder.js';
import type { RespReply } from './resp-reply.js';

interface PendingPipeline {
  readonly expected: number;
  readonly replies: RespReply[];
  readonly resolve: (replies: RespReply[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * One client connection speaking RESP2 over a raw socket. Commands go out as
 * one pipelined write; the promise settles when every reply has arrived.
 * One pipeline at a time.
 */
export class RespConnection {
  private readonly decoder = new RespStreamDecoder();
  private pending: PendingPipeline | undefined;
  private failure: Error | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error: Error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  static open(port: number, host = '127.0.0.1'): Promise<RespConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host });
      socket.setNoDelay(true);
      socket.once('connect', () => {
        socket.removeListener('error', reject);
        resolve(new RespConnection(socket));
      });
      socket.once('error', reject);
    });
  }

  /** Sends the commands in one write; rejects if the replies do not all arrive within `timeoutMs` (a blocked command). */
  pipeline(commands: readonly (readonly CommandArgument[])[], timeoutMs = 30_000): Promise<RespReply[]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.pending !== undefined) return Promise.reject(new Error('a pipeline is already in flight'));
    if (commands.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error(`no complete reply within ${timeoutMs} ms (did a command block?)`)), timeoutMs);
      const settle = (): void => clearTimeout(timer);
      this.pending = {
        expected: commands.length,
        replies: [],
        resolve: (replies) => (settle(), resolve(replies)),
        reject: (error) => (settle(), reject(error)),
      };
      this.socket.write(Buffer.concat(commands.map((argv) => encodeCommand(argv))));
    });
  }

  async command(argv: readonly CommandArgument[]): Promise<RespReply> {
    const [reply] = await this.pipeline([argv]);
    if (reply === undefined) throw new Error('no reply');
    return reply;
  }

  close(): void {
    this.failure = new Error('connection closed by the client');
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    let replies: RespReply[];
    try {
      replies = this.decoder.feed(chunk);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const pending = this.pending;
    if (pending === undefined) {
      if (replies.length > 0) this.fail(new Error(`unexpected reply without a request: ${replies.length}`));
      return;
    }
    pending.replies.push(...replies);
    if (pending.replies.length > pending.expected) this.fail(new Error('more replies than requests'));
    else if (pending.replies.length === pending.expected) {
      this.pending = undefined;
      pending.resolve(pending.replies);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }
}
