import { isInvariantError } from '../../core/assert.js';
import { errors } from '../commands/errors.js';
import type { CommandSpec } from '../commands/command.js';
import type { Client } from '../server/client.js';
import type { CommandGuard, StoreNode } from '../server/node.js';
import { LuaError, type LuaExecution, type LuaFunction, type LuaTable, type LuaVm } from './lua/api.js';
import { bytesToLua } from './lua-bytes.js';
import { luaToReply, type ReplySink } from './lua-to-reply.js';
import type { RunningScript } from './redis-api.js';
import type { ScriptFlags } from './script-flags.js';
import { scriptCall, type ScriptCallState } from './script-call.js';
import { scriptErrorReply, type ScriptOutcome } from './script-outcome.js';

/** shared.slowscripterr: what other clients get while a function is busy. */
export const BUSY_FUNCTION = 'BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.';

/** Interpreter steps per slice: Redis's count hook fires every 100 000 instructions. */
export const SLICE_INSTRUCTIONS = 100_000;
/**
 * Steps that count as one millisecond of script time. The simulator's clock
 * does not move while code runs, so a script's elapsed time is the larger
 * of the clock's and its steps at this rate: deterministic in the sim, the
 * wall clock in real mode.
 */
export const INSTRUCTIONS_PER_MS = 100_000;
/** How long a busy script waits between slices (virtual time passes in the sim; the real server stays responsive). */
const BUSY_SLICE_DELAY_MS = 1;

/** What a run needs of the node's scripting state. */
export interface ScriptingHost {
  readonly node: StoreNode;
  readonly vm: LuaVm;
  /** Where the scripts' globals live (KEYS and ARGV are set there). */
  readonly globals: LuaTable;
  readonly scriptClient: Client;
  readonly busyGuard: CommandGuard;
  /** The run ended: the host forgets it. */
  runEnded(run: ScriptRun): void;
}

/**
 * What a run executes: an EVAL body (named by its SHA1, KEYS and ARGV as
 * globals) or a function (named by itself, KEYS and ARGV as its two
 * arguments), as script.c's run_ctx funcname and SCRIPT_EVAL_MODE.
 */
export interface RunnableScript {
  readonly name: string;
  readonly flags: ScriptFlags;
  readonly fn: LuaFunction;
  readonly mode: 'eval' | 'function';
}

/** One EVAL/EVALSHA/FCALL invocation. */
export interface ScriptInvocation {
  readonly script: RunnableScript;
  readonly keys: readonly Buffer[];
  readonly args: readonly Buffer[];
  /** SCRIPT_READ_ONLY: an *_RO command or a `no-writes` shebang. */
  readonly readOnly: boolean;
  /** The command that runs it (stats, blocking). */
  readonly spec: CommandSpec;
  readonly argv: readonly Buffer[];
}

/**
 * A running script (script.c scriptRunCtx): runs the Lua call in slices.
 * Under busy-reply-threshold it runs on synchronously, atomic as in Redis;
 * past it (when it may yield) it becomes busy: the caller waits, other
 * clients get -BUSY except allow-busy commands, SCRIPT KILL may stop it, and
 * it resumes a slice at a time from timers. While it runs it holds the
 * node's fixed command time (its time snapshot for expiry) and a call depth,
 * so what its commands propagate goes out as one unit when it ends.
 */
export class ScriptRun implements RunningScript, ScriptCallState {
  readonly node: StoreNode;
  readonly scriptClient: Client;
  readonly busyGuard: CommandGuard;
  readonly readOnly: boolean;
  readonly allowOom: boolean;
  readonly outOfMemoryAtStart: boolean;
  writeDirty = false;
  killed = false;
  busy = false;
  replicationFlags = 3;
  private execution: LuaExecution | undefined;
  private startUs = 0;
  private blockedMasters: Client[] = [];
  private activeExpireWasEnabled = true;

