import { assert } from '../../core/assert.js';
import type { AppliedFault } from '../../nemesis/applied-fault.js';
import type { NemesisEvent } from '../../nemesis/nemesis.js';
import type { World } from '../../sim/world.js';
import type { StoreConfig } from '../../store/server/config.js';
import type { RecoverySpec } from '../scenario.js';
import type { StartRefusalEvent } from '../topology/store-process.js';
import { repairAofOnDisk } from './aof-repair-on-disk.js';
import { type AofRepair, type RecoveryRecord, refusalCauseOf, type StartRefusal, type TruncatedLoad } from './start-refusal.js';

/** Refusals and repairs kept per run (a node that refuses on every heal is a loop, not news). */
const RECORDS_KEPT_MAX = 64;
export const DEFAULT_REPAIR_DELAY_MS = 500;

/** Fault kinds that hold a host's process down until they heal. */
const PROCESS_DOWN_KINDS: readonly string[] = ['kill', 'power-loss'];

export interface RecoveryOperatorOptions {
  readonly world: World;
  readonly recovery: RecoverySpec | undefined;
  /** The store nodes' config: where the AOF lives. */
  readonly storeConfig: StoreConfig;
}

/**
 * The operator of a run: hears of every store node that refuses to start
 * (records host, time and Redis's line) and, when the scenario's recovery
 * says `check-aof-fix`, runs `redis-check-aof --fix` on that host's disk a
 * little later and starts the node again, as a person paged for a node
 * that will not come back would. Everything it does is a world event.
 */
export class RecoveryOperator {
  private readonly refusals: StartRefusal[] = [];
  private readonly repairs: AofRepair[] = [];
  private readonly truncatedLoads: TruncatedLoad[] = [];
  private refusalsDropped = 0;
  private readonly downFaults = new Map<string, number>();

  constructor(private readonly options: RecoveryOperatorOptions) {
    const delayMs = options.recovery?.repairDelayMs ?? DEFAULT_REPAIR_DELAY_MS;
    assert(Number.isFinite(delayMs) && delayMs >= 0, 'repairDelayMs is a non-negative number');
  }

  /** The deployment's hook: a store process exited while loading its data. */
  onStartRefused(event: StartRefusalEvent): void {
    const world = this.options.world;
    const host = world.host(event.host);
    const { cause, message } = refusalCauseOf(event.warnings);
    if (this.refusals.length < RECORDS_KEPT_MAX) this.refusals.push({ host: event.host, atUs: world.nowUs(), incarnation: host.incarnation, cause, message, warnings: event.warnings });
    else this.refusalsDropped++;
    const action = this.options.recovery?.onAofLoadError ?? 'none';
    if (action === 'none' || cause === 'other') return;
    const delayUs = Math.round((this.options.recovery?.repairDelayMs ?? DEFAULT_REPAIR_DELAY_MS) * 1000);
    const incarnation = host.incarnation;
    world.after(delayUs, 'operator', `check-aof-fix ${event.host}`, () => this.repair(event.host, incarnation));
  }

  /** The deployment's hook: a node started after cutting a torn AOF tail. */
  onTruncatedLoad(event: StartRefusalEvent): void {
    if (this.truncatedLoads.length >= RECORDS_KEPT_MAX) return;
    const host = this.options.world.host(event.host);
    const message = event.warnings.find((line) => line.startsWith('!!! Truncating the AOF')) ?? event.warnings[0] ?? '';
    this.truncatedLoads.push({ host: event.host, atUs: this.options.world.nowUs(), incarnation: host.incarnation, message });
  }

  /** The nemesis listener's view: which hosts a kill or power loss still holds down. */
  onFault(event: NemesisEvent, fault: AppliedFault): void {
    if (!PROCESS_DOWN_KINDS.includes(fault.kind)) return;
    const active = this.downFaults.get(fault.target) ?? 0;
    this.downFaults.set(fault.target, Math.max(0, active + (event === 'start' ? 1 : -1)));
  }

  record(): RecoveryRecord {
    return { startRefusals: [...this.refusals], repairs: [...this.repairs], truncatedLoads: [...this.truncatedLoads], startRefusalsDropped: this.refusalsDropped };
  }

  /** Runs the tool unless the node is already back (a heal restarted it) or a fault holds the host down. */
  private repair(hostName: string, refusedIncarnation: number): void {
    const world = this.options.world;
    const host = world.host(hostName);
    if (host.isUp || host.incarnation !== refusedIncarnation) return;
    const base = { host: hostName, atUs: world.nowUs() };
    if ((this.downFaults.get(hostName) ?? 0) > 0) {
      this.addRepair({ ...base, command: 'redis-check-aof --fix', outcome: 'postponed', file: null, fromBytes: null, toBytes: null, output: ['the host is down (a fault holds it); the heal restarts it'] });
      return;
    }
    const { plan, command, applyError } = repairAofOnDisk(host.disk, this.options.storeConfig, this.options.recovery?.onAofLoadError === 'planted-keep-half-multi');
    if (plan.kind === 'truncate' && applyError === null) {
      this.addRepair({ ...base, command, outcome: 'truncated', file: plan.file, fromBytes: plan.fromBytes, toBytes: plan.toBytes, output: plan.output });
      host.restart();
      return;
    }
    const output = applyError === null ? plan.output : [...plan.output, `truncate failed: ${applyError}`];
    this.addRepair({ ...base, command, outcome: plan.kind === 'valid' ? 'nothing-to-fix' : 'failed', file: null, fromBytes: null, toBytes: null, output });
  }

  /** Keeps the repair and logs it in the world's log, under the host, as the operator's shell would show it. */
  private addRepair(repair: AofRepair): void {
    if (this.repairs.length < RECORDS_KEPT_MAX) this.repairs.push(repair);
    const world = this.options.world;
    const incarnation = world.host(repair.host).incarnation;
    for (const message of [`operator: ${repair.command} (${repair.outcome})`, ...repair.output]) {
      world.logs.add({ timeUs: repair.atUs, host: repair.host, incarnation, level: 'notice', message });
    }
  }
}
