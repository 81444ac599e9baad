import { describe, expect, it } from 'vitest';
import { isInvariantError } from '../../src/core/assert.js';
import type { Env } from '../../src/env/env.js';
import type { LogEntry } from '../../src/sim/log-book.js';
import { World } from '../../src/sim/world.js';
import { bytesOf, type ConnectionLog, listeningMain, loggingHandlers, msUs, newConnectionLog, worldWithHosts } from './helpers.js';

describe('World', () => {
  it('delivers bytes between two processes after the link latency, in order', () => {
    const world = worldWithHosts(2);
    const accepted: ConnectionLog[] = [];
    world.host('n2').start(listeningMain(7000, accepted));
    const client = newConnectionLog();
    let connectedAtUs = -1;
    world.host('n1').start((env: Env) => {
      const connection = env.net.connect({ host: 'n2', port: 7000 }, {
        ...loggingHandlers(client),
        onConnect: () => {
          connectedAtUs = world.nowUs();
          connection.write(bytesOf('hello '));
          connection.write(bytesOf('world'));
        },
      });
    });
    world.run({ untilUs: msUs(100) });
    expect(connectedAtUs).toBe(msUs(2));
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.received).toBe('hello world');
    expect(accepted[0]?.chunks).toEqual(['hello ', 'world']);
  });

  it('runs world events at their time and stops at untilUs with the clock there', () => {
    const world = worldWithHosts(1);
    const seen: number[] = [];
    world.at(500, 'test.a', 'a', () => seen.push(world.nowUs()));
    world.at(200, 'test.b', 'b', () => seen.push(world.nowUs()));
    world.at(900, 'test.c', 'c', () => seen.push(world.nowUs()));
    const outcome = world.run({ untilUs: 600 });
    expect(seen).toEqual([200, 500]);
    expect(outcome.reason).toBe('until');
    expect(world.nowUs()).toBe(600);
    expect(world.trace.entries().map((entry) => entry.kind)).toEqual(['test.b', 'test.a']);
  });

  it('collects what processes log and the steps they count, and lets a sink see each log line', () => {
    const seen: LogEntry[] = [];
    const world = new World({ seed: 1, onLog: (entry) => seen.push(entry), logEntriesKeptMax: 2 });
    const host = world.addHost({ name: 'n1' });
    host.start((env) => {
      env.log('notice', 'one');
      env.log('warning', 'two');
      env.timers.after(5, () => env.log('verbose', 'three'));
      env.countSteps?.('rdb.save', 3);
      env.countSteps?.('rdb.save', 4);
    });
    world.run();
    expect(seen.map((entry) => [entry.message, entry.level, entry.host, entry.incarnation, entry.timeUs])).toEqual([
      ['one', 'notice', 'n1', 1, 0],
      ['two', 'warning', 'n1', 1, 0],
      ['three', 'verbose', 'n1', 1, 5000],
    ]);
    expect(world.logs.entries().map((entry) => entry.message)).toEqual(['two', 'three']);
    expect(world.logs.count).toBe(3);
    expect(world.stats.steps.get('rdb.save')).toBe(7);
  });

  it('names its hosts uniquely and refuses unknown names and world events in the past', () => {
    const world = worldWithHosts(2);
    expect(world.hosts.map((host) => [host.name, host.index])).toEqual([['n1', 0], ['n2', 1]]);
    const attempts: (() => unknown)[] = [() => world.addHost({ name: 'n1' }), () => world.host('n9'), () => world.addHost({ name: 'a:b' })];
    world.run({ untilUs: 100 });
    attempts.push(() => world.at(50, 'test.past', 0, () => undefined));
    for (const attempt of attempts) {
      let error: unknown = null;
      try {
        attempt();
      } catch (caught: unknown) {
        error = caught;
      }
      expect(isInvariantError(error)).toBe(true);
    }
  });

  it('cancels a world event before it runs', () => {
    const world = worldWithHosts(1);
    const ran: string[] = [];
    const handle = world.after(10, 'test.cancelled', 0, () => ran.push('cancelled'));
    world.after(20, 'test.kept', 0, () => ran.push('kept'));
    world.cancel(handle);
    world.run();
    expect(ran).toEqual(['kept']);
    expect(world.trace.count).toBe(1);
  });
});
