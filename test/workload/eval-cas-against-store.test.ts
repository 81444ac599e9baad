import { describe, expect, test } from 'vitest';
import { checkLinearizability } from '../../src/checker/index.js';
import { Prng } from '../../src/core/prng.js';
import { HistoryRecorder } from '../../src/history/history-recorder.js';
import type { Op } from '../../src/history/op.js';
import { World } from '../../src/sim/world.js';
import { StoreNode } from '../../src/store/server/node.js';
import { nextPlan, UniqueValues } from '../../src/workload/op-generator.js';
import { ProcessIdAllocator } from '../../src/workload/process-ids.js';
import { WorkloadClient } from '../../src/workload/workload-client.js';
import type { OpMix } from '../../src/workload/workload-kind.js';

const msUs = (ms: number): number => ms * 1000;
const evalMix: OpMix = { kind: 'cas-register', keys: 1, casVia: 'eval' };

/** Three clients running cas-register with EVAL cas against one simulated store node. */
function benchWorld(opTimeoutMs: number): { readonly world: World; readonly recorder: HistoryRecorder } {
  const world = new World({ seed: 17, network: { latency: { kind: 'uniform', minMs: 0.2, maxMs: 3 } } });
  world.addHost({ name: 'n1' }).start((env) => void new StoreNode({ env }).start());
  const recorder = new HistoryRecorder();
  const processIds = new ProcessIdAllocator();
  const unique = new UniqueValues();
  for (const name of ['c1', 'c2', 'c3']) {
    const prng = Prng.root(5).fork(name);
    const client = new WorkloadClient({ name, recorder, processIds, nowUs: () => world.nowUs(), opTimeoutMs, nextPlan: () => nextPlan(evalMix, prng, unique), route: () => ({ host: 'n1', port: 6379 }), thinkMs: () => 5 });
    world.addHost({ name }).start(client.main);
  }
  return { world, recorder };
}

const casCompletions = (ops: readonly Op[]): Op[] => ops.filter((op) => op.type !== 'invoke' && op.f === 'cas');

describe('EVAL cas against a store node', () => {
  test('the script sets on a match and refuses otherwise: the history is linearizable with both outcomes', () => {
    const { world, recorder } = benchWorld(200);
    world.run({ untilUs: msUs(3000) });
    const ops = recorder.ops();
    const cas = casCompletions(ops);
    expect(cas.filter((op) => op.type === 'ok').length).toBeGreaterThan(10);
    expect(cas.filter((op) => op.type === 'fail').length).toBeGreaterThan(10);
    expect(cas.filter((op) => op.type === 'fail').every((op) => op.error === 'cas: the value differed')).toBe(true);
    expect(ops.some((op) => op.type === 'info')).toBe(false);
    expect(checkLinearizability(ops, { model: 'cas-register' }).valid).toBe(true);
  });

  test('a cas whose reply never comes (the node paused) ends info with a timeout', () => {
    const { world, recorder } = benchWorld(100);
    world.at(msUs(500), 'test', 'pause', () => world.host('n1').pause());
    world.at(msUs(1500), 'test', 'resume', () => world.host('n1').resume());
    world.run({ untilUs: msUs(3000) });
    const unknown = casCompletions(recorder.ops()).filter((op) => op.type === 'info');
    expect(unknown.length).toBeGreaterThan(0);
    for (const op of unknown) expect(String(op.error)).toContain('timeout');
    expect(checkLinearizability(recorder.ops(), { model: 'cas-register' }).valid).toBe(true);
  });
});
