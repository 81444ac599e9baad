import { assert } from '../../core/assert.js';
import { EnvError } from '../../core/errors.js';
import type { Env, ProcessMain } from '../../env/env.js';
import type { SimHost } from '../sim-host.js';
import type { World } from '../world.js';
import { incomingHandlers, OutgoingStream, outgoingHandlers } from './message-streams.js';
import { encodeRecord, encodeSnapshot, RECORD_BYTES, validRecordCount } from './selftest-frames.js';
import type { SelftestOracle } from './selftest-oracle.js';
import { type TrackedFile, TrackedFs } from './tracked-fs.js';

export const SELFTEST_PORT = 7000;
const LOG_PATH = 'data/log';
const SNAPSHOT_PATH = 'data/snap';
const SNAPSHOT_TEMP_PATH = 'data/snap.tmp';

export interface SelftestNodeDeps {
  readonly world: World;
  readonly oracle: SelftestOracle;
}

/** The self-test's process: started anew on every incarnation. */
export function selftestMain(deps: SelftestNodeDeps): ProcessMain {
  return (env) => new SelftestNode(env, deps).start();
}

/**
 * One incarnation of the self-test process. On a timer it sends numbered
 * frames to random peers, appends records to a log (fsynced now, later or
 * not at all), writes snapshots (write, fsync, rename, sometimes fsync the
 * directory), closes streams and checks what it reads back. Every callback
 * first checks it is the live incarnation and that its monotonic clock
 * never went back.
 */
class SelftestNode {
  private readonly host: SimHost;
  private readonly incarnation: number;
  private readonly fs: TrackedFs;
  private readonly outgoing = new Map<string, OutgoingStream>();
  private log: TrackedFile | null = null;
  private nextRecordIndex = 0;
  private snapshotVersion = 0;
  private lastMonotonicUs = 0;
  private readonly guard = (): void => this.checkLiveAndClock();

  constructor(
    private readonly env: Env,
    private readonly deps: SelftestNodeDeps,
  ) {
    this.host = deps.world.host(env.hostName);
    this.incarnation = this.host.incarnation;
    this.fs = new TrackedFs(env, deps.world, deps.oracle, this.host.index);
  }

  start(): void {
    this.guard();
    assert(this.env.clock.monotonicUs() < 1_000_000, 'the monotonic clock starts near 0 with the process');
    if (this.fs.exists(SNAPSHOT_TEMP_PATH)) this.fs.unlink(SNAPSHOT_TEMP_PATH);
    this.openLog();
    const listener = this.env.net.listen(SELFTEST_PORT, (connection) => {
      const remoteHostName = connection.remoteAddress.split(':')[0] ?? '';
      const linkOpen = (): boolean => this.deps.world.network.blockMode(remoteHostName, this.host.name) === undefined;
      return incomingHandlers(this.guard, this.deps.world.host(remoteHostName).index, linkOpen);
    });
    assert(!(listener instanceof EnvError), 'a fresh incarnation can listen on its port');
    this.scheduleTick();
  }

  private checkLiveAndClock(): void {
    this.deps.oracle.assertLive(this.host, this.incarnation);
    const monotonicUs = this.env.clock.monotonicUs();
    assert(monotonicUs >= this.lastMonotonicUs, 'the monotonic clock never goes back');
    this.lastMonotonicUs = monotonicUs;
    assert(Number.isSafeInteger(this.env.clock.nowUs()), 'wall-clock reads are integers');
  }

  private scheduleTick(): void {
    const delayMs = this.env.rng.intBetween(20, 120);
    const armedAtUs = this.env.clock.monotonicUs();
    this.env.timers.after(delayMs, () => {
      this.guard();
      assert(this.env.clock.monotonicUs() - armedAtUs >= delayMs * 1000, 'a timer never fires early on its host\'s clock');
      if (this.act()) this.scheduleTick();
    });
  }

  /** One random action; false if the process exited. */
  private act(): boolean {
    const roll = this.env.rng.int(1000);
    if (roll < 3) return this.exitCleanly();
    if (roll < 500) this.send();
    else if (roll < 720) this.appendRecord();
    else if (roll < 780) this.writeSnapshot();
    else if (roll < 830) this.closeOneStream();
    else if (roll < 930) this.verifyRead();
    else this.exerciseTimers();
    return true;
  }

  private exitCleanly(): boolean {
    this.log?.close();
    this.env.exit(0);
    return false;
  }

