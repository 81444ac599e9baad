import { connect, type Socket } from 'node:net';
import { encodeRequest } from '../../../../src/store/protocol/request-encoder.js';

/**
 * A raw RESP connection to a real server that keeps every byte it receives:
 * MONITOR lines arrive without a request, so replies cannot be paired with
 * commands. `waitFor` waits until the received bytes hold a given text.
 */
export class RawConnection {
  private received = Buffer.alloc(0);
  private waiter: (() => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.waiter?.();
    });
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  send(argv: readonly (string | Buffer)[]): void {
    this.socket.write(encodeRequest(argv));
  }

  /** Waits (at most `timeoutMs`) until the bytes received contain `text`; returns and forgets them. */
  async waitFor(text: string, timeoutMs = 5000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (!this.received.includes(text)) {
      if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(text)} in ${JSON.stringify(this.received.toString('latin1'))}`);
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        setTimeout(resolve, 50);
      });
    }
    const all = this.received;
    this.received = Buffer.alloc(0);
    return all;
  }

  close(): void {
    this.socket.destroy();
  }
}
