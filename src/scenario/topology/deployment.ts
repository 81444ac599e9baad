import type { NodeDigest } from '../../checker/convergence.js';
import type { StoreNode } from '../../store/server/node.js';
import type { ClientTarget } from '../../workload/client-connection.js';

/** One store node as the report shows it. */
export interface DeployedNodeState {
  readonly host: string;
  readonly role: string;
  /** `running`, `paused`, `dead`, `exited` or `none` (the sim's process state). */
  readonly state: string;
  /** Keys over all databases of the live process; 0 when it is down. */
  readonly dbsize: number;
  /** DEBUG DIGEST of the live process; empty when it is down. */
  readonly digest: string;
}

/**
 * The store side of a run, whatever its topology: which hosts serve, what
 * role each plays now, where client operations go, and when the system has
 * settled. Standalone implements it now; replicated, sentinel and cluster
 * deployments implement the same interface.
 */
export interface Deployment {
  /** Store hosts in a fixed order (`n1`, `n2`, ...). */
  readonly storeHosts: readonly string[];
  /** Starts every store process (the setup phase). */
  start(): void;
  /** Where an operation goes now (a read-only one may go to a replica per `workload.readFrom`); null when no node can take it (no master known). */
  route(readOnly: boolean): ClientTarget | null;
  /** The role `host` plays now (`master`, `replica`, `sentinel`, `down`). */
  roleOf(host: string): string;
  /** Hosts playing `role` now. */
  hostsWithRole(role: string): readonly string[];
  /** The live store process on `host`, or null when it is down or paused. */
  liveNode(host: string): StoreNode | null;
  /** The heal phase: every store process running again (restart the dead, resume the paused). */
  ensureAllRunning(): void;
  /** Quiesce: true once the system settled (nodes up and serving, replicas caught up). */
  hasSettled(): boolean;
  /** Digests of the nodes that must hold the same data once settled. */
  convergenceDigests(): readonly NodeDigest[];
  /** Each store host's role and process state now (cheap: sampled while the run goes). */
  roleStates(): readonly NodeRoleState[];
  /** Each store host's role, state, key count and digest now (for the report). */
  nodeStates(): readonly DeployedNodeState[];
}

/** A store host's role and process state at one moment. */
export interface NodeRoleState {
  readonly host: string;
  readonly role: string;
  readonly state: string;
}
