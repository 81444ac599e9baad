import { describe, expect, it } from 'vitest';
import { isInvariantError } from '../../src/core/assert.js';
import type { Env } from '../../src/env/env.js';
import { simulatedPid } from '../../src/sim/sim-env.js';
import { msUs, worldWithHosts } from './helpers.js';

describe('SimHost and its process', () => {
  it('starts main as the incarnation\'s first event, with a fresh env and a pid derived from host and incarnation', () => {
    const world = worldWithHosts(1);
    const host = world.host('n1');
    const seen: { incarnation: number; pid: number; hostName: string }[] = [];
    const main = (env: Env): void => {
      seen.push({ incarnation: host.incarnation, pid: env.pid, hostName: env.hostName });
    };
    expect(host.start(main)).toBe(1);
    expect(seen).toEqual([]);
    world.run({ untilUs: 10 });
    expect(host.restart()).toBe(2);
    world.run({ untilUs: 20 });
    expect(seen).toEqual([
      { incarnation: 1, pid: simulatedPid('n1', 1), hostName: 'n1' },
      { incarnation: 2, pid: simulatedPid('n1', 2), hostName: 'n1' },
    ]);
    expect(seen[0]?.pid).not.toBe(seen[1]?.pid);
    expect(world.stats.processStarts).toBe(2);
  });

  it('drops, and counts, events addressed to a killed incarnation, even after a restart', () => {
    const world = worldWithHosts(1);
    const host = world.host('n1');
    const fired: number[] = [];
    host.start((env) => {
      const incarnation = host.incarnation;
      env.timers.after(5, () => fired.push(incarnation));
      env.timers.after(50, () => fired.push(incarnation));
    });
    world.run({ untilUs: msUs(10) });
    expect(fired).toEqual([1]);
    host.kill();
    host.start(() => undefined);
    world.run({ untilUs: msUs(100) });
    expect(fired).toEqual([1]);
    expect(host.state).toBe('running');
    expect(world.stats.droppedForDeadIncarnation).toBe(1);
  });

  it('holds the events of a paused process and delivers them in order on resume', () => {
    const world = worldWithHosts(1);
    const host = world.host('n1');
    const fired: [string, number][] = [];
    host.start((env) => {
      for (const [label, delayMs] of [['a', 10], ['b', 20], ['c', 30]] as const) env.timers.after(delayMs, () => fired.push([label, world.nowUs()]));
    });
    world.run({ untilUs: msUs(5) });
    expect(host.pause()).toBe(true);
    world.run({ untilUs: msUs(100) });
    expect(fired).toEqual([]);
    expect(host.resume()).toBe(true);
    world.run({ untilUs: msUs(200) });
    expect(fired).toEqual([['a', msUs(100)], ['b', msUs(100)], ['c', msUs(100)]]);
  });

  it('postpones a process\'s next events by the latency of a synchronous fsync, keeping their order', () => {
    const world = worldWithHosts(1);
    world.addHost({ name: 'slow', disk: { latency: { fsync: { kind: 'constant', ms: 7 } } } });
    const host = world.host('slow');
    const fired: [string, number][] = [];
    host.start((env) => {
      env.timers.after(1, () => {
        const file = env.fs.open('f', { create: true, truncate: false });
        if (file instanceof Error) throw file;
        file.append(new Uint8Array([1]));
        expect(file.fsync()).toBeUndefined();
        expect(env.clock.monotonicUs()).toBe(msUs(8));
      });
      env.timers.after(2, () => fired.push(['two', world.nowUs()]));
      env.timers.after(3, () => fired.push(['three', world.nowUs()]));
      env.timers.after(20, () => fired.push(['twenty', world.nowUs()]));
    });
    world.run({ untilUs: msUs(50) });
    expect(fired).toEqual([['two', msUs(8)], ['three', msUs(8)], ['twenty', msUs(20)]]);
  });

  it('stops delivering to a process that exits, and leaves its exit code', () => {
    const world = worldWithHosts(1);
    const host = world.host('n1');
    const fired: string[] = [];
    host.start((env) => {
      env.timers.after(1, () => {
        fired.push('before exit');
        env.exit(3);
      });
      env.timers.after(2, () => fired.push('after exit'));
    });
    world.run({ untilUs: msUs(10) });
    expect(fired).toEqual(['before exit']);
    expect(host.state).toBe('exited');
    expect(host.process.exitCode).toBe(3);
    expect(host.isUp).toBe(false);
  });

  it('refuses to start a second live process, and reports no-ops for impossible kill, pause and resume', () => {
    const world = worldWithHosts(1);
    const host = world.host('n1');
    expect(host.kill()).toBe(false);
    expect(host.pause()).toBe(false);
    host.start(() => undefined);
    let error: unknown = null;
    try {
      host.start(() => undefined);
    } catch (caught: unknown) {
      error = caught;
    }
    expect(isInvariantError(error)).toBe(true);
    expect(host.resume()).toBe(false);
  });
});
