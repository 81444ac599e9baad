import type { LogLevel } from '../../env/env.js';
import { errors } from '../commands/errors.js';
import { Client } from '../server/client.js';
import { lookupCommand } from '../server/command-lookup.js';
import type { CommandGuard, StoreNode } from '../server/node.js';
import type { LuaTable, LuaVm } from './lua/api.js';
import { createLuaEnvironment, type LuaEnvironment } from './lua-environment.js';
import type { RedisApiHost, RunningScript } from './redis-api.js';
import { ScriptCache } from './script-cache.js';
import { BUSY_FUNCTION, type ScriptingHost, type ScriptRun } from './script-run.js';
import { scriptingInfo } from './scripting-info.js';

/** shared.slowevalerr */
const LOG_LEVEL_ORDER: readonly LogLevel[] = ['debug', 'verbose', 'notice', 'warning'];

const attached = new WeakMap<StoreNode, Scripting>();

/**
 * A node's Lua scripting (eval.c lctx + script.c curr_run_ctx): one Lua
 * state, the script cache, the scripts' fake client, and the running
 * script. Installed on first use; it adds processCommand's busy check
 * (-BUSY while a script is busy, except for allow-busy commands) and the
 * Lua fields of INFO memory.
 */
export class Scripting implements ScriptingHost, RedisApiHost {
  readonly scriptClient: Client;
  readonly busyGuard: CommandGuard;
  cache = new ScriptCache();
  running: ScriptRun | undefined;
  private environment: LuaEnvironment | undefined;

  constructor(readonly node: StoreNode) {
    // createClient(NULL): not connected, not listed; its errors count in errorstats like any client's.
    this.scriptClient = new Client(0, { localAddress: '', remoteAddress: '', write: () => undefined, close: () => undefined, pendingBytes: () => 0 }, node.env.clock.nowMs(), true, {
      onErrorReply: (code) => node.stats.countError(code),
    });
    this.scriptClient.isScript = true;
    this.busyGuard = (client, spec) => {
      const run = this.running;
      if (run === undefined || !run.busy || spec.flags.includes('allow_busy')) return undefined;
      if (client.kind === 'master' || client.kind === 'loader') return undefined;
      return run.isEval ? errors.busyScript : BUSY_FUNCTION;
    };
    node.addCommandGuard(this.busyGuard);
    node.addInfoProvider('memory', () => scriptingInfo(this));
  }

  /** The Lua state, made on first use (Redis makes it at startup; the cost is deferred here). */
  get vm(): LuaVm {
    return this.lua().vm;
  }

  /** The table the scripts' globals live in (behind the locked _G). */
  get globals(): LuaTable {
    return this.lua().globals;
  }

  private lua(): LuaEnvironment {
    if (this.environment === undefined) this.environment = createLuaEnvironment(this);
    return this.environment;
  }

  /** scriptingReset: a new Lua state and an empty cache. */
  flush(): void {
    this.cache = new ScriptCache();
    this.environment = undefined;
  }

  runEnded(run: ScriptRun): void {
    if (this.running === run) this.running = undefined;
  }

  // RedisApiHost

  currentRun(): RunningScript | undefined {
    return this.running;
  }

  log(level: LogLevel, text: string): void {
    const configured = LOG_LEVEL_ORDER.indexOf(this.node.config.get('loglevel') as LogLevel);
    if (LOG_LEVEL_ORDER.indexOf(level) >= configured) this.node.env.log(level, text);
  }

  commandExists(argv: readonly Buffer[]): boolean {
    const found = lookupCommand(this.node.commandTable, argv);
    return !('error' in found) || found.spec !== undefined;
  }
}

/** The node's scripting, installed on first use. */
export function scriptingOf(node: StoreNode): Scripting {
  let scripting = attached.get(node);
  if (scripting === undefined) {
    scripting = new Scripting(node);
    attached.set(node, scripting);
  }
  return scripting;
}

export function installedScripting(node: StoreNode): Scripting | undefined {
  return attached.get(node);
}
