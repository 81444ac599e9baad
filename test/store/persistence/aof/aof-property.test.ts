import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../../src/store/embedded.js';
import { SimNode } from '../support/sim-node.js';

type Step = { readonly kind: 'command'; readonly argv: string[] } | { readonly kind: 'multi'; readonly commands: string[][] } | { readonly kind: 'wait'; readonly ms: number };

const value = fc.oneof(fc.integer({ min: -50, max: 50 }).map(String), fc.string({ maxLength: 8 }), fc.string({ minLength: 70, maxLength: 80 }));
const key = fc.constantFrom('a', 'b', 'c', 'l', 's', 'z', 'h');
const writeCommand: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(key, value).map(([name, text]) => ['SET', `str:${name}`, text]),
  key.map((name) => ['INCR', `n:${name}`]),
  fc.tuple(key, fc.array(value, { minLength: 1, maxLength: 5 })).map(([name, items]) => ['RPUSH', `l:${name}`, ...items]),
  fc.tuple(key, fc.array(value, { minLength: 1, maxLength: 5 })).map(([name, items]) => ['SADD', `s:${name}`, ...items]),
  fc.tuple(key, fc.integer({ min: -5, max: 5 }), value).map(([name, score, member]) => ['ZADD', `z:${name}`, String(score), member]),
  fc.tuple(key, value, value).map(([name, field, text]) => ['HSET', `h:${name}`, field, text]),
  key.map((name) => ['DEL', `str:${name}`, `l:${name}`]),
  fc.tuple(fc.nat(3), key, value).map(([db, name, text]) => ['SELECT', String(db), name, text]),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: writeCommand.map((argv) => ({ kind: 'command' as const, argv })) },
  { weight: 1, arbitrary: fc.array(writeCommand, { minLength: 2, maxLength: 4 }).map((commands) => ({ kind: 'multi' as const, commands })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 700 }).map((ms) => ({ kind: 'wait' as const, ms })) },
);

/** Runs the steps; SELECT steps select a db and set a key there, then go back to db 0. */
function runSteps(sim: SimNode, steps: readonly Step[]): void {
  for (const current of steps) {
    if (current.kind === 'wait') sim.run(current.ms);
    else if (current.kind === 'multi') {
      sim.callWithin(0.2, 'MULTI');
      for (const command of current.commands) sim.callWithin(0.2, ...(command[0] === 'SELECT' ? ['SET', `str:${command[2]}`, command[3] as string] : command));
      sim.callWithin(1, 'EXEC');
    } else if (current.argv[0] === 'SELECT') {
      sim.callWithin(0.2, 'SELECT', current.argv[1] as string);
      sim.callWithin(0.2, 'SET', `str:${current.argv[2]}`, current.argv[3] as string);
      sim.callWithin(1, 'SELECT', '0');
    } else sim.callWithin(1, ...current.argv);
  }
}

/** The digest after every prefix of the propagated stream that does not end inside a MULTI. */
function prefixDigests(propagated: readonly (readonly [number, string[]])[]): Set<string> {
  const replay = createStore({ startEpochMs: 1_700_000_000_000 });
  const digests = new Set<string>([replay.node.datasetDigest()]);
  let selected = 0;
  let inMulti = false;
  for (const [db, argv] of propagated) {
    if (db !== selected) replay.call('SELECT', String(db));
    selected = db;
    replay.call(...argv);
    const name = (argv[0] as string).toLowerCase();
    if (name === 'multi') inMulti = true;
    if (name === 'exec') inMulti = false;
    if (!inMulti) digests.add(replay.node.datasetDigest());
  }
  return digests;
}

function recordPropagation(sim: SimNode): (readonly [number, string[]])[] {
  const propagated: (readonly [number, string[]])[] = [];
  sim.live.onPropagate((db, argv, target) => {
    if (target.aof) propagated.push([db, argv.map((argument) => argument.toString('latin1'))]);
  });
  return propagated;
}

describe('AOF (property)', () => {
  it('replaying the AOF after a kill gives exactly the live dataset', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.constantFrom('always', 'everysec', 'no'), fc.boolean(), (steps, appendfsync, rewriteMidway) => {
        const sim = new SimNode({ config: { save: '', appendonly: 'yes', appendfsync } });
        runSteps(sim, steps.slice(0, steps.length / 2));
        if (rewriteMidway) sim.call('BGREWRITEAOF');
        runSteps(sim, steps.slice(steps.length / 2));
        // Past the next serverCron (hz 10): under everysec a write postponed behind a running
        // background fsync stays in aof_buf until then, and a kill before it loses that write,
        // as in Redis 7.0.15 (aof-flush.test.ts pins that window down).
        sim.run(250);
        const live = sim.live.datasetDigest();
        sim.kill();
        sim.restart();
        expect(sim.live.datasetDigest()).toBe(live);
      }),
      { numRuns: 25 },
    );
  });

  it('after a power loss the recovered dataset is the dataset after a prefix of what the AOF received, per policy', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), fc.constantFrom('always', 'everysec', 'no'), fc.nat(1000), (steps, appendfsync, seed) => {
        const sim = new SimNode({ config: { save: '', appendonly: 'yes', appendfsync }, seed });
        const propagated = recordPropagation(sim);
        runSteps(sim, steps);
        sim.run(50);
        const live = sim.live.datasetDigest();
        sim.powerLoss();
        sim.restart();
        const recovered = sim.live.datasetDigest();
        expect(prefixDigests(propagated).has(recovered)).toBe(true);
        if (appendfsync === 'always') expect(recovered).toBe(live);
        outcomes.add(recovered === live ? 'everything' : recovered === '0'.repeat(40) ? 'nothing' : 'a strict prefix');
      }),
      { numRuns: 40 },
    );
    expect([...outcomes].sort()).toEqual(['a strict prefix', 'everything', 'nothing']);
  });
});
