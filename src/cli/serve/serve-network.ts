import type { EnvError } from '../../core/errors.js';
import type { Connection, ConnectionHandlers, ConnectOptions, Listener, Network } from '../../env/network.js';
import { RealListener, RealNetwork } from '../../env/real/real-network.js';

/** One `bind` address; `optional` ones (written `-addr`) may fail to bind without stopping the server. */
export interface BindAddress {
  readonly address: string;
  readonly optional: boolean;
  /** As written in the config (for log lines). */
  readonly written: string;
}

/** Parses the `bind` value: `*` is every IPv4 address, `::*` every IPv6 one, a leading `-` makes it optional. */
export function parseBindAddresses(value: string): BindAddress[] {
  return value
    .split(' ')
    .filter((word) => word !== '')
    .map((written) => {
      const optional = written.startsWith('-');
      const bare = optional ? written.slice(1) : written;
      const address = bare === '*' ? '0.0.0.0' : bare === '::*' ? '::' : bare;
      return { address, optional, written };
    });
}

/** A listen failure of one address. */
export interface ListenFailure {
  readonly bind: BindAddress;
  readonly error: EnvError;
}

/** Rejection bytes for a new connection from `remoteAddress`, or undefined to admit it. */
export type AdmissionCheck = (remoteAddress: string) => string | undefined;

/**
 * The env Network of `redsim serve`: listens on every bind address (one
 * node:net server each) and screens each new connection with the admission
 * check (protected mode) before the node sees it. Outgoing connections
 * (replication) go through the first address's RealNetwork.
 */
export class ServeNetwork implements Network {
  private readonly waits: Promise<ListenFailure | undefined>[] = [];
  private readonly outgoing: RealNetwork;

  constructor(
    private readonly binds: readonly BindAddress[],
    private readonly admit: AdmissionCheck,
  ) {
    this.outgoing = new RealNetwork(binds[0]?.address ?? '127.0.0.1', () => undefined);
  }

  listen(port: number, accept: (connection: Connection) => ConnectionHandlers): Listener | EnvError {
    const listeners: RealListener[] = [];
    for (const bind of this.binds) {
      let reportFailure: (failure: ListenFailure) => void = () => undefined;
      const failed = new Promise<ListenFailure>((resolve) => (reportFailure = resolve));
      // The node's clients parse each read at once and keep no reference to it: reads share one buffer.
      const network = new RealNetwork(bind.address, (error) => reportFailure({ bind, error }), { sharedReadBuffer: true });
      const listener = network.listen(port, (connection) => this.screen(connection, accept)) as RealListener;
      listeners.push(listener);
      this.waits.push(Promise.race([listener.whenListening().then(() => undefined), failed]));
    }
    return {
      get port(): number {
        return listeners[0]?.port ?? port;
      },
      close: () => listeners.forEach((listener) => listener.close()),
    };
  }

  /** Settles once every address is listening or failed; lists the failures. */
  async whenSettled(): Promise<ListenFailure[]> {
    const outcomes = await Promise.all(this.waits);
    return outcomes.filter((outcome): outcome is ListenFailure => outcome !== undefined);
  }

  connect(options: ConnectOptions, handlers: ConnectionHandlers): Connection {
    return this.outgoing.connect(options, handlers);
  }

  private screen(connection: Connection, accept: (connection: Connection) => ConnectionHandlers): ConnectionHandlers {
    const rejection = this.admit(connection.remoteAddress);
    if (rejection === undefined) return accept(connection);
    connection.write(Buffer.from(rejection));
    connection.close();
    return { onData: () => undefined, onClose: () => undefined };
  }
}
