import { assert } from '../../core/assert.js';
import type { PowerLossReport } from '../disk/sim-disk.js';
import type { SimHost } from '../sim-host.js';
import type { World } from '../world.js';
import { FilesModel } from './files-model.js';

interface TimeWindow {
  readonly startUs: number;
  readonly endUs: number;
}

function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) {
    if (left[index] !== right[index]) return false;
  }
  return true;
}

/**
 * The self-test's judge, outside every process: it keeps each host's file
 * model and the windows in which fsync may lie, and checks the kernel's laws
 * after kills and power losses. A breach throws InvariantError.
 */
export class SelftestOracle {
  private readonly filesByHost: FilesModel[];
  private readonly lieWindowsByHost: TimeWindow[][];
  /** Power losses checked, and files found garbled, torn or cut (evidence the laws were exercised). */
  powerLossChecks = 0;
  exactChecks = 0;

  constructor(private readonly world: World) {
    this.filesByHost = world.hosts.map(() => new FilesModel());
    this.lieWindowsByHost = world.hosts.map(() => []);
  }

  files(hostIndex: number): FilesModel {
    const model = this.filesByHost[hostIndex];
    assert(model !== undefined, 'the oracle models every host');
    return model;
  }

  /** The nemesis switched on lying fsyncs on a host for [startUs, endUs). */
  noteLieWindow(hostIndex: number, startUs: number, endUs: number): void {
    this.lieWindowsByHost[hostIndex]?.push({ startUs, endUs });
  }

  /** An fsync that answered success over [fromUs, toUs] surely persisted, unless a lie window touches it. */
  syncTrusted(hostIndex: number, fromUs: number, toUs: number): boolean {
    const windows = this.lieWindowsByHost[hostIndex] ?? [];
    return !windows.some((window) => window.startUs <= toUs && fromUs <= window.endUs);
  }

  /** Every callback of a process starts here: it must be the live, running incarnation. */
  assertLive(host: SimHost, incarnation: number): void {
    assert(host.process.isCurrent(incarnation), `no event reaches a dead incarnation (${host.name} #${incarnation})`);
    assert(host.state === 'running', `no event reaches a paused process (${host.name})`);
  }

  /** With no power loss since the model was last reset, the disk shows exactly what the processes wrote. */
  checkPageCacheExact(host: SimHost): void {
    const files = this.files(host.index);
    for (const path of files.trackedPaths()) {
      const expected = files.current(path);
      const found = host.disk.peekFile(path);
      assert((expected === null) === (found === null), `a kill loses no file (${host.name}:${path})`);
      if (expected !== null && found !== null) assert(sameBytes(expected.cache.view(), found), `a kill loses nothing written (${host.name}:${path})`);
    }
    this.exactChecks++;
  }

  /** Right after a power loss: each file is one a candidate entry permits, by the durable-content law. */
  checkAfterPowerLoss(host: SimHost, report: PowerLossReport): void {
    const files = this.files(host.index);
    const found = new Map<string, Uint8Array | null>();
    for (const path of files.trackedPaths()) {
      const content = host.disk.peekFile(path);
      found.set(path, content);
      this.checkPathAfterPowerLoss(host, files, path, content, report);
    }
    files.resetTo(found);
    // Whatever survived a power loss is on disk: the directory entry included.
    files.dataDirDurable = host.disk.exists('data');
    this.powerLossChecks++;
  }

  private checkPathAfterPowerLoss(host: SimHost, files: FilesModel, path: string, content: Uint8Array | null, report: PowerLossReport): void {
    const candidates = files.candidates(path);
    if (content === null) {
      assert(candidates.includes(null) || !files.dataDirDurable, `a durable entry survives a power loss (${host.name}:${path})`);
      return;
    }
    const fileReport = report.files.find((file) => file.path === path);
    const garbledFromByte = fileReport?.outcome === 'garble' ? fileReport.durableBytes : null;
    const breaches: string[] = [];
    for (const candidate of candidates) {
      if (candidate === null) continue;
      const breach = candidate.powerLossBreach(content, garbledFromByte);
      if (breach === null) return;
      breaches.push(breach);
    }
    assert(false, `durable content after a power loss is the last fsynced content plus a permitted remnant (${host.name}:${path} at ${this.world.nowUs()}us, ${fileReport?.outcome ?? 'no report'}): ${breaches.join('; ') || 'no candidate file'}`);
  }
}
