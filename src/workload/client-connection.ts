import type { Connection } from '../env/network.js';
import { ReplyDecoder } from '../store/protocol/reply-decoder.js';

/** Where a client sends an operation: a store node's address. */
export interface ClientTarget {
  readonly host: string;
  readonly port: number;
}

/** One connection of a simulated client: its target, whether the handshake finished, and its reply decoder. */
export class ClientConnection {
  open = false;
  readonly decoder = new ReplyDecoder();
  connection: Connection | null = null;

  constructor(readonly target: ClientTarget) {}

  sameTarget(target: ClientTarget): boolean {
    return this.target.host === target.host && this.target.port === target.port;
  }
}