  constructor(
    private readonly host: ScriptingHost,
    readonly caller: Client,
    private readonly invocation: ScriptInvocation,
  ) {
    this.node = host.node;
    this.scriptClient = host.scriptClient;
    this.busyGuard = host.busyGuard;
    this.readOnly = invocation.readOnly;
    const flags = invocation.script.flags;
    this.allowOom = !flags.evalCompatible && flags.allowOom;
    const maxmemory = this.node.config.integer('maxmemory');
    this.outOfMemoryAtStart = maxmemory > 0 && this.node.estimatedMemoryBytes() > maxmemory;
  }

  /** run_ctx->funcname: the SHA1 of an EVAL body, or the function's name. */
  get sha(): string {
    return this.invocation.script.name;
  }

  /** SCRIPT_EVAL_MODE */
  get isEval(): boolean {
    return this.invocation.script.mode === 'eval';
  }

  /** The command that runs the script, as its caller sent it (FUNCTION STATS). */
  get argv(): readonly Buffer[] {
    return this.invocation.argv;
  }

  /** The startup time of the run in host µs (FUNCTION STATS' duration). */
  get startedAtUs(): number {
    return this.startUs;
  }

  /** scriptPrepareForRun + luaCallFunction up to the first yield: KEYS/ARGV, the script's client, the first slices. */
  start(mayYield: boolean): void {
    const vm = this.host.vm;
    const keys = this.luaArray(this.invocation.keys);
    const args = this.luaArray(this.invocation.args);
    // On eval, keys and arguments are globals; a function gets them as its arguments.
    if (this.isEval) {
      this.host.globals.set('KEYS', keys);
      this.host.globals.set('ARGV', args);
    }
    const client = this.scriptClient;
    client.dbIndex = this.caller.dbIndex;
    client.protocol = 2;
    client.kind = this.caller.kind === 'master' || this.caller.kind === 'loader' ? this.caller.kind : 'normal';
    this.node.enterFixedTime();
    this.node.callDepth++;
    this.startUs = this.node.env.clock.monotonicUs();
    this.execution = vm.start(this.invocation.script.fn, this.isEval ? [] : [keys, args]);
    this.advance(mayYield);
  }

  private luaArray(items: readonly Buffer[]): ReturnType<LuaVm['newTable']> {
    const table = this.host.vm.newTable();
    items.forEach((item, index) => table.set(index + 1, bytesToLua(item)));
    return table;
  }

  /** Runs slices until the script ends, or (when it may yield) until it is busy and must let others in. */
  private advance(mayYield: boolean): void {
    for (;;) {
      const outcome = this.runSlice();
      if (outcome !== undefined) {
        this.finish(outcome);
        return;
      }
      const thresholdMs = this.node.config.integer('busy-reply-threshold');
      if (mayYield && thresholdMs > 0 && this.elapsedMs() >= thresholdMs) {
        if (!this.busy) this.enterBusy();
        this.node.env.timers.after(BUSY_SLICE_DELAY_MS, () => this.resume());
        return;
      }
    }
  }

