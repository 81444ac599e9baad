import { fnv32 } from '../core/hash.js';

/**
 * What an event is, for the trace. Interned by name so the hot path folds a
 * precomputed 32-bit hash of the name instead of the name's characters; the
 * hash depends only on the name, so it is the same in every run and process.
 */
export interface EventKind {
  readonly name: string;
  readonly nameHash32: number;
}

const internedKinds = new Map<string, EventKind>();

/** The interned kind named `name` (created on first use). */
export function eventKind(name: string): EventKind {
  const known = internedKinds.get(name);
  if (known !== undefined) return known;
  const kind: EventKind = Object.freeze({ name, nameHash32: fnv32(name) });
  internedKinds.set(name, kind);
  return kind;
}

/** The kinds the kernel itself schedules. World-level (harness) events name their own. */
export const kernelKinds = {
  processStart: eventKind('process.start'),
  timer: eventKind('timer'),
  soon: eventKind('soon'),
  netSyn: eventKind('net.syn'),
  netRefused: eventKind('net.refused'),
  netAccept: eventKind('net.accept'),
  netDeliver: eventKind('net.deliver'),
  netClose: eventKind('net.close'),
  netReset: eventKind('net.reset'),
  netConnectTimeout: eventKind('net.connect-timeout'),
  diskSyncDone: eventKind('disk.sync-done'),
  diskCallback: eventKind('disk.callback'),
} as const;
