import { EnvError } from '../../core/errors.js';
import type { Env, LogLevel, ProcessMain } from '../../env/env.js';
import type { DiskOptions } from '../../sim/disk/disk-options.js';
import { persistenceOf } from '../../store/persistence/persistence.js';
import type { ConfigOptions } from '../../store/server/config.js';
import { replicationOf } from '../../store/replication/replication.js';
import { StoreNode } from '../../store/server/node.js';
import { plantBugs, plantedBugConfigNames, plantedBugsOf } from '../../store/server/planted-bugs.js';

/** The scenario config split into redis.conf parameters and planted-bug settings (`debug-stale-reads-ms`). */
export function storeConfigOf(config: Readonly<Record<string, string>>): ConfigOptions {
  const options: Record<string, string> = {};
  for (const [name, value] of Object.entries(config)) if (!plantedBugConfigNames.includes(name)) options[name] = value;
  return options;
}

/** A store process that exited while loading its data at start (redis-server refusing to start). */
export interface StartRefusalEvent {
  readonly host: string;
  /** The warnings it logged before exiting, in order (Redis's own lines). */
  readonly warnings: readonly string[];
}

/** What every store host of a deployment shares: its disk's options, and who hears of a refused start. */
export interface StoreHostSetup {
  readonly disk?: DiskOptions;
  readonly onStartRefused?: (refusal: StartRefusalEvent) => void;
  /** A node that started after cutting a torn AOF tail (aof-load-truncated), with the warnings it logged. */
  readonly onTruncatedLoad?: (load: StartRefusalEvent) => void;
}

const TRUNCATED_LOAD_LINE = 'loaded anyway because aof-load-truncated is enabled';

/** Warnings kept per start: enough for the loader's lines and the exit line. */
const START_WARNINGS_KEPT_MAX = 8;

/** The env with its warning lines also kept in `warnings` (the node sees the same env otherwise). */
function envKeepingWarnings(env: Env, warnings: string[]): Env {
  const log = (level: LogLevel, message: string): void => {
    if (level === 'warning' && warnings.length < START_WARNINGS_KEPT_MAX) warnings.push(message);
    env.log(level, message);
  };
  return {
    hostName: env.hostName,
    clock: env.clock,
    timers: env.timers,
    fs: env.fs,
    net: env.net,
    rng: env.rng,
    pid: env.pid,
    log,
    exit: (code) => env.exit(code),
    ...(env.countSteps === undefined ? {} : { countSteps: (name: string, count: number) => env.countSteps?.(name, count) }),
  };
}

/**
 * The process body of a store node: builds the node from its config (which
 * loads the RDB/AOF), plants any debug bugs the scenario asks for, and
 * listens. `onStarted` hands the live node to the deployment for digests and
 * roles; a node whose load failed has exited instead (Redis refuses to start)
 * and goes to `onStartRefused` with the warnings it logged.
 */
export function storeProcessMain(scenarioConfig: Readonly<Record<string, string>>, onStarted: (node: StoreNode) => void, hooks: Omit<StoreHostSetup, 'disk'> = {}): ProcessMain {
  const config = storeConfigOf(scenarioConfig);
  const bugs = plantedBugsOf(scenarioConfig);
  const watching = hooks.onStartRefused !== undefined || hooks.onTruncatedLoad !== undefined;
  return (processEnv) => {
    const warnings: string[] = [];
    const env = watching ? envKeepingWarnings(processEnv, warnings) : processEnv;
    const node = new StoreNode({ env, config });
    if (persistenceOf(node)?.exited === true && hooks.onStartRefused !== undefined) {
      hooks.onStartRefused({ host: env.hostName, warnings: [...warnings] });
      return;
    }
    if (warnings.some((line) => line.includes(TRUNCATED_LOAD_LINE))) hooks.onTruncatedLoad?.({ host: env.hostName, warnings: [...warnings] });
    warnings.length = 0;
    plantBugs(node, bugs);
    // Replication from startup (as loadServerConfig + initServer): `replicaof` in the config starts the master link, min-replicas-to-write is enforced at once.
    replicationOf(node);
    onStarted(node);
    const error = node.start();
    if (error instanceof EnvError) {
      env.log('warning', `could not listen: ${error.message}`);
      env.exit(1);
    }
  };
}

/** Keys over all databases of a node (DBSIZE summed). */
export function keyCount(node: StoreNode): number {
  let total = 0;
  for (let index = 0; index < node.databaseCount(); index++) total += node.database(index).size();
  return total;
}