  private send(): void {
    const peers = this.deps.world.hosts.filter((host) => host !== this.host);
    const peer = this.env.rng.pick(peers).name;
    let stream = this.outgoing.get(peer);
    if (stream === undefined) {
      const nonce = this.env.rng.uint32();
      let created: OutgoingStream | null = null;
      const onClosed = (): void => {
        if (this.outgoing.get(peer) === created) this.outgoing.delete(peer);
      };
      const linkBackOpen = (): boolean => this.deps.world.network.blockMode(peer, this.host.name) === undefined;
      const handlers = outgoingHandlers(this.guard, () => created as OutgoingStream, onClosed, linkBackOpen);
      created = new OutgoingStream(this.env.net.connect({ host: peer, port: SELFTEST_PORT }, handlers), nonce, this.host.index);
      stream = created;
      this.outgoing.set(peer, stream);
    }
    stream.send();
  }

  private closeOneStream(): void {
    const [peer, stream] = [...this.outgoing.entries()][0] ?? [];
    if (peer === undefined || stream === undefined) return;
    this.outgoing.delete(peer);
    stream.connection.close();
  }

  private exerciseTimers(): void {
    this.env.timers.after(this.env.rng.intBetween(500, 4000), this.guard);
    const cancelled = this.env.timers.after(this.env.rng.intBetween(1, 50), () => assert(false, 'a cancelled timer never fires'));
    this.env.timers.soon(() => {
      this.guard();
      this.env.timers.cancel(cancelled);
    });
  }

  /** Opens (creating if needed) the log, keeps its valid prefix of records, and appends from there. */
  private openLog(): void {
    if (this.fs.ensureDataDirectory() instanceof EnvError) return;
    const existed = this.fs.exists(LOG_PATH);
    const file = this.fs.open(LOG_PATH, true, false);
    if (file instanceof EnvError) return;
    if (!existed) this.fs.syncDataDirectory();
    const content = this.fs.readFile(LOG_PATH);
    if (content instanceof EnvError) {
      file.close();
      return;
    }
    const validCount = validRecordCount(content, this.host.index);
    if (content.length > validCount * RECORD_BYTES) {
      if (file.truncate(validCount * RECORD_BYTES) instanceof EnvError) {
        file.close();
        return;
      }
      file.fsyncNow();
    }
    this.log = file;
    this.nextRecordIndex = validCount;
  }

  private appendRecord(): void {
    if (this.log === null) this.openLog();
    const log = this.log;
    if (log === null) return;
    const written = log.append(encodeRecord(this.host.index, this.nextRecordIndex, this.incarnation));
    if (written instanceof EnvError) return;
    this.nextRecordIndex++;
    const syncRoll = this.env.rng.int(10);
    if (syncRoll < 4) log.fsyncNow();
    else if (syncRoll < 6) log.fsyncLater(() => this.guard());
  }

  private writeSnapshot(): void {
    const file = this.fs.open(SNAPSHOT_TEMP_PATH, true, true);
    if (file instanceof EnvError) return;
    this.snapshotVersion++;
    const written = file.append(encodeSnapshot(this.host.index, this.incarnation * 10_000 + this.snapshotVersion));
    const synced = written instanceof EnvError ? written : file.fsyncNow();
    file.close();
    if (synced instanceof EnvError) {
      this.fs.unlink(SNAPSHOT_TEMP_PATH);
      return;
    }
    this.fs.rename(SNAPSHOT_TEMP_PATH, SNAPSHOT_PATH);
    if (this.env.rng.chance(0.5)) this.fs.syncDataDirectory();
  }

  /** Reads a record back: it is what was written, unless reads are being corrupted (then one bit differs). */
  private verifyRead(): void {
    const log = this.log;
    if (log === null || this.nextRecordIndex === 0) return;
    const position = this.env.rng.int(this.nextRecordIndex) * RECORD_BYTES;
    const read = log.read(position, RECORD_BYTES);
    if (read instanceof EnvError) return;
    const written = log.model.cache.read(position, RECORD_BYTES);
    const differingBits = countDifferingBits(read, written);
    if (differingBits === 0) return;
    assert(this.host.disk.isFaultActive('readCorrupt'), 'a read returns the bytes written unless reads are being corrupted');
    assert(differingBits === 1, 'a corrupted read flips one bit');
  }
}

function countDifferingBits(left: Uint8Array, right: Uint8Array): number {
  assert(left.length === right.length, 'a read returns as many bytes as were written there');
  let bits = 0;
  for (let index = 0; index < left.length; index++) {
    let difference = (left[index] as number) ^ (right[index] as number);
    while (difference !== 0) {
      bits += difference & 1;
      difference >>>= 1;
    }
  }
  return bits;
}
