import type { Connection, ConnectionHandlers, Listener } from '../../env/network.js';

/** A port a process listens on; it dies with the incarnation that opened it. */
export class SimListener implements Listener {
  closed = false;

  constructor(
    readonly port: number,
    readonly hostIndex: number,
    readonly incarnation: number,
    readonly accept: (connection: Connection) => ConnectionHandlers,
    private readonly onClose: (listener: SimListener) => void,
  ) {}

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
  }
}
