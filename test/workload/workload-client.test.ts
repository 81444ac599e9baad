import { describe, expect, test } from 'vitest';
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

interface Bench {
  readonly world: World;
  readonly recorder: HistoryRecorder;
  readonly client: WorkloadClient;
}

function bench(options: { readonly mix?: OpMix; readonly startServer?: boolean; readonly opTimeoutMs?: number; readonly thinkMs?: number } = {}): Bench {
  const world = new World({ seed: 11, network: { latency: { kind: 'constant', ms: 1 } } });
  const server = world.addHost({ name: 'n1' });
  if (options.startServer !== false) server.start((env) => void new StoreNode({ env }).start());
  const recorder = new HistoryRecorder();
  const prng = Prng.root(5);
  const unique = new UniqueValues();
  const mix = options.mix ?? { kind: 'register', keys: 2 };
  const client = new WorkloadClient({
    name: 'c1',
    recorder,
    processIds: new ProcessIdAllocator(),
    nowUs: () => world.nowUs(),
    opTimeoutMs: options.opTimeoutMs ?? 200,
    nextPlan: () => nextPlan(mix, prng, unique),
    route: () => ({ host: 'n1', port: 6379 }),
    thinkMs: () => options.thinkMs ?? 20,
  });
  world.addHost({ name: 'c1' }).start(client.main);
  return { world, recorder, client };
}

const completions = (ops: readonly Op[]): Op[] => ops.filter((op) => op.type !== 'invoke');

describe('workload client', () => {
  test('against a healthy node every op completes ok, served by n1, in time order', () => {
    const { world, recorder } = bench();
    world.run({ untilUs: msUs(2000) });
    const ops = recorder.ops();
    expect(completions(ops).length).toBeGreaterThan(50);
    expect(completions(ops).every((op) => op.type === 'ok' && op.node === 'n1')).toBe(true);
    for (let index = 1; index < ops.length; index++) expect((ops[index] as Op).time).toBeGreaterThanOrEqual((ops[index - 1] as Op).time);
  });

  test('a timeout ends the op info and the client continues as a new process id', () => {
    const { world, recorder } = bench({ opTimeoutMs: 100 });
    world.at(msUs(500), 'test', 'pause', () => world.host('n1').pause());
    world.at(msUs(1500), 'test', 'resume', () => world.host('n1').resume());
    world.run({ untilUs: msUs(3000) });
    const ops = recorder.ops();
    const infoIndex = ops.findIndex((op) => op.type === 'info');
    expect(infoIndex).toBeGreaterThan(0);
    const info = ops[infoIndex] as Op;
    expect(String(info.error)).toContain('timeout');
    const next = ops.slice(infoIndex + 1).find((op) => op.type === 'invoke');
    expect(next).toBeDefined();
    expect(next?.process).not.toBe(info.process);
    expect(ops.slice(infoIndex + 1).some((op) => op.process === info.process)).toBe(false);
    expect(completions(ops.slice(infoIndex)).some((op) => op.type === 'ok')).toBe(true);
  });

  test('a connection refused before anything was sent makes the op fail, and the process goes on', () => {
    const { world, recorder } = bench({ startServer: false });
    world.run({ untilUs: msUs(500) });
    const done = completions(recorder.ops());
    expect(done.length).toBeGreaterThan(5);
    expect(done.every((op) => op.type === 'fail' && String(op.error).includes('connection-refused'))).toBe(true);
    expect(new Set(recorder.ops().map((op) => op.process)).size).toBe(1);
  });

  test('a connection lost while a request is in flight makes the op info', () => {
    const { world, recorder } = bench({ thinkMs: 0 });
    // Every op is in flight all the time (no think time), so the kill catches one.
    world.at(msUs(300) + 500, 'test', 'kill', () => world.host('n1').kill());
    world.run({ untilUs: msUs(1000) });
    const done = completions(recorder.ops());
    const lost = done.filter((op) => op.type === 'info');
    expect(lost.length).toBe(1);
    expect(String(lost[0]?.error)).toContain('connection-lost');
    expect(done.filter((op) => (op.time > msUs(310) ? op.type !== 'fail' : false)).length).toBe(0);
  });

  test('an append transaction invokes one op per lane, each with its own process, at the same instant', () => {
    const { world, recorder } = bench({ mix: { kind: 'list-append', keys: 2, appendsPerTransaction: 3, readFraction: 0 } });
    world.run({ untilUs: msUs(300) });
    const ops = recorder.ops();
    const firstInvoke = ops[0] as Op;
    const lanes = ops.filter((op) => op.type === 'invoke' && op.time === firstInvoke.time);
    expect(lanes.length).toBe(3);
    expect(new Set(lanes.map((op) => op.process)).size).toBe(3);
    const laneCompletions = ops.filter((op) => op.type === 'ok' && lanes.some((lane) => lane.process === op.process));
    expect(new Set(laneCompletions.slice(0, 3).map((op) => op.time)).size).toBe(1);
  });

  test('after stop the client finishes its op and starts no other', () => {
    const { world, recorder, client } = bench();
    world.run({ untilUs: msUs(500) });
    client.stop();
    world.run({ untilUs: msUs(800) });
    const countAfterStop = recorder.ops().length;
    expect(client.isIdle).toBe(true);
    world.run({ untilUs: msUs(2000) });
    expect(recorder.ops().length).toBe(countAfterStop);
  });
});
