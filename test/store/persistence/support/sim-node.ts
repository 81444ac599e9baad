import { decodeReplies, type RespValue } from '../../../../src/store/protocol/reply-decoder.js';
import type { ClientTransport } from '../../../../src/store/server/client.js';
import type { Client } from '../../../../src/store/server/client.js';
import { StoreNode } from '../../../../src/store/server/node.js';
import type { DiskOptions } from '../../../../src/sim/disk/disk-options.js';
import type { SimHost } from '../../../../src/sim/sim-host.js';
import { World } from '../../../../src/sim/world.js';
import type { ConfigOptions } from '../../../../src/store/server/config.js';

export interface SimNodeOptions {
  readonly config: ConfigOptions;
  /** Files put durably on the disk before the node first starts (e.g. what a real redis-server wrote). */
  readonly files?: readonly { readonly path: string; readonly bytes: Uint8Array }[];
  readonly seed?: number;
  readonly disk?: DiskOptions;
  /** The world's wall clock at true time 0 (the real time, for files a real redis-server will read). */
  readonly epochMs?: number;
}

/**
 * One store node in a simulated world, driven from the test: commands run on
 * a client of the node, then the world runs until its beforeSleep (AOF
 * flush, replies) is done. Kills, power losses and restarts use the host.
 */
export class SimNode {
  readonly world: World;
  readonly host: SimHost;
  node: StoreNode | null = null;
  private client: Client | null = null;
  private replyBytes: Buffer[] = [];
  readonly logs: string[] = [];

  constructor(options: SimNodeOptions) {
    this.world = new World({ seed: options.seed ?? 1, ...(options.epochMs === undefined ? {} : { epochMs: options.epochMs }), onLog: (entry) => this.logs.push(`${entry.level} ${entry.message}`) });
    this.host = this.world.addHost({ name: 'n1', ...(options.disk === undefined ? {} : { disk: options.disk }) });
    for (const file of options.files ?? []) this.putDurably(file.path, file.bytes);
    this.host.start((env) => {
      this.node = new StoreNode({ env, config: options.config });
      this.client = null;
      this.node.start();
    });
    // Long enough for the startup fsyncs (AOF base, manifest, directory) to be charged and done.
    this.run(50);
  }

  get live(): StoreNode {
    if (this.node === null || !this.host.isUp) throw new Error('the node is not running');
    return this.node;
  }

  /** Runs the world for `ms` of simulated time. */
  run(ms: number): void {
    this.world.run({ untilUs: this.world.nowUs() + Math.round(ms * 1000) });
  }

  call(...argv: string[]): RespValue | undefined {
    return this.callWithin(20, ...argv);
  }

  /** Runs one command and then the world for only `ms` (to look at state before a background job ends). */
  callWithin(ms: number, ...argv: string[]): RespValue | undefined {
    const node = this.live;
    if (this.client === null || this.client.closed) {
      const transport: ClientTransport = { localAddress: 'n1:6379', remoteAddress: 'test:1', write: (data) => this.replyBytes.push(Buffer.from(data)), close: () => undefined, pendingBytes: () => 0 };
      this.client = node.createClient(transport);
    }
    node.executeCommand(this.client, argv);
    this.run(ms);
    const replies = decodeReplies(Buffer.concat(this.replyBytes));
    this.replyBytes = [];
    return replies[0];
  }

  kill(): void {
    this.host.kill();
  }

  powerLoss(): void {
    this.host.powerLoss();
  }

  restart(): void {
    this.node = null;
    this.client = null;
    this.host.restart();
    this.run(50);
  }

  private putDurably(path: string, bytes: Uint8Array): void {
    const disk = this.host.disk;
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth++) {
      const directory = parts.slice(0, depth).join('/');
      if (!disk.exists(directory)) disk.mkdir(directory);
      disk.fsyncDirectory(depth === 1 ? '.' : parts.slice(0, depth - 1).join('/'));
    }
    const file = disk.open(path, { create: true, truncate: true });
    if (file instanceof Error) throw file;
    disk.writeAt(file, 0, bytes);
    disk.syncFile(file);
    disk.fsyncDirectory(parts.length === 1 ? '.' : parts.slice(0, -1).join('/'));
  }

  /** A file as processes see it now (page cache), or null. */
  file(path: string): Buffer | null {
    const data = this.host.disk.peekFile(path);
    return data === null ? null : Buffer.from(data);
  }
}
