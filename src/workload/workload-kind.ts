import type { WaitReplicasSpec } from './plans/wait-replicas-plan.js';

/** The workloads (Jepsen's families), each with its ops and the checkers that fit its history. */
export type WorkloadKind = 'register' | 'cas-register' | 'kv' | 'counter' | 'set' | 'list-append' | 'queue';

export const workloadKinds: readonly WorkloadKind[] = ['register', 'cas-register', 'kv', 'counter', 'set', 'list-append', 'queue'];

export function isWorkloadKind(text: string): text is WorkloadKind {
  return (workloadKinds as readonly string[]).includes(text);
}

/** cas-register's compare-and-set: WATCH + GET then MULTI/SET/EXEC, or one EVAL of a Lua script. */
export type CasVia = 'watch' | 'eval';

export const casVias: readonly CasVia[] = ['watch', 'eval'];

/** The op mix of one workload: what a generator needs besides its random stream. */
export interface OpMix {
  readonly kind: WorkloadKind;
  /** Keys `k0` .. `k{keys-1}`. */
  readonly keys: number;
  /** Share of reads; undefined: the kind's default. */
  readonly readFraction?: number;
  /** list-append: appends per MULTI/EXEC (1 = plain RPUSH). */
  readonly appendsPerTransaction?: number;
  /** After each write, WAIT for this many replicas (the op is `info` when WAIT times out short). */
  readonly waitReplicas?: WaitReplicasSpec;
  /** cas-register: how a compare-and-set runs; undefined: 'watch'. */
  readonly casVia?: CasVia;
}

/** Default share of reads per kind (set and queue workloads read at the end; queue's share is dequeues). */
export const defaultReadFraction: Readonly<Record<WorkloadKind, number>> = {
  register: 0.5,
  'cas-register': 0.34,
  kv: 0.3,
  counter: 0.3,
  set: 0,
  'list-append': 0.3,
  queue: 0.5,
};

/** Register values are small integers, so reads often meet concurrent writes (Jepsen uses 0..4). */
export const registerValuesMax = 5;

export function keyName(index: number): string {
  return `k${index}`;
}

export function workloadKeyNames(keys: number): string[] {
  return Array.from({ length: keys }, (_, index) => keyName(index));
}
