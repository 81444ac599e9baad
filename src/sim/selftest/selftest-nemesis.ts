import type { Prng } from '../../core/prng.js';
import type { DiskFaultKind } from '../disk/disk-faults.js';
import type { PartitionMode } from '../network/link-table.js';
import type { PartitionShape } from '../network/partition-shape.js';
import type { SimHost } from '../sim-host.js';
import type { World } from '../world.js';
import type { SelftestOracle } from './selftest-oracle.js';

const msUs = (ms: number): number => Math.round(ms * 1000);

const DISK_FAULT_KINDS: readonly DiskFaultKind[] = ['fsyncFails', 'fsyncLies', 'writeFails', 'noSpace', 'readCorrupt'];

type NemesisAction = 'partition' | 'kill' | 'restart' | 'powerLoss' | 'pause' | 'clock' | 'diskFault' | 'reset' | 'slowLink';
const ACTIONS: readonly NemesisAction[] = ['partition', 'kill', 'restart', 'powerLoss', 'pause', 'clock', 'diskFault', 'reset', 'slowLink'];
const ACTION_WEIGHTS: readonly number[] = [3, 2, 1, 2, 2, 2, 3, 2, 1];

/**
 * The self-test's fault schedule, drawn step by step from its own stream:
 * partitions of every shape and mode, kills, power losses, pauses, clock
 * faults, disk faults, connection resets and slow links. Down hosts are
 * restarted after a while. The oracle checks a host's page cache before
 * each fault on it, before each restart and at the end; after each power
 * loss, the durable-content law.
 */
export class SelftestNemesis {
  private readonly prng: Prng;
  private readonly restartPending = new Set<SimHost>();
  private partitionActive = false;
  private readonly endUs: number;

  constructor(
    private readonly world: World,
    private readonly oracle: SelftestOracle,
    simulatedMs: number,
  ) {
    this.prng = world.prng.fork('selftest/nemesis');
    this.endUs = msUs(simulatedMs);
  }

  start(): void {
    this.world.at(msUs(200), 'nemesis.step', 0, () => this.step());
    this.world.at(Math.max(0, this.endUs - msUs(500)), 'nemesis.final', 0, () => this.finish());
  }

  private step(): void {
    this.restartDownHosts();
    const action = ACTIONS[this.prng.weightedIndex(ACTION_WEIGHTS)] as NemesisAction;
    const host = this.prng.pick(this.world.hosts);
    this.oracle.checkPageCacheExact(host);
    this.perform(action, host);
    const nextUs = this.world.nowUs() + msUs(this.prng.intBetween(300, 1500));
    if (nextUs < this.endUs - msUs(2000)) this.world.at(nextUs, 'nemesis.step', action, () => this.step());
  }

  private perform(action: NemesisAction, host: SimHost): void {
    switch (action) {
      case 'partition':
        return this.partition();
      case 'kill':
        if (host.kill()) this.afterDown(host);
        return;
      case 'restart':
        // Killed and started again in the same instant: the old incarnation's
        // pending timers and deliveries come due while the new one lives.
        if (host.isUp) host.restart();
        return;
      case 'powerLoss':
        this.oracle.checkAfterPowerLoss(host, host.powerLoss());
        return this.afterDown(host);
      case 'pause':
        return this.pause(host);
      case 'clock':
        return this.clockFault(host);
      case 'diskFault':
        return this.diskFault(host);
      case 'reset':
        return this.reset(host);
      case 'slowLink':
        return this.slowLink(host);
    }
  }

  private partition(): void {
    if (this.partitionActive) return;
    const names = this.world.hosts.map((host) => host.name);
    const shapes: PartitionShape[] = [
      { kind: 'isolate', host: this.prng.pick(names) },
      { kind: 'halves' },
      { kind: 'bridge' },
      { kind: 'ring' },
      { kind: 'oneWay', from: [this.prng.pick(names)], to: this.prng.shuffled(names).slice(0, 2) },
    ];
    const mode: PartitionMode = this.prng.chance(0.5) ? 'clog' : 'drop';
    this.world.network.partition(this.prng.pick(shapes), mode);
    this.partitionActive = true;
    this.world.after(msUs(this.prng.intBetween(300, 3000)), 'nemesis.heal', 0, () => {
      this.world.network.heal();
      this.partitionActive = false;
    });
  }

  private pause(host: SimHost): void {
    if (!host.pause()) return;
    this.world.after(msUs(this.prng.intBetween(50, 1500)), 'nemesis.resume', host.name, () => host.resume());
  }

  private clockFault(host: SimHost): void {
    const kind = this.prng.int(3);
    if (kind === 0) host.clock.setOffsetMs(this.prng.intBetween(-3000, 3000));
    else if (kind === 1) host.clock.jumpMs(this.prng.intBetween(-2000, 2000));
    else host.clock.setDriftPpm(this.prng.intBetween(-300, 300));
  }

  private diskFault(host: SimHost): void {
    const kind = this.prng.pick(DISK_FAULT_KINDS);
    const durationMs = this.prng.intBetween(200, 2500);
    const probability = this.prng.chance(0.5) ? 1 : 0.5;
    host.disk.injectFault({ kind, durationMs, probability });
    if (kind === 'fsyncLies') this.oracle.noteLieWindow(host.index, this.world.nowUs(), this.world.nowUs() + msUs(durationMs));
  }

  private reset(host: SimHost): void {
    if (this.prng.chance(0.5)) {
      this.world.network.resetHostConnections(host.name);
      return;
    }
    const ids = this.world.network.openConnectionIds();
    if (ids.length > 0) this.world.network.resetConnection(this.prng.pick(ids));
  }

  private slowLink(host: SimHost): void {
    const other = this.prng.pick(this.world.hosts.filter((candidate) => candidate !== host));
    this.world.network.slowLink(host.name, other.name, this.prng.intBetween(5, 40), this.prng.intBetween(500, 3000));
  }

  private afterDown(host: SimHost): void {
    if (this.restartPending.has(host)) return;
    this.restartPending.add(host);
    this.world.after(msUs(this.prng.intBetween(100, 1500)), 'nemesis.restart', host.name, () => {
      this.restartPending.delete(host);
      this.oracle.checkPageCacheExact(host);
      host.restart();
    });
  }

  /** Hosts whose process exited on its own come back too. */
  private restartDownHosts(): void {
    for (const host of this.world.hosts) {
      if (!host.isUp) this.afterDown(host);
    }
  }

  /** The end: heal everything so the last stretch runs clean, then check every page cache. */
  private finish(): void {
    this.world.network.heal();
    this.partitionActive = false;
    for (const host of this.world.hosts) {
      host.resume();
      host.disk.clearFaults();
      this.oracle.checkPageCacheExact(host);
    }
  }
}
