import { assert } from '../../core/assert.js';
import { World } from '../world.js';
import { selftestMain } from './selftest-node.js';
import { SelftestNemesis } from './selftest-nemesis.js';
import { SelftestOracle } from './selftest-oracle.js';

export interface SelftestOptions {
  readonly seed: number;
  /** Simulated duration (default 60 000 ms). */
  readonly simulatedMs?: number;
  /** Hosts n1..nN (default 5). */
  readonly hostCount?: number;
  /** Trace entries kept in memory (default 1000; the hash covers all). */
  readonly traceEntriesKeptMax?: number;
}

export interface SelftestResult {
  readonly seed: number;
  readonly traceHash: string;
  readonly events: number;
  readonly simulatedMs: number;
  /** Counters that show what the run exercised. */
  readonly exercised: {
    readonly processStarts: number;
    readonly processKills: number;
    readonly powerLosses: number;
    readonly powerLossChecks: number;
    readonly pageCacheChecks: number;
    readonly droppedForDeadIncarnation: number;
    readonly heldForBusyOrPausedProcess: number;
    readonly connectionsOpened: number;
    readonly connectionsReset: number;
    readonly connectionsRefused: number;
    readonly connectionsTimedOut: number;
    readonly bytesDelivered: number;
  };
  /** The world after the run, for inspection (trace entries, stats, hosts). */
  readonly world: World;
}

/**
 * The kernel's self-test: hosts that exchange numbered messages and write
 * logs and snapshots under random partitions, kills, power losses, pauses,
 * clock faults and disk faults, while the kernel's own laws are checked as
 * the run goes (per-connection order, no delivery to a dead incarnation,
 * the durable-content law after power loss, kills lose nothing, monotonic
 * clocks, timers never early). A broken law throws InvariantError.
 */
export function runSelftest(options: SelftestOptions): SelftestResult {
  const simulatedMs = options.simulatedMs ?? 60_000;
  const hostCount = options.hostCount ?? 5;
  assert(hostCount >= 2 && hostCount <= 250, 'the self-test runs 2..250 hosts');
  const world = new World({
    seed: options.seed,
    traceEntriesKeptMax: options.traceEntriesKeptMax ?? 1000,
    network: { latency: { kind: 'exponential', meanMs: 1, minMs: 0.1, jitterMs: 0.2 }, connectTimeoutMs: 500, dropResetTimeoutMs: 300 },
  });
  const setup = world.prng.fork('selftest/setup');
  for (let index = 1; index <= hostCount; index++) {
    world.addHost({
      name: `n${index}`,
      clockOffsetMs: setup.intBetween(-500, 500),
      clockDriftPpm: setup.intBetween(-100, 100),
      disk: { powerLoss: { lose: 1, keepPrefix: 2, tornSectors: 2, garble: 1, directoryCommitProbability: 0.5 } },
    });
  }
  const oracle = new SelftestOracle(world);
  const main = selftestMain({ world, oracle });
  for (const host of world.hosts) host.start(main);
  new SelftestNemesis(world, oracle, simulatedMs).start();
  world.run({ untilUs: simulatedMs * 1000 });
  return summarize(world, oracle, simulatedMs);
}

function summarize(world: World, oracle: SelftestOracle, simulatedMs: number): SelftestResult {
  const stats = world.stats;
  return {
    seed: world.seed,
    traceHash: world.trace.hash(),
    events: world.trace.count,
    simulatedMs,
    exercised: {
      processStarts: stats.processStarts,
      processKills: stats.processKills,
      powerLosses: stats.powerLosses,
      powerLossChecks: oracle.powerLossChecks,
      pageCacheChecks: oracle.exactChecks,
      droppedForDeadIncarnation: stats.droppedForDeadIncarnation,
      heldForBusyOrPausedProcess: stats.heldForBusyOrPausedProcess,
      connectionsOpened: stats.connectionsOpened,
      connectionsReset: stats.connectionsReset,
      connectionsRefused: stats.connectionsRefused,
      connectionsTimedOut: stats.connectionsTimedOut,
      bytesDelivered: stats.bytesDelivered,
    },
    world,
  };
}
