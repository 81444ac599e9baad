import { assertNever } from '../core/assert.js';
import type { Prng } from '../core/prng.js';
import type { WorldEventHandle } from '../sim/world.js';
import { applyAdminCommand } from './admin-faults.js';
import type { AppliedFault } from './applied-fault.js';
import { applyClockDrift, applyClockJump, applyClockSkew } from './clock-faults.js';
import { applyDiskFault, diskFamilyOf } from './disk-faults.js';
import { type FaultContext, type FaultEffect, type FaultFamily, noEffect } from './fault-effect.js';
import type { FaultSpec, TimedFault } from './fault-spec.js';
import { applyConnectionReset, applyPartition, applySlowLink, type BlockedLinks } from './network-faults.js';
import type { NemesisWorld } from './nemesis-world.js';
import { applyKill, applyPause, applyPowerLoss } from './process-faults.js';
import { resolveOneHost } from './target-resolution.js';

export type NemesisEvent = 'start' | 'stop';

export interface NemesisOptions {
  readonly nemesisWorld: NemesisWorld;
  /** The `nemesis` stream's runtime branch (random targets, partition sides). */
  readonly prng: Prng;
  /** Told when a fault starts and when it stops, with its record as it stands. */
  readonly listener?: (event: NemesisEvent, fault: AppliedFault) => void;
}

interface ActiveFault {
  readonly record: AppliedFault;
  readonly family: FaultFamily;
  readonly effect: FaultEffect;
  readonly blocked: BlockedLinks | null;
  healEvent: WorldEventHandle | null;
}

function familyOf(fault: FaultSpec): FaultFamily {
  switch (fault.kind) {
    case 'kill':
    case 'power-loss':
      return 'process-down';
    case 'pause':
      return 'pause';
    case 'clock-skew':
    case 'clock-jump':
    case 'clock-drift':
      return 'clock';
    case 'disk':
      return diskFamilyOf(fault.fault);
    case 'partition':
    case 'connection-reset':
    case 'slow-link':
    case 'admin':
      return fault.kind;
    default:
      return assertNever(fault, 'a known fault kind');
  }
}

/**
 * Applies faults to the world at their times and heals them at the end of
 * their windows (or all at once when the heal phase begins), keeping a
 * record of every fault as plain data: faults.csv and the timeline.
 */
export class Nemesis {
  private readonly records: AppliedFault[] = [];
  private readonly active: ActiveFault[] = [];
  private readonly context: FaultContext;

  constructor(private readonly options: NemesisOptions) {
    this.context = {
      nemesisWorld: options.nemesisWorld,
      prng: options.prng,
      otherActiveOn: (family, host) => this.active.some((entry) => entry.family === family && entry.record.target === host),
      reapplyPartitions: () => this.reapplyPartitions(),
    };
  }

  /** Schedules each fault at `phaseStartUs + atMs`; windows are cut at `cutoffUs` (the heal phase). */
  schedule(timeline: readonly TimedFault[], phaseStartUs: number, cutoffUs: number): void {
    const world = this.options.nemesisWorld.world;
    for (const timed of timeline) {
      const startUs = phaseStartUs + Math.round(timed.atMs * 1000);
      if (startUs >= cutoffUs || startUs < world.nowUs()) continue;
      const endUs = Math.min(startUs + Math.round(timed.durationMs * 1000), cutoffUs);
      world.at(startUs, 'nemesis.start', timed.fault.kind, () => this.start(timed, endUs));
    }
  }

  /** Applies one fault now; its heal is scheduled at `endUs`. */
  start(timed: TimedFault, endUs: number): AppliedFault {
    const world = this.options.nemesisWorld.world;
    let blocked: BlockedLinks | null = null;
    const durationMs = Math.max(0, (endUs - world.nowUs()) / 1000);
    const effect = this.apply(timed.fault, durationMs, (links) => {
      blocked = links;
    });
    const startUs = world.nowUs();
    const ends = effect.instant || !effect.effective;
    const record: AppliedFault = { id: this.records.length + 1, kind: timed.fault.kind, target: effect.target, startUs, endUs: ends ? startUs : null, effective: effect.effective, details: effect.details };
    this.records.push(record);
    this.options.listener?.('start', record);
    if (ends) {
      this.options.listener?.('stop', record);
      return record;
    }
    const entry: ActiveFault = { record, family: familyOf(timed.fault), effect, blocked, healEvent: null };
    this.active.push(entry);
    entry.healEvent = world.at(Math.max(endUs, startUs), 'nemesis.stop', timed.fault.kind, () => this.heal(entry));
    return record;
  }

  /** Heals every fault in force, in the order they started (the heal phase). */
  healAll(): void {
    for (const entry of [...this.active]) {
      if (entry.healEvent !== null) this.options.nemesisWorld.world.cancel(entry.healEvent);
      this.heal(entry);
    }
  }

  /** Every fault applied so far, as plain data. */
  applied(): readonly AppliedFault[] {
    return this.records.slice();
  }

  get activeCount(): number {
    return this.active.length;
  }

  private heal(entry: ActiveFault): void {
    const position = this.active.indexOf(entry);
    if (position < 0) return;
    this.active.splice(position, 1);
    entry.effect.heal();
    const healed: AppliedFault = { ...entry.record, endUs: this.options.nemesisWorld.world.nowUs() };
    this.records[healed.id - 1] = healed;
    this.options.listener?.('stop', healed);
  }

  private reapplyPartitions(): void {
    const network = this.options.nemesisWorld.world.network;
    for (const entry of this.active) {
      if (entry.blocked !== null && entry.blocked.links.length > 0) network.partition({ kind: 'links', links: entry.blocked.links }, entry.blocked.mode);
    }
  }

  private apply(fault: FaultSpec, durationMs: number, onBlocked: (links: BlockedLinks) => void): FaultEffect {
    const context = this.context;
    if (fault.kind === 'partition') return applyPartition(fault, fault.mode, context, onBlocked);
    const hostName = resolveOneHost(fault.target, this.options.nemesisWorld, this.options.prng);
    if (hostName === undefined) return noEffect(fault.target, `no host is ${fault.target} now`);
    const host = this.options.nemesisWorld.world.host(hostName);
    switch (fault.kind) {
      case 'kill':
        return applyKill(host, context);
      case 'power-loss':
        return applyPowerLoss(host, context);
      case 'pause':
        return applyPause(host, context);
      case 'clock-skew':
        return applyClockSkew(host, fault.offsetMs, context);
      case 'clock-jump':
        return applyClockJump(host, fault.deltaMs, context);
      case 'clock-drift':
        return applyClockDrift(host, fault.driftPpm, context);
      case 'disk':
        return applyDiskFault(host, fault.fault, durationMs, context);
      case 'connection-reset':
        return applyConnectionReset(host, context);
      case 'slow-link':
        return applySlowLink(host, fault.extraLatencyMs, durationMs, context);
      case 'admin':
        return applyAdminCommand(hostName, fault.argv, context);
      default:
        return assertNever(fault, 'a known fault kind');
    }
  }
}