  private runSlice(): ScriptOutcome | undefined {
    const execution = this.execution as LuaExecution;
    try {
      const step = execution.run(SLICE_INSTRUCTIONS);
      return step.done ? { kind: 'done', value: step.results[0] } : undefined;
    } catch (error) {
      if (error instanceof LuaError) return { kind: 'error', error };
      if (isInvariantError(error)) throw error;
      this.node.env.log('warning', `Lua interpreter failure in script ${this.sha}: ${String(error)}`);
      return { kind: 'failure', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** elapsedMs(run_ctx->start_time), with the steps run as a deterministic lower bound. */
  elapsedMs(): number {
    const clockMs = Math.floor((this.node.env.clock.monotonicUs() - this.startUs) / 1000);
    return Math.max(clockMs, Math.floor((this.execution?.instructions ?? 0) / INSTRUCTIONS_PER_MS));
  }

  /** enterScriptTimedoutMode + protectClient: the caller (and a master link) wait; expiry and cron writes pause. */
  private enterBusy(): void {
    const node = this.node;
    this.busy = true;
    node.env.log('warning', `Slow script detected: still in execution after ${this.elapsedMs()} milliseconds. You can try killing the script using the ${this.isEval ? 'SCRIPT KILL' : 'FUNCTION KILL'} command. Script name is: ${this.sha}.`);
    const waiting = { keys: [], deadlineMs: 0, onReady: () => false };
    if (this.caller.blocked === undefined && !this.caller.closed) node.blockClient(this.caller, this.invocation.spec, this.invocation.argv, waiting);
    for (const client of node.clients.values()) {
      if (client.kind !== 'master' || client.blocked !== undefined || client.closed) continue;
      node.blockClient(client, this.invocation.spec, [], waiting);
      this.blockedMasters.push(client);
    }
    this.activeExpireWasEnabled = node.activeExpire.enabled;
    node.activeExpire.enabled = false;
    node.insideYieldingLongCommand = true;
  }

  private resume(): void {
    if (!this.killed) {
      this.advance(true);
      return;
    }
    this.node.env.log('warning', 'Lua script killed by user with SCRIPT KILL.');
    this.finish({ kind: 'killed', position: this.execution?.currentPosition?.() ?? '' });
  }

  /** scriptKill: the refusal for SCRIPT KILL (`byScriptKill`) or FUNCTION KILL, or undefined once marked. */
  kill(byScriptKill: boolean): string | undefined {
    if (this.caller.kind === 'master' || this.caller.kind === 'loader') {
      return 'UNKILLABLE The busy script was sent by a master instance in the context of replication and cannot be killed.';
    }
    if (this.writeDirty) {
      return 'UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.';
    }
    if (byScriptKill && !this.isEval) return BUSY_FUNCTION;
    if (!byScriptKill && this.isEval) return errors.busyScript;
    this.killed = true;
    return undefined;
  }

  private finish(outcome: ScriptOutcome): void {
    const node = this.node;
    const written = this.replyOutcome(outcome);
    this.scriptClient.reply.takeBytes();
    this.host.runEnded(this);
    node.callDepth--;
    node.leaveFixedTime();
    // call() counts an error reply as a failed call, unless it was written uncounted or after call() returned (busy).
    if (written.uncountedError || (this.busy && written.error)) node.stats.commandStats(this.invocation.spec.name).failedCalls++;
    if (this.busy) this.exitBusy();
  }

  /** Writes the result to the caller: whether it was an error reply, and one not counted as such (already counted). */
  private replyOutcome(outcome: ScriptOutcome): { error: boolean; uncountedError: boolean } {
    const caller = this.caller;
    const written = { error: false, uncountedError: false };
    const sink: ReplySink = {
      reply: caller.reply,
      error: (message, ignoreStats) => {
        written.error = true;
        if (ignoreStats) {
          caller.reply.raw(`-${message.replace(/[\r\n]/g, ' ')}\r\n`);
          written.uncountedError = true;
        } else caller.reply.error(`-${message}`);
      },
    };
    if (outcome.kind === 'done') luaToReply(sink, outcome.value, this.scriptClient.protocol);
    else {
      const { message, ignoreStats } = scriptErrorReply(this.host.vm, this.sha, outcome);
      sink.error(message, ignoreStats);
    }
    return written;
  }

  /** exitScriptTimedoutMode: the waiting clients go on, what the script propagated goes out as one unit. */
  private exitBusy(): void {
    const node = this.node;
    node.activeExpire.enabled = this.activeExpireWasEnabled;
    node.insideYieldingLongCommand = false;
    if (this.caller.blocked?.spec === this.invocation.spec) node.unblockClient(this.caller);
    for (const master of this.blockedMasters) node.unblockClient(master);
    this.blockedMasters = [];
    if (node.callDepth === 0 && node.propagator.hasPending()) node.propagator.flush({ commandName: this.invocation.spec.name });
    node.scheduleBeforeSleep();
  }

  // RunningScript

  callCommand(argv: Buffer[]): { readonly reply: Buffer } | { readonly error: string } {
    return scriptCall(this, argv);
  }

  setProtocol(protocol: 2 | 3): void {
    this.scriptClient.protocol = protocol;
  }

  setReplication(flags: number): void {
    this.replicationFlags = flags;
  }
}
