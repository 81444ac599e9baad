import type { Env } from '../../src/env/env.js';
import type { Connection, ConnectionHandlers, CloseReason } from '../../src/env/network.js';
import { World, type WorldOptions } from '../../src/sim/world.js';

/** A world with hosts n1..nN (constant 1 ms links unless options say otherwise). */
export function worldWithHosts(count: number, options: Partial<WorldOptions> = {}): World {
  const world = new World({ seed: 1, network: { latency: { kind: 'constant', ms: 1 } }, ...options });
  for (let index = 1; index <= count; index++) world.addHost({ name: `n${index}` });
  return world;
}

export const msUs = (ms: number): number => Math.round(ms * 1000);

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function textOf(data: Uint8Array): string {
  return new TextDecoder().decode(data);
}

/** What one end of a connection saw. */
export interface ConnectionLog {
  connection: Connection | null;
  connected: boolean;
  received: string;
  chunks: string[];
  closes: CloseReason[];
  /** Callbacks that came after onClose (must stay 0). */
  callbacksAfterClose: number;
}

export function newConnectionLog(): ConnectionLog {
  return { connection: null, connected: false, received: '', chunks: [], closes: [], callbacksAfterClose: 0 };
}

export function loggingHandlers(log: ConnectionLog): ConnectionHandlers {
  return {
    onConnect: () => {
      if (log.closes.length > 0) log.callbacksAfterClose++;
      log.connected = true;
    },
    onData: (data) => {
      if (log.closes.length > 0) log.callbacksAfterClose++;
      log.received += textOf(data);
      log.chunks.push(textOf(data));
    },
    onClose: (reason) => {
      if (log.closes.length > 0) log.callbacksAfterClose++;
      log.closes.push(reason);
    },
  };
}

/** A server main that listens on `port` and logs every accepted connection. */
export function listeningMain(port: number, accepted: ConnectionLog[], onStart?: (env: Env) => void): (env: Env) => void {
  return (env) => {
    const listener = env.net.listen(port, (connection) => {
      const log = newConnectionLog();
      log.connection = connection;
      accepted.push(log);
      return loggingHandlers(log);
    });
    if (listener instanceof Error) throw listener;
    onStart?.(env);
  };
}
