import { describe, expect, test } from 'vitest';
import { HistoryRecorder } from '../../src/history/history-recorder.js';
import { World } from '../../src/sim/world.js';
import { StoreNode } from '../../src/store/server/node.js';
import { FinalReader } from '../../src/workload/final-reader.js';
import { ProcessIdAllocator } from '../../src/workload/process-ids.js';

function reader(options: { readonly serverStartsAtMs: number | null; readonly attemptsMax: number }): { world: World; recorder: HistoryRecorder; finalReader: FinalReader } {
  const world = new World({ seed: 3, network: { latency: { kind: 'constant', ms: 1 } } });
  const server = world.addHost({ name: 'n1' });
  const recorder = new HistoryRecorder();
  const finalReader = new FinalReader({ world, recorder, processIds: new ProcessIdAllocator(), kind: 'set', keys: ['k0', 'k1'], opTimeoutMs: 100, route: () => ({ host: 'n1', port: 6379 }), attemptsMax: options.attemptsMax });
  if (options.serverStartsAtMs !== null) {
    world.at(options.serverStartsAtMs * 1000, 'test', 'start', () =>
      server.start((env) => void new StoreNode({ env }).start()),
    );
  }
  finalReader.start();
  return { world, recorder, finalReader };
}

describe('final reader', () => {
  test('retries a read that did not come back ok until the node answers', () => {
    const { world, recorder, finalReader } = reader({ serverStartsAtMs: 250, attemptsMax: 10 });
    world.run({ untilUs: 2_000_000 });
    expect(finalReader.isDone()).toBe(true);
    expect(finalReader.unreadKeys()).toEqual([]);
    expect(finalReader.finalValues().get('k0')).toEqual([]);
    expect(recorder.ops().filter((op) => op.type === 'fail').length).toBeGreaterThan(0);
  });

  test('gives up on a key after its attempts and reports it unread', () => {
    const { world, finalReader } = reader({ serverStartsAtMs: null, attemptsMax: 2 });
    world.run({ untilUs: 2_000_000 });
    expect(finalReader.isDone()).toBe(true);
    expect(finalReader.unreadKeys()).toEqual(['k0', 'k1']);
  });
});
