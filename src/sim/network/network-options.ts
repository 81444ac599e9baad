import type { LatencyDistribution } from '../latency.js';

export interface NetworkOptions {
  /** Default one-way latency of every directed link (override per link later). */
  readonly latency?: LatencyDistribution;
  /** How long `connect` waits for the handshake before onClose('timeout'), unless the caller says. */
  readonly connectTimeoutMs?: number;
  /** After a 'drop' partition loses data, both ends see onClose('reset') this much later. */
  readonly dropResetTimeoutMs?: number;
}

export const defaultNetworkOptions = {
  latency: { kind: 'uniform', minMs: 0.2, maxMs: 2 } as LatencyDistribution,
  connectTimeoutMs: 2000,
  dropResetTimeoutMs: 1000,
} as const;
