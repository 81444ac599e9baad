import type { CommandSpec } from '../commands/command.js';
import { emptyCommandRecord, type CommandRecord } from './command-records.js';

/** Commands that run immediately inside MULTI instead of being queued. */
const RUN_INSIDE_MULTI: ReadonlySet<string> = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);
/** Commands allowed in RESP2 subscribed mode. */
const ALLOWED_WHILE_SUBSCRIBED: ReadonlySet<string> = new Set(['ping', 'subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe', 'ssubscribe', 'sunsubscribe', 'quit', 'reset']);
/** Commands an out-of-memory node still queues inside MULTI. */
const QUEUED_DESPITE_OOM: ReadonlySet<string> = new Set(['exec', 'discard', 'quit', 'reset']);

/** What processCommand asks of a spec, computed once per spec instead of per call (flag scans, name tests). */
export interface CommandTraits {
  readonly isWrite: boolean;
  readonly deniedOnOom: boolean;
  readonly allowedWithoutAuth: boolean;
  readonly refusedInMulti: boolean;
  readonly isDebug: boolean;
  readonly isExec: boolean;
  readonly runsInsideMulti: boolean;
  readonly queuedDespiteOom: boolean;
  readonly allowedWhileSubscribed: boolean;
  /** The per-node counters of the spec (see currentCommandRecord). */
  readonly record: CommandRecord;
  /** What the command's top-level propagation flush is told (made once, not per call). */
  readonly flushOptions: { readonly commandName: string };
}

const traitsBySpec = new WeakMap<CommandSpec, CommandTraits>();

/** The last spec asked about: pipelines repeat one command, and this skips the WeakMap. */
let lastSpec: CommandSpec | undefined;
let lastTraits: CommandTraits | undefined;

export function commandTraits(spec: CommandSpec): CommandTraits {
  if (spec === lastSpec && lastTraits !== undefined) return lastTraits;
  let traits = traitsBySpec.get(spec);
  if (traits === undefined) {
    traits = {
      isWrite: spec.flags.includes('write'),
      deniedOnOom: spec.flags.includes('denyoom'),
      allowedWithoutAuth: spec.flags.includes('no_auth'),
      refusedInMulti: spec.flags.includes('no_multi'),
      isDebug: spec.name.startsWith('debug'),
      isExec: spec.name === 'exec',
      runsInsideMulti: RUN_INSIDE_MULTI.has(spec.name),
      queuedDespiteOom: QUEUED_DESPITE_OOM.has(spec.name),
      allowedWhileSubscribed: ALLOWED_WHILE_SUBSCRIBED.has(spec.name),
      record: emptyCommandRecord(),
      flushOptions: { commandName: spec.name },
    };
    traitsBySpec.set(spec, traits);
  }
  lastSpec = spec;
  lastTraits = traits;
  return traits;
}
