import { UsageError } from '../../core/errors.js';
import type { World } from '../../sim/world.js';
import type { Topology } from '../scenario.js';
import type { Deployment } from './deployment.js';
import { buildReplicated } from './replicated.js';
import { buildSentinelDeployment } from './sentinel-deployment.js';
import { buildStandalone } from './standalone.js';
import type { StoreHostSetup } from './store-process.js';

/** Topology kinds a run can deploy today; the others arrive with their issues. */
export const supportedTopologyKinds: readonly Topology['kind'][] = ['standalone', 'replicated', 'sentinel'];

/** The store hosts a topology deploys, in order (validation checks fault targets against them). */
export function storeHostNamesOf(topology: Topology): string[] {
  switch (topology.kind) {
    case 'standalone':
      return ['n1'];
    case 'replicated':
      return Array.from({ length: 1 + topology.replicas }, (_, index) => `n${index + 1}`);
    case 'sentinel':
      return [...Array.from({ length: 1 + topology.replicas }, (_, index) => `n${index + 1}`), ...Array.from({ length: topology.sentinels }, (_, index) => `s${index + 1}`)];
    case 'cluster':
      return Array.from({ length: topology.shards * (1 + topology.replicasPerShard) }, (_, index) => `n${index + 1}`);
  }
}

/** Adds the store hosts of `topology` to the world (not started yet). */
export function buildDeployment(world: World, topology: Topology, options: { readonly config: Readonly<Record<string, string>>; readonly port: number; readonly readFrom?: 'master' | 'replicas' | 'any'; readonly hostSetup?: StoreHostSetup }): Deployment {
  const hostSetup = options.hostSetup === undefined ? {} : { hostSetup: options.hostSetup };
  switch (topology.kind) {
    case 'standalone':
      return buildStandalone(world, { config: options.config, port: options.port, ...hostSetup });
    case 'replicated':
      return buildReplicated(world, topology.replicas, { config: options.config, port: options.port, readFrom: options.readFrom ?? 'master', ...hostSetup });
    case 'sentinel':
      return buildSentinelDeployment(world, topology, { config: options.config, port: options.port, readFrom: options.readFrom ?? 'master', ...hostSetup });
    case 'cluster':
      throw new UsageError(`topology '${topology.kind}' is not yet supported (supported: ${supportedTopologyKinds.join(', ')})`);
  }
}
