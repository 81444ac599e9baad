/** The checker layer: verdicts over histories and snapshots (never the store itself). */
export * from './verdict.js';
export * from './fault-window.js';
export { checkLinearizability, type LinearizabilityOptions } from './linearizability/check-linearizability.js';
export type * from './linearizability/linearizability-result.js';
export { isModelName, modelNames, type ModelName } from './linearizability/model.js';
export { checkListAppend, type ListAppendOptions, type ListAppendResult } from './list-append/check-list-append.js';
export type { ListAppendAnomaly, ListAppendAnomalyType } from './list-append/list-append-anomaly.js';
export * from './set-lost-writes.js';
export * from './availability.js';
export * from './latency.js';
export * from './percentiles.js';
export * from './convergence.js';
export * from './durability/check-durability.js';
export * from './durability/durability-input.js';
export * from './durability/durability-rule.js';
