import { assert } from '../../core/assert.js';

/** Where a propagated command goes: PUBLISH reaches replicas only (forceCommandPropagation(PROPAGATE_REPL)). */
export interface PropagationTarget {
  readonly aof: boolean;
  readonly replication: boolean;
}

export const PROPAGATE_ALL: PropagationTarget = { aof: true, replication: true };
export const PROPAGATE_REPLICATION_ONLY: PropagationTarget = { aof: false, replication: true };

export type PropagationListener = (dbId: number, argv: Buffer[], target: PropagationTarget) => void;

interface PendingOp {
  readonly dbId: number;
  readonly argv: Buffer[];
  readonly target: PropagationTarget;
}

const MULTI = [Buffer.from('MULTI')];
const EXEC = [Buffer.from('EXEC')];
/** Commands Redis flags CMD_TOUCHES_ARBITRARY_KEYS: their lazy-expiry DELs are never wrapped. */
const TOUCHES_ARBITRARY_KEYS: ReadonlySet<string> = new Set(['randomkey', 'scan']);

/**
 * The argv as Buffers. A command's own argv (all Buffers, never written to)
 * is kept as is: the copy each listener gets is made in emit.
 */
function asBuffers(argv: readonly (Buffer | string)[]): Buffer[] {
  for (let index = 0; index < argv.length; index++) {
    if (typeof argv[index] === 'string') return argv.map((argument) => (typeof argument === 'string' ? Buffer.from(argument) : argument));
  }
  // Every element is a Buffer (checked above).
  return argv as Buffer[];
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
  private pending: PendingOp[] = [];
  private spare: PendingOp[] | undefined;
  private readonly listeners: PropagationListener[] = [];
  /** Commands propagated so far (MULTI/EXEC included). */
  propagatedCount = 0;

  addListener(listener: PropagationListener): void {
    this.listeners.push(listener);
  }

  alsoPropagate(dbId: number, argv: readonly (Buffer | string)[], target: PropagationTarget = PROPAGATE_ALL): void {
    assert(argv.length > 0, 'a propagated command has a name');
    this.pending.push({ dbId, argv: asBuffers(argv), target });
  }

  listenerCount(): number {
    return this.listeners.length;
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** propagatePendingCommands; `noMulti` for active expiry, `commandName` for the arbitrary-keys rule. */
  flush(options: { readonly noMulti?: boolean; readonly commandName?: string } = {}): void {
    if (this.pending.length === 0) return;
    const ops = this.pending;
    // The emptied array of the previous flush is reused (none while a flush runs: a listener may propagate).
    this.pending = this.spare ?? [];
    this.spare = undefined;
    const wrap = ops.length > 1 && options.noMulti !== true && !TOUCHES_ARBITRARY_KEYS.has(options.commandName ?? '');
    const first = ops[0] as PendingOp;
    const last = ops[ops.length - 1] as PendingOp;
    if (wrap) this.emit(first.dbId, MULTI, PROPAGATE_ALL);
    for (const op of ops) this.emit(op.dbId, op.argv, op.target);
    if (wrap) this.emit(last.dbId, EXEC, PROPAGATE_ALL);
    ops.length = 0;
    this.spare = ops;
  }

  private emit(dbId: number, argv: readonly Buffer[], target: PropagationTarget): void {
    this.propagatedCount++;
    for (const listener of this.listeners) listener(dbId, argv.slice(), target);
  }
}
