import type { StoreNode } from '../server/node.js';
import { AofRuntime, type AofHost } from './aof/aof-runtime.js';
import type { BackgroundChild } from './background-child.js';
import type { RdbReplicationInfo } from './rdb/rdb-writer.js';

/** The RDB side of a node's persistence state (server.lastsave, lastbgsave_status, ...). */
export interface RdbStatus {
  lastBgsaveStatus: 'ok' | 'err';
  /** UNIX seconds of the last BGSAVE attempt (lastbgsave_try). */
  lastBgsaveTrySeconds: number;
  dirtyBeforeBgsave: number;
  /** stat_rdb_saves */
  saves: number;
  /** rdb_last_bgsave_time_sec */
  lastBgsaveSeconds: number;
  /** rdb_bgsave_scheduled */
  bgsaveScheduled: boolean;
}

/**
 * A node's persistence: RDB snapshots, the AOF, and the one child process
 * Redis allows at a time (BGSAVE or BGREWRITEAOF). Reached from commands by
 * `persistenceOf(node)`.
 */
export class Persistence implements AofHost {
  readonly aof: AofRuntime;
  child: BackgroundChild | undefined;
  readonly rdb: RdbStatus = { lastBgsaveStatus: 'ok', lastBgsaveTrySeconds: 0, dirtyBeforeBgsave: 0, saves: 0, lastBgsaveSeconds: -1, bgsaveScheduled: false };
  /** rdb_last_load_keys_loaded / rdb_last_load_keys_expired */
  readonly lastLoad = { keysLoaded: 0, keysExpired: 0 };
  /**
   * rdbPopulateSaveInfo: the replication layer may set this so that dump.rdb
   * carries repl-stream-db / repl-id / repl-offset, as Redis's does.
   */
  replicationInfo: (() => RdbReplicationInfo | undefined) | undefined;
  /** True once a fatal persistence error made the process exit. */
  exited = false;
  private childrenForked = 0;
  /** savePoints() parsed once per value of `save` (it is read on every write by the MISCONF guard). */
  private cachedSavePoints: readonly (readonly [number, number])[] | undefined;

  constructor(readonly node: StoreNode) {
    this.aof = new AofRuntime(this);
    node.config.onChange((name) => {
      if (name === 'save') this.cachedSavePoints = undefined;
    });
  }

  unixSeconds(): number {
    return Math.floor(this.node.env.clock.nowMs() / 1000);
  }

  childActive(): boolean {
    return this.child !== undefined && this.child.isRunning;
  }

  aofChildActive(): boolean {
    return this.childActive() && this.child?.kind === 'aof';
  }

  rdbChildActive(): boolean {
    return this.childActive() && this.child?.kind === 'rdb';
  }

  /** A pid for the next forked child: distinct from the parent's and stable for a seed. */
  nextChildPid(): number {
    this.childrenForked++;
    return this.node.env.pid + this.childrenForked;
  }

  /** The save points of the `save` config: [seconds, changes] pairs. */
  savePoints(): readonly (readonly [number, number])[] {
    if (this.cachedSavePoints === undefined) this.cachedSavePoints = parseSavePoints(this.node.config.get('save'));
    return this.cachedSavePoints;
  }

  /** exit(1) on an error Redis cannot go on from (fsync under always, a bad AOF at start). */
  fatal(message: string): void {
    if (this.exited) return;
    this.exited = true;
    this.node.env.log('warning', message);
    this.child?.kill();
    this.node.env.exit(1);
    this.node.stop();
  }
}

/** The `save` setting's "seconds changes ..." pairs. */
function parseSavePoints(text: string): readonly (readonly [number, number])[] {
  const words = text.split(' ').filter((word) => word.length > 0).map(Number);
  const points: (readonly [number, number])[] = [];
  for (let index = 0; index + 1 < words.length; index += 2) points.push([words[index] as number, words[index + 1] as number]);
  return points;
}

const persistences = new WeakMap<StoreNode, Persistence>();

export function registerPersistence(persistence: Persistence): void {
  persistences.set(persistence.node, persistence);
}

/** The persistence of a node (every node has one once constructed). */
export function persistenceOf(node: StoreNode): Persistence | undefined {
  return persistences.get(node);
}
