import { EnvError } from '../../../src/core/errors.js';
import { World } from '../../../src/sim/world.js';
import { ReplyDecoder, type RespValue } from '../../../src/store/protocol/reply-decoder.js';
import { replicationOf } from '../../../src/store/replication/replication.js';
import type { StoreNode } from '../../../src/store/server/node.js';
import { StoreNode as Node } from '../../../src/store/server/node.js';
import { type Sentinel, sentinelProcessMain } from '../../../src/store/sentinel/sentinel.js';

export const PORT = 6379;

/** n1 (master), n2..nN (replicas) and s1..sK sentinels monitoring `mymaster`. */
export class SentinelWorld {
  readonly world: World;
  readonly nodes = new Map<string, StoreNode>();
  readonly sentinels = new Map<string, Sentinel>();

  constructor(options: { readonly seed: number; readonly replicas: number; readonly sentinels: number; readonly quorum: number; readonly downAfterMs?: number; readonly failoverTimeoutMs?: number }) {
    this.world = new World({ seed: options.seed });
    for (let index = 1; index <= 1 + options.replicas; index++) {
      const name = `n${index}`;
      const config = { port: PORT, save: '', 'repl-diskless-sync-delay': 0, ...(index === 1 ? {} : { replicaof: `n1 ${PORT}` }) };
      this.world.addHost({ name }).start((env) => {
        const node = new Node({ env, config });
        this.nodes.set(name, node);
        replicationOf(node);
        const error = node.start();
        if (error instanceof EnvError) throw error;
      });
    }
    const monitor = { name: 'mymaster', host: 'n1', port: PORT, quorum: options.quorum, downAfterMs: options.downAfterMs ?? 2000, failoverTimeoutMs: options.failoverTimeoutMs ?? 10_000 };
    for (let index = 1; index <= options.sentinels; index++) {
      const name = `s${index}`;
      this.world.addHost({ name }).start(sentinelProcessMain({ monitors: [monitor] }, (sentinel) => this.sentinels.set(name, sentinel)));
    }
  }

  runMs(ms: number): void {
    this.world.run({ untilUs: this.world.nowUs() + Math.round(ms * 1000) });
  }

  sentinel(name: string): Sentinel {
    const sentinel = this.sentinels.get(name);
    if (sentinel === undefined) throw new Error(`no sentinel ${name}`);
    return sentinel;
  }

  /** What each sentinel says the master is (get-master-addr-by-name's host). */
  mastersSeen(): string[] {
    return [...this.sentinels.values()].map((sentinel) => {
      const master = sentinel.masters.get('mymaster');
      return master === undefined ? '?' : sentinel.currentMasterAddress(master).host;
    });
  }

  roleOf(host: string): string {
    const node = this.nodes.get(host);
    if (node === undefined || this.world.host(host).state !== 'running') return 'down';
    return replicationOf(node).isReplica ? `replica-of-${replicationOf(node).link?.host ?? '?'}` : 'master';
  }

  /** Sends a command to a store node through its own dispatch; the replies arrive in the returned list. */
  send(host: string, ...argv: string[]): RespValue[] {
    const node = this.nodes.get(host);
    if (node === undefined) throw new Error(`no node ${host}`);
    const replies: RespValue[] = [];
    const decoder = new ReplyDecoder();
    const transport = {
      localAddress: `${host}:${PORT}`,
      remoteAddress: 'test:1',
      write: (data: Uint8Array) => {
        decoder.feed(data);
        for (let reply = decoder.next(); reply !== undefined; reply = decoder.next()) replies.push(reply);
      },
      close: () => undefined,
      pendingBytes: () => 0,
    };
    node.executeCommand(node.createClient(transport), argv);
    return replies;
  }
}
