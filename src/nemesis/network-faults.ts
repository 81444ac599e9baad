import type { PartitionMode } from '../sim/network/link-table.js';
import type { SimHost } from '../sim/sim-host.js';
import type { FaultContext, FaultEffect } from './fault-effect.js';
import { noEffect } from './fault-effect.js';
import type { PartitionShape } from './fault-spec.js';
import { planPartition } from './partition-plan.js';

/** A partition in force: the directed links it blocked and how. */
export interface BlockedLinks {
  readonly mode: PartitionMode;
  readonly links: readonly (readonly [string, string])[];
}

/**
 * Blocks the shape's links (clog holds traffic until the heal, drop loses it
 * and resets connections). The sim heals all partitions at once, so healing
 * one heals everything and re-applies those still in force.
 */
export function applyPartition(shape: PartitionShape, mode: PartitionMode, context: FaultContext, onBlocked: (links: BlockedLinks) => void): FaultEffect {
  const plan = planPartition(shape, context.nemesisWorld, context.prng);
  if (plan === undefined) return noEffect(shape.shape, 'the shape cuts no link here');
  const applied = context.nemesisWorld.world.network.partition(plan.shape, mode);
  onBlocked(applied);
  return {
    target: plan.target,
    effective: applied.links.length > 0,
    details: { shape: shape.shape, mode, sides: plan.sides, links: applied.links.length },
    instant: false,
    heal: () => {
      context.nemesisWorld.world.network.heal();
      context.reapplyPartitions();
    },
  };
}

/** Resets every open connection of the host (both ends see a reset now). */
export function applyConnectionReset(host: SimHost, context: FaultContext): FaultEffect {
  const connections = context.nemesisWorld.world.network.resetHostConnections(host.name);
  return { target: host.name, effective: connections > 0, details: { connections }, instant: true, heal: () => undefined };
}

/** Adds latency to every link to and from the host for the window. */
export function applySlowLink(host: SimHost, extraLatencyMs: number, durationMs: number, context: FaultContext): FaultEffect {
  const network = context.nemesisWorld.world.network;
  const others = context.nemesisWorld.world.hosts.filter((other) => other.name !== host.name);
  for (const other of others) {
    network.slowLink(host.name, other.name, extraLatencyMs, durationMs);
    network.slowLink(other.name, host.name, extraLatencyMs, durationMs);
  }
  return {
    target: host.name,
    effective: others.length > 0,
    details: { extraLatencyMs, links: others.length * 2 },
    instant: false,
    heal: () => {
      if (context.otherActiveOn('slow-link', host.name)) return;
      for (const other of others) {
        network.slowLink(host.name, other.name, 0, 0);
        network.slowLink(other.name, host.name, 0, 0);
      }
    },
  };
}
