import { EnvError } from '../../../src/core/errors.js';
import { World } from '../../../src/sim/world.js';
import { ReplyDecoder, type RespValue } from '../../../src/store/protocol/reply-decoder.js';
import { replicationOf } from '../../../src/store/replication/replication.js';
import type { Client } from '../../../src/store/server/client.js';
import type { ConfigOptions } from '../../../src/store/server/config.js';
import { StoreNode } from '../../../src/store/server/node.js';

export const PORT = 6379;

/** A pending reply: filled when the node writes it (after beforeSleep). */
export interface PendingReply {
  readonly replies: RespValue[];
}

interface HostClient {
  readonly node: StoreNode;
  readonly client: Client;
  readonly decoder: ReplyDecoder;
  readonly waiting: PendingReply[];
}

/**
 * A sim world of store nodes n1..nN with replication installed, and a
 * test-side client per node that calls commands through the node's own
 * dispatch (no network between the test and the node).
 */
export class ReplicationWorld {
  readonly world: World;
  readonly nodes = new Map<string, StoreNode>();
  private readonly clients = new Map<string, HostClient>();

  constructor(options: { readonly seed: number; readonly hosts: number; readonly config?: ConfigOptions; readonly latencyMs?: number }) {
    this.world = new World({ seed: options.seed, network: { latency: { kind: 'uniform', minMs: 0.2, maxMs: options.latencyMs ?? 2 } } });
    for (let index = 1; index <= options.hosts; index++) {
      const name = `n${index}`;
      const host = this.world.addHost({ name });
      host.start((env) => {
        const node = new StoreNode({ env, config: { port: PORT, 'repl-diskless-sync-delay': 0, save: '', ...options.config } });
        this.nodes.set(name, node);
        this.clients.delete(name);
        replicationOf(node);
        const error = node.start();
        if (error instanceof EnvError) throw error;
      });
    }
    this.world.run({ untilUs: this.world.nowUs() + 1000 });
  }

  node(host: string): StoreNode {
    const node = this.nodes.get(host);
    if (node === undefined) throw new Error(`no node on ${host}`);
    return node;
  }

  runMs(ms: number): void {
    this.world.run({ untilUs: this.world.nowUs() + Math.round(ms * 1000) });
  }

  /** Sends a command; its reply arrives in `replies` once the node wrote it. */
  send(host: string, ...argv: string[]): PendingReply {
    return this.sendAs(host, 'test', ...argv);
  }

  /**
   * Sends a command from the named test client of the host (one connection
   * per name): a client whose command waits (blocked, or postponed by a
   * pause) holds its later commands, so concurrent requests need their own.
   */
  sendAs(host: string, clientName: string, ...argv: string[]): PendingReply {
    const hostClient = this.hostClient(host, clientName);
    const pending: PendingReply = { replies: [] };
    hostClient.waiting.push(pending);
    hostClient.node.executeCommand(hostClient.client, argv);
    return pending;
  }

  /** Sends a command and runs the world 5 ms for its reply. */
  call(host: string, ...argv: string[]): RespValue {
    const pending = this.send(host, ...argv);
    this.runMs(5);
    if (pending.replies.length === 0) throw new Error(`no reply from ${host} to ${argv.join(' ')}`);
    return pending.replies[0] as RespValue;
  }

  info(host: string, section = 'replication'): Map<string, string> {
    const text = String(this.call(host, 'INFO', section));
    const fields = new Map<string, string>();
    for (const line of text.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1));
    }
    return fields;
  }

  digest(host: string): string {
    return this.node(host).datasetDigest();
  }

  private hostClient(host: string, clientName: string): HostClient {
    const node = this.node(host);
    const existing = this.clients.get(`${host}/${clientName}`);
    if (existing !== undefined && existing.node === node && !existing.client.closed) return existing;
    const decoder = new ReplyDecoder();
    const waiting: PendingReply[] = [];
    const transport = {
      localAddress: `${host}:${PORT}`,
      remoteAddress: `${clientName}:1`,
      write: (data: Uint8Array) => {
        decoder.feed(data);
        for (let reply = decoder.next(); reply !== undefined; reply = decoder.next()) waiting.shift()?.replies.push(reply);
      },
      close: () => undefined,
      pendingBytes: () => 0,
    };
    const client = node.createClient(transport);
    const created: HostClient = { node, client, decoder, waiting };
    this.clients.set(`${host}/${clientName}`, created);
    return created;
  }
}
