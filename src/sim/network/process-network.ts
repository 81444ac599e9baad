import { EnvError } from '../../core/errors.js';
import type { Connection, ConnectionHandlers, ConnectOptions, Listener, Network } from '../../env/network.js';
import type { ProcessSlot } from '../process-slot.js';
import type { SimNetwork } from './sim-network.js';

/** What a process that already exited gets from `connect`: a connection that never calls back. */
const goneConnection: Connection = Object.freeze({
  connectionId: 0,
  localAddress: 'gone:0',
  remoteAddress: 'gone:0',
  write: () => undefined,
  close: () => undefined,
  pendingBytes: () => 0,
});

/** The `Network` one incarnation sees. */
export class ProcessNetwork implements Network {
  constructor(
    private readonly network: SimNetwork,
    private readonly slot: ProcessSlot,
    private readonly incarnation: number,
  ) {}

  listen(port: number, accept: (connection: Connection) => ConnectionHandlers): Listener | EnvError {
    if (!this.slot.isCurrent(this.incarnation)) return new EnvError('EBADF', 'listen: process gone');
    return this.network.listen(this.slot.hostIndex, this.incarnation, port, accept);
  }

  connect(options: ConnectOptions, handlers: ConnectionHandlers): Connection {
    if (!this.slot.isCurrent(this.incarnation)) return goneConnection;
    return this.network.connect(this.slot.hostIndex, this.incarnation, options, handlers);
  }
}
