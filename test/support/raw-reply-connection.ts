import { connect, type Socket } from 'node:net';
import { encodeRequest } from '../../src/store/protocol/request-encoder.js';
import { decodeAllReplies } from './resp-decoder.js';

/** A socket that returns the exact bytes of the next replies. */
export class RawReplyConnection {
  private buffered = Buffer.alloc(0);
  private waiter: (() => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.waiter?.();
    });
  }

  static open(port: number): Promise<RawReplyConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawReplyConnection(socket)));
      socket.once('error', reject);
    });
  }

  async reply(argv: readonly string[]): Promise<string> {
    return (await this.replyBytes(argv, 1)).toString('latin1');
  }

  /** Sends `argv` and returns the bytes of the next `count` replies (pub/sub sends several per command). */
  async replyBytes(argv: readonly string[], count: number): Promise<Buffer> {
    this.socket.write(encodeRequest(argv));
    for (;;) {
      if (completeReplies(this.buffered) >= count) {
        const bytes = this.buffered;
        this.buffered = Buffer.alloc(0);
        return bytes;
      }
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

function completeReplies(data: Buffer): number {
  try {
    return decodeAllReplies(data).length;
  } catch {
    return 0;
  }
}
