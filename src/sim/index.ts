/**
 * The deterministic simulation kernel: a world of hosts (clock, disk, one
 * process each) joined by a network, driven by one event loop over true
 * simulated time (integer µs) and one seed. Processes see only `Env`
 * (src/env); the harness drives the world through this API.
 *
 * ```ts
 * const world = new World({ seed: 42, network: { latency: { kind: 'uniform', minMs: 0.2, maxMs: 2 } } });
 * const n1 = world.addHost({ name: 'n1', clockDriftPpm: 50, disk: { powerLoss: { garble: 0 } } });
 * n1.start((env) => startNode(env));                     // main(env) runs as incarnation 1's first event
 * world.at(5_000_000, 'nemesis.partition', 'halves', () => world.network.partition({ kind: 'halves' }, 'clog'));
 * world.at(9_000_000, 'nemesis.heal', 0, () => world.network.heal());
 * world.at(12_000_000, 'nemesis.power', 'n1', () => { n1.powerLoss(); n1.restart(); });
 * world.run({ untilUs: 60_000_000 });
 * console.log(world.seed, world.trace.hash(), world.trace.count);
 * ```
 *
 * Faults: `host.kill() / powerLoss() / pause() / resume() / restart()`;
 * `host.clock.setOffsetMs() / jumpMs() / setDriftPpm()`;
 * `host.disk.injectFault({ kind, durationMs, probability?, quotaBytes? })`,
 * `host.disk.setPowerLossPolicy(...)`; `world.network.partition(shape, mode)
 * / heal() / resetConnection(id) / resetHostConnections(host) / slowLink(...)
 * / setLinkLatency(...)`. Inspection: `world.trace.entries()` (plain data,
 * diff with `firstTraceDifference`), `world.stats`, `world.logs`,
 * `host.disk.peekFile(path)`, `world.network.blockMode(from, to)`.
 *
 * Determinism: every draw comes from `world.prng` forks (`net/latency`,
 * `net/partition`, `disk/<host>/...`, `process/<host>/<incarnation>`); events
 * are ordered by (time, insertion seq); nothing depends on wall time or
 * promise order. Harness code must keep to the same rules.
 */
export { World, type WorldOptions, type WorldEventHandle } from './world.js';
export { SimHost, type HostOptions } from './sim-host.js';
export type { ProcessState } from './process-slot.js';
export { HostClock } from './host-clock.js';
export { Trace, type TraceEntry, formatTraceEntry, firstTraceDifference } from './trace.js';
export { eventKind, type EventKind } from './event-kind.js';
export type { RunOptions, RunOutcome, RunStopReason } from './scheduler.js';
export type { WorldStats } from './world-stats.js';
export type { LogEntry } from './log-book.js';
export type { LatencyDistribution } from './latency.js';
export { SimNetwork, type AppliedPartition } from './network/sim-network.js';
export type { NetworkOptions } from './network/network-options.js';
export type { PartitionShape } from './network/partition-shape.js';
export type { PartitionMode } from './network/link-table.js';
export { SimDisk, type PowerLossReport, type FilePowerLoss } from './disk/sim-disk.js';
export type { DiskOptions, DiskLatency } from './disk/disk-options.js';
export type { DiskFault, DiskFaultKind } from './disk/disk-faults.js';
export { type PowerLossPolicy, type PowerLossOutcome, defaultPowerLossPolicy, SECTOR_BYTES } from './disk/power-loss-policy.js';
export { durabilityLawBreach, type FileChange, type DurabilityLawOptions } from './disk/durability-law.js';
export { runSelftest, type SelftestOptions, type SelftestResult } from './selftest/index.js';
