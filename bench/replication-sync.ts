/**
 * Bench: what replication costs, for the complexity report (issue 6).
 * - full sync: RDB bytes sent against dataset size (expect linear, ~bytes per key);
 * - partial sync: backlog bytes sent against writes missed (expect linear, no dataset term);
 * - stream messages and bytes per write against the number of replicas (expect linear in replicas).
 * Run: `npm run bench -- replication-sync` or `node dist/bench/replication-sync.js`.
 */
import { pathToFileURL } from 'node:url';
import { EnvError } from '../src/core/errors.js';
import { World } from '../src/sim/world.js';
import { replicationOf, type Replication } from '../src/store/replication/replication.js';
import { StoreNode } from '../src/store/server/node.js';

const PORT = 6379;

interface Cluster {
  readonly world: World;
  readonly nodes: Map<string, StoreNode>;
  run(ms: number): void;
  command(host: string, argv: readonly string[]): void;
  replication(host: string): Replication;
}

function cluster(hosts: number, config: Readonly<Record<string, string | number>> = {}): Cluster {
  const world = new World({ seed: 1, traceEntriesKeptMax: 1_000_000, network: { latency: { kind: 'constant', ms: 1 } } });
  const nodes = new Map<string, StoreNode>();
  for (let index = 1; index <= hosts; index++) {
    const name = `n${index}`;
    world.addHost({ name }).start((env) => {
      const node = new StoreNode({ env, config: { port: PORT, save: '', 'repl-diskless-sync-delay': 0, 'repl-timeout': 5, 'repl-ping-replica-period': 1, ...config } });
      nodes.set(name, node);
      replicationOf(node);
      if (node.start() instanceof EnvError) throw new Error('listen failed');
    });
  }
  const run = (ms: number): void => {
    world.run({ untilUs: world.nowUs() + ms * 1000 });
  };
  run(1);
  const sink = { localAddress: 'bench:1', remoteAddress: 'bench:2', write: () => undefined, close: () => undefined, pendingBytes: () => 0 };
  const clients = new Map<StoreNode, ReturnType<StoreNode['createClient']>>();
  const command = (host: string, argv: readonly string[]): void => {
    const node = nodes.get(host) as StoreNode;
    const client = clients.get(node) ?? node.createClient(sink);
    clients.set(node, client);
    node.executeCommand(client, argv);
  };
  return { world, nodes, run, command, replication: (host) => replicationOf(nodes.get(host) as StoreNode) };
}

function fullSyncBytes(keys: number): number {
  const sim = cluster(2);
  for (let index = 0; index < keys; index++) sim.command('n1', ['SET', `key:${index}`, `value-${index}`]);
  sim.run(10);
  sim.command('n2', ['REPLICAOF', 'n1', String(PORT)]);
  sim.run(1000);
  return sim.replication('n1').fullSyncBytesSent;
}

function partialSyncBytes(missedWrites: number): { readonly bytes: number; readonly partial: number; readonly full: number } {
  const sim = cluster(2);
  for (let index = 0; index < 1000; index++) sim.command('n1', ['SET', `key:${index}`, `value-${index}`]);
  sim.command('n2', ['REPLICAOF', 'n1', String(PORT)]);
  sim.run(1000);
  sim.world.network.partition({ kind: 'isolate', host: 'n2' }, 'drop');
  for (let index = 0; index < missedWrites; index++) sim.command('n1', ['SET', `key:${index % 1000}`, `changed-${index}`]);
  sim.run(8000);
  sim.world.network.heal();
  sim.run(8000);
  const repl = sim.replication('n1');
  return { bytes: repl.partialSyncBytesSent, partial: repl.stats.syncPartialOk, full: repl.stats.syncFull };
}

function perWrite(replicas: number): { readonly messages: number; readonly bytes: number } {
  const sim = cluster(1 + replicas);
  for (let index = 2; index <= 1 + replicas; index++) sim.command(`n${index}`, ['REPLICAOF', 'n1', String(PORT)]);
  sim.run(1000);
  const writes = 1000;
  const fromUs = sim.world.nowUs();
  const bytesBefore = sim.world.stats.bytesDelivered;
  for (let index = 0; index < writes; index++) {
    sim.command('n1', ['SET', `key:${index}`, 'v']);
    sim.run(2);
  }
  const toUs = sim.world.nowUs();
  // Background traffic (ACKs each second, PINGs) is included: it is what replication costs over that time.
  const messages = sim.world.trace.entries().filter((entry) => entry.kind === 'net.deliver' && entry.timeUs >= fromUs && entry.timeUs <= toUs).length;
  return { messages: messages / writes, bytes: (sim.world.stats.bytesDelivered - bytesBefore) / writes };
}

export function main(): void {
  process.stdout.write('full sync: RDB bytes sent against keys in the dataset\n');
  for (const keys of [100, 1_000, 10_000, 50_000]) {
    const bytes = fullSyncBytes(keys);
    process.stdout.write(`  ${String(keys).padStart(6)} keys  ${String(bytes).padStart(9)} bytes  ${(bytes / keys).toFixed(1)} bytes/key\n`);
  }
  process.stdout.write('partial sync: backlog bytes sent against writes missed during a partition\n');
  for (const missed of [10, 100, 1_000, 10_000]) {
    const result = partialSyncBytes(missed);
    process.stdout.write(`  ${String(missed).padStart(6)} missed  ${String(result.bytes).padStart(9)} bytes  ${(result.bytes / missed).toFixed(1)} bytes/write  (partial ${result.partial}, full ${result.full})\n`);
  }
  process.stdout.write('steady state: network messages and bytes delivered per write against replicas\n');
  for (const replicas of [1, 2, 4, 8]) {
    const result = perWrite(replicas);
    process.stdout.write(`  ${String(replicas).padStart(2)} replicas  ${result.messages.toFixed(2)} messages/write  ${result.bytes.toFixed(1)} bytes/write\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
