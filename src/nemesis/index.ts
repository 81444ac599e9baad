/** Fault injection: fault vocabulary, the nemesis that applies it to a sim world, and swarm schedules. */
export * from './fault-spec.js';
export { type AppliedFault, type FaultDetails, faultWindowOf } from './applied-fault.js';
export type { NemesisWorld } from './nemesis-world.js';
export { Nemesis, type NemesisEvent, type NemesisOptions } from './nemesis.js';
export { drawSwarm, drawFault, type SwarmDraw, SWARM_FAULTS_MAX } from './swarm.js';
export { randomNodeTarget } from './target-resolution.js';
