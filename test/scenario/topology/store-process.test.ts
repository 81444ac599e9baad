import { describe, expect, it } from 'vitest';
import { World } from '../../../src/sim/world.js';
import { storeProcessMain } from '../../../src/scenario/topology/store-process.js';
import { ReplyDecoder, RespError, type RespValue } from '../../../src/store/protocol/reply-decoder.js';
import { installedReplication } from '../../../src/store/replication/replication.js';
import type { StoreNode } from '../../../src/store/server/node.js';

const baseConfig = { port: '6379', save: '', 'repl-diskless-sync-delay': '0' };

/** Store processes started the way a scenario starts them, one per config. */
function startStores(configs: Readonly<Record<string, Readonly<Record<string, string>>>>): { world: World; nodes: Map<string, StoreNode> } {
  const world = new World({ seed: 7, network: { latency: { kind: 'constant', ms: 1 } } });
  const nodes = new Map<string, StoreNode>();
  for (const [name, config] of Object.entries(configs)) {
    world.addHost({ name }).start(storeProcessMain(config, (node) => nodes.set(name, node)));
  }
  return { world, nodes };
}

/** Runs one command on a node through its dispatch and returns the reply written by the next beforeSleep. */
function call(world: World, node: StoreNode, ...argv: string[]): RespValue | undefined {
  const decoder = new ReplyDecoder();
  const client = node.createClient({ localAddress: 'n:6379', remoteAddress: 'test:1', write: (data: Uint8Array) => decoder.feed(data), close: () => undefined, pendingBytes: () => 0 });
  node.executeCommand(client, argv);
  world.run({ untilUs: world.nowUs() + 5_000 });
  return decoder.next();
}

describe('store process start-up', () => {
  it('a node whose config has replicaof syncs from its master without a REPLICAOF command', () => {
    const { world, nodes } = startStores({ n1: baseConfig, n2: { ...baseConfig, replicaof: 'n1 6379' } });
    world.run({ untilUs: 10_000 });
    const master = nodes.get('n1') as StoreNode;
    for (let index = 0; index < 20; index++) expect(call(world, master, 'SET', `k${index}`, `v${index}`)).toBe('OK');
    world.run({ untilUs: world.nowUs() + 3_000_000 });
    const replica = nodes.get('n2') as StoreNode;
    expect(installedReplication(replica)?.isReplica).toBe(true);
    expect(installedReplication(replica)?.link?.state).toBe('connected');
    expect(replica.datasetDigest()).toBe(master.datasetDigest());
    expect(call(world, replica, 'GET', 'k19')).toEqual(Buffer.from('v19'));
  });

  it('min-replicas-to-write from the config refuses writes from the start', () => {
    const { world, nodes } = startStores({ n1: { ...baseConfig, 'min-replicas-to-write': '1' } });
    world.run({ untilUs: 10_000 });
    const reply = call(world, nodes.get('n1') as StoreNode, 'SET', 'k', 'v');
    expect(reply).toBeInstanceOf(RespError);
    expect((reply as RespError).code).toBe('NOREPLICAS');
  });
});
