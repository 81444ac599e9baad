import { Buffer } from 'node:buffer';
import { assert } from '../../core/assert.js';

/** Where a propagated command goes: PUBLISH reaches replicas only (forceCommandPropagation(PROPAGATE_REPL)). */
export interface PropagationTarget {
  readonly aof: boolean;
  readonly replication: boolean;
}

export const PROPAGATE_ALL: PropagationTarget = { aof: true, replication: true };
export const PROPAGATE_REPLICATION_ONLY: PropagationTarget = { aof: false, replication: true };

export type PropagationListener = (dbId: number, argv: Buffer[], target: PropagationTarget) => void;

const MULTI = [Buffer.from('MULTI')];
const EXEC = [Buffer.from('EXEC')];
/** Commands Redis flags CMD_TOUCHES_ARBITRARY_KEYS: their lazy-expiry DELs are never wrapped. */
const TOUCHES_ARBITRARY_KEYS: ReadonlySet<string> = new Set(['randomkey', 'scan']);

/**
 * The argv as Buffers. A command's own argv (all Buffers, never written to)
 * is kept as is.
 */
function asBuffers(argv: readonly (Buffer | string)[]): readonly Buffer[] {
  for (let index = 0; index < argv.length; index++) {
    if (typeof argv[index] === 'string') return argv.map((argument) => (typeof argument === 'string' ? Buffer.from(argument) : argument));
  }
  // Every element is a Buffer (checked above).
  return argv as readonly Buffer[];
}

const NO_ARGV: readonly Buffer[] = [];

/** Commands collected during a unit, as parallel arrays reused from unit to unit (no object per command). */
class PendingOps {
  readonly dbIds: number[] = [];
  readonly argvs: (readonly Buffer[])[] = [];
  readonly targets: PropagationTarget[] = [];
  count = 0;

  push(dbId: number, argv: readonly Buffer[], target: PropagationTarget): void {
    const index = this.count++;
    this.dbIds[index] = dbId;
    this.argvs[index] = argv;
    this.targets[index] = target;
  }
}

/**
 * Redis 7.0's propagation (server.c alsoPropagate / propagatePendingCommands):
 * while a unit of execution runs (a command, an EXEC, a served blocked
 * client, an active expire cycle), what it propagates is collected; at the
 * end it goes out in order, wrapped in MULTI ... EXEC when it is more than one
 * command, except for active expiry (propagate_no_multi) and commands that
 * touch arbitrary keys.
 */
export class Propagator {
  private pending = new PendingOps();
  /** The emptied ops of the previous flush, reused (none while a flush runs: a listener may propagate). */
  private spare: PendingOps | undefined = new PendingOps();
  private readonly listeners: PropagationListener[] = [];
  /** Commands propagated so far (MULTI/EXEC included). */
  propagatedCount = 0;

  /**
   * A listener gets each command's argv as it was propagated (a command's
   * own arguments, not a copy): it must encode what it needs during the call
   * and neither keep nor change the array.
   */
  addListener(listener: PropagationListener): void {
    this.listeners.push(listener);
  }

  alsoPropagate(dbId: number, argv: readonly (Buffer | string)[], target: PropagationTarget = PROPAGATE_ALL): void {
    assert(argv.length > 0, 'a propagated command has a name');
    this.pending.push(dbId, asBuffers(argv), target);
  }

  /** alsoPropagate of a command's own argv (all Buffers already: nothing to convert). */
  alsoPropagateArgv(dbId: number, argv: readonly Buffer[], target: PropagationTarget = PROPAGATE_ALL): void {
    assert(argv.length > 0, 'a propagated command has a name');
    this.pending.push(dbId, argv, target);
  }

  listenerCount(): number {
    return this.listeners.length;
  }

  hasPending(): boolean {
    return this.pending.count > 0;
  }

  /** propagatePendingCommands; `noMulti` for active expiry, `commandName` for the arbitrary-keys rule. */
  flush(options: { readonly noMulti?: boolean; readonly commandName?: string } = {}): void {
    const ops = this.pending;
    const count = ops.count;
    if (count === 0) return;
    this.pending = this.spare ?? new PendingOps();
    this.spare = undefined;
    const wrap = count > 1 && options.noMulti !== true && !TOUCHES_ARBITRARY_KEYS.has(options.commandName ?? '');
    if (wrap) this.emit(ops.dbIds[0] as number, MULTI, PROPAGATE_ALL);
    for (let index = 0; index < count; index++) {
      this.emit(ops.dbIds[index] as number, ops.argvs[index] as readonly Buffer[], ops.targets[index] as PropagationTarget);
      // Not kept past the flush: the arrays stay, the commands go.
      ops.argvs[index] = NO_ARGV;
    }
    if (wrap) this.emit(ops.dbIds[count - 1] as number, EXEC, PROPAGATE_ALL);
    ops.count = 0;
    this.spare = ops;
  }

  private emit(dbId: number, argv: readonly Buffer[], target: PropagationTarget): void {
    this.propagatedCount++;
    const listeners = this.listeners;
    // The listeners' type takes Buffer[]; they only read it (see addListener).
    for (let index = 0; index < listeners.length; index++) (listeners[index] as PropagationListener)(dbId, argv as Buffer[], target);
  }
}
