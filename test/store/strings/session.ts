/**
 * A store session for end-to-end command tests: commands in, raw RESP2
 * replies out (compared with what redis-server 7.0.15 sends), plus the
 * propagated command stream (what the AOF and replicas receive).
 */
import { createStore, type Store } from '../../../src/store/embedded.js';
import type { ConfigOptions } from '../../../src/store/server/config.js';

export const startEpochMs = 1_700_000_000_000;

export interface Session {
  readonly store: Store;
  /** Runs one command; returns the reply bytes as latin1 text. */
  run(...argv: (string | Buffer)[]): string;
  /** Runs each command and returns the replies. */
  runAll(commands: readonly (readonly (string | Buffer)[])[]): string[];
  /** Propagated commands so far, as "db: ARG ARG ..." lines; clears the record. */
  takePropagated(): string[];
  advance(ms: number): void;
  nowMs(): number;
}

export function session(config: ConfigOptions = {}): Session {
  const store = createStore({ startEpochMs, config });
  let propagated: string[] = [];
  store.node.onPropagate((dbId, argv) => propagated.push(`${dbId}: ${argv.map((item) => item.toString('latin1')).join(' ')}`));
  const run = (...argv: (string | Buffer)[]): string => store.command(argv).toString('latin1');
  return {
    store,
    run,
    runAll: (commands) => commands.map((argv) => run(...argv)),
    takePropagated: () => {
      const taken = propagated;
      propagated = [];
      return taken;
    },
    advance: (ms) => store.advance(ms),
    nowMs: () => store.env.clock.nowMs(),
  };
}

/** RESP2 reply texts. */
export const ok = '+OK\r\n';
export const nil = '$-1\r\n';
export const int = (value: number | bigint | string): string => `:${value}\r\n`;
export const bulk = (value: string): string => `$${Buffer.byteLength(value, 'latin1')}\r\n${value}\r\n`;
export const status = (value: string): string => `+${value}\r\n`;
export const error = (message: string): string => `-${message}\r\n`;
export const array = (...items: string[]): string => `*${items.length}\r\n${items.join('')}`;
export const wrongType = error('WRONGTYPE Operation against a key holding the wrong kind of value');
export const syntaxError = error('ERR syntax error');
export const notInteger = error('ERR value is not an integer or out of range');
export const arity = (name: string): string => error(`ERR wrong number of arguments for '${name}' command`);
