import { describe, expect, test } from 'vitest';
import { Prng } from '../../src/core/prng.js';
import { finalReadPlan, nextPlan, UniqueValues } from '../../src/workload/op-generator.js';
import { workloadKinds } from '../../src/workload/workload-kind.js';

describe('op generator', () => {
  test('keys stay within the workload key count for every kind', () => {
    for (const kind of workloadKinds) {
      const prng = Prng.root(1).fork(kind);
      const unique = new UniqueValues();
      for (let draw = 0; draw < 200; draw++) {
        for (const invocation of nextPlan({ kind, keys: 3, appendsPerTransaction: 2 }, prng, unique).invocations) expect(['k0', 'k1', 'k2'], kind).toContain(invocation.key);
      }
    }
  });

  test('added and appended values are unique across a run', () => {
    const unique = new UniqueValues();
    const prng = Prng.root(7);
    const seen = new Set<string>();
    for (let draw = 0; draw < 500; draw++) {
      for (const invocation of nextPlan({ kind: 'list-append', keys: 2, appendsPerTransaction: 3 }, prng, unique).invocations) {
        if (invocation.f !== 'append') continue;
        const text = JSON.stringify([invocation.key, invocation.value]);
        expect(seen.has(text)).toBe(false);
        seen.add(text);
      }
    }
    expect(seen.size).toBeGreaterThan(500);
  });

  test('the read fraction shapes the mix', () => {
    const prng = Prng.root(3);
    const unique = new UniqueValues();
    let reads = 0;
    for (let draw = 0; draw < 2000; draw++) if (nextPlan({ kind: 'register', keys: 1, readFraction: 0.8 }, prng, unique).readOnly) reads++;
    expect(reads / 2000).toBeGreaterThan(0.75);
    expect(reads / 2000).toBeLessThan(0.85);
  });

  test('casVia picks how a cas runs (EVAL or WATCH, the default) and changes nothing else the generator draws', () => {
    const drawn = (casVia: 'watch' | 'eval' | undefined): { readonly invocations: string[]; readonly firstCommands: string[] } => {
      const prng = Prng.root(9);
      const unique = new UniqueValues();
      const invocations: string[] = [];
      const firstCommands: string[] = [];
      for (let draw = 0; draw < 300; draw++) {
        const plan = nextPlan({ kind: 'cas-register', keys: 2, ...(casVia === undefined ? {} : { casVia }) }, prng, unique);
        invocations.push(JSON.stringify(plan.invocations));
        const first = plan.start();
        if (first.kind === 'send' && plan.invocations[0]?.f === 'cas') firstCommands.push(first.commands.map((command) => command[0]).join(','));
      }
      return { invocations, firstCommands };
    };
    const byEval = drawn('eval');
    const byWatch = drawn('watch');
    const byDefault = drawn(undefined);
    expect(byEval.firstCommands.length).toBeGreaterThan(50);
    expect(new Set(byEval.firstCommands)).toEqual(new Set(['EVAL']));
    expect(new Set(byWatch.firstCommands)).toEqual(new Set(['WATCH,GET']));
    expect(byDefault).toEqual(byWatch);
    expect(byEval.invocations).toEqual(byWatch.invocations);
  });

  test('final reads read the whole value of a key for each kind', () => {
    expect(finalReadPlan('set', 'k0').start()).toMatchObject({ commands: [['SMEMBERS', 'k0']] });
    expect(finalReadPlan('list-append', 'k0').start()).toMatchObject({ commands: [['LRANGE', 'k0', '0', '-1']] });
    expect(finalReadPlan('cas-register', 'k0').start()).toMatchObject({ commands: [['GET', 'k0']] });
  });
});
