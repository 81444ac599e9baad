import type { RespReply } from '../../support/resp-reply.js';

/** Encoding thresholds a sequence runs with (CONFIG SET names and values). */
export type SequenceConfig = Readonly<Record<string, string>>;

/**
 * redis-server 7.0.15's compiled-in defaults of the encoding thresholds
 * (config.c; note hash-max-listpack-entries is 512 there, 128 in the
 * redis.conf it ships). A sequence overrides some of them.
 */
export const defaultEncodingThresholds: SequenceConfig = {
  'set-max-intset-entries': '512',
  'hash-max-listpack-entries': '512',
  'hash-max-listpack-value': '64',
  'zset-max-listpack-entries': '128',
  'zset-max-listpack-value': '64',
};

/**
 * A server the differential test drives: the real redis-server, or our
 * store. `begin` gives it an empty key space and fresh connection state for
 * one sequence and returns its clock in ms since the epoch; `run` sends
 * commands in one pipeline and returns one reply per command.
 */
export interface DifferentialTarget {
  readonly label: string;
  begin(config: SequenceConfig, clockMs: number | undefined): Promise<number>;
  run(commands: readonly (readonly Buffer[])[]): Promise<RespReply[]>;
  close(): Promise<void>;
}

/** A reply the harness makes up when a target answered nothing or crashed (never equal to a real reply). */
export function harnessReply(text: string): RespReply {
  const line = `-(harness) ${text.replace(/[\r\n]+/g, ' ')}`;
  return { kind: 'error', text: line.slice(1), raw: Buffer.from(`${line}\r\n`, 'latin1') };
}
